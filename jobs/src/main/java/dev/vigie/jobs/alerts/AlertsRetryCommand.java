package dev.vigie.jobs.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.vigie.dashboards.EsClients;
import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.WatchFilesOption;
import dev.vigie.jobs.mail.internal.Ledger;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.Watch;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie alerts retry --watch FILE [--rule ID] [--dry-run]}: the alert hits a channel refused for good (a webhook
 * that answered 404 or 403: {@code failed} in the ledger) become {@code pending} again, so that the next run delivers
 * them, once the webhook is mended. Hits whose channel left the watch meanwhile go to the rule's current channels.
 */
@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        description = {
            "Make the alert hits that a channel refused for good (failed in the ledger, e.g. a webhook that answered"
                    + " 404) pending again: the next 'vigie run' delivers them. Mend the webhook first.",
            "Prints, per rule and channel, how many hits failed and why."
        },
        footer = {
            "",
            "Exit codes: 0 done (also when nothing had failed), 1 Elasticsearch failed, 2 bad usage (unknown rule),"
                    + " 3 a watch file was refused."
        })
public final class AlertsRetryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WatchFilesOption watches;

    @Option(names = "--rule", paramLabel = "ID", description = "Only the hits of this rule.")
    String ruleId;

    @Option(names = "--dry-run", description = "Only say what failed; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws InvalidWatchException, IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<Watch> all = watches.load();
        if (ruleId != null) {
            for (Watch watch : all) {
                if (watch.alert(ruleId).isEmpty()) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("vigie alerts retry: watch '" + watch.id() + "' has no alert rule '" + ruleId
                            + "' (it has: "
                            + String.join(
                                    ", ",
                                    watch.alerts().stream()
                                            .map(AlertRuleSpec::id)
                                            .toList()) + ")");
                    err.flush();
                    return ExitCodes.USAGE;
                }
            }
        }
        for (Watch watch : all) {
            try (ElasticsearchClient client = EsClients.create(
                    watch.elasticsearch().url(), watch.elasticsearch().apiKey().reveal())) {
                Ledger ledger = new Ledger(client);
                List<Ledger.Entry> failed = ledger.failed(watch.id()).stream()
                        .filter(e -> ruleId == null || e.rule().equals(ruleId))
                        .toList();
                report(out, watch, failed);
                if (failed.isEmpty() || dryRun) {
                    continue;
                }
                Ledger.Moved moved = ledger.retry(failed);
                out.printf(
                        Locale.ROOT,
                        "%,d hits are pending again: the next run of watch %s delivers them%s.%n",
                        moved.moved().size(),
                        watch.id(),
                        moved.skipped().isEmpty()
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " (%,d were moved by a run meanwhile and left as they are)",
                                        moved.skipped().size()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void report(PrintWriter out, Watch watch, List<Ledger.Entry> failed) {
        String scope = "watch " + watch.id() + (ruleId == null ? "" : ", rule " + ruleId);
        if (failed.isEmpty()) {
            out.println("No failed alert hits for " + scope + ".");
            return;
        }
        out.printf(Locale.ROOT, "%,d failed alert hits for %s:%n", failed.size(), scope);
        Map<String, Map<String, List<Ledger.Entry>>> byRule = new TreeMap<>();
        for (Ledger.Entry e : failed) {
            byRule.computeIfAbsent(e.rule(), r -> new TreeMap<>())
                    .computeIfAbsent(e.recipient(), c -> new java.util.ArrayList<>())
                    .add(e);
        }
        byRule.forEach((rule, channels) -> channels.forEach((channel, entries) -> {
            String reason = entries.get(entries.size() - 1).lastError();
            String note = watch.alert(rule)
                    .map(r -> r.channels().stream().anyMatch(c -> c.equalsIgnoreCase(channel))
                            ? ""
                            : " (channel no longer in the rule: they go to its current channels)")
                    .orElse(" (rule no longer in the watch: the next run drops them)");
            out.printf(
                    Locale.ROOT,
                    "  %s -> %s: %,d hits%s%s%n",
                    rule,
                    channel,
                    entries.size(),
                    reason == null ? "" : ", last answer: " + reason,
                    note);
        }));
        if (dryRun) {
            out.println("Dry run: nothing changed.");
        }
    }
}
