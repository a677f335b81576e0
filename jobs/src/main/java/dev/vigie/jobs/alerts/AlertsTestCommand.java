package dev.vigie.jobs.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.vigie.dashboards.EsClients;
import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.WatchFilesOption;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.nlp.alert.AlertQuerySyntaxException;
import dev.vigie.nlp.alert.AlertRule;
import dev.vigie.nlp.alert.Highlight;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vigie alerts test --watch FILE (--query '...' | --rule ID) [--since 4w] [--show 10] [--explain ID]}: what a
 * rule would have caught among the mentions already indexed for the watch, with the job's parser and matcher.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Try an alert query (or a rule of the watch) on the mentions already indexed for the watch:"
                    + " matches per week and the first matches with their matched words in [brackets].",
            "The same parser and matcher as 'vigie run'; Elasticsearch only returns the mentions that contain"
                    + " the query's words, and each is then matched for real."
        },
        footer = {
            "",
            "Exit codes: 0 done, 1 Elasticsearch failed, 2 bad usage (bad query, unknown rule or mention),"
                    + " 3 a watch file was refused."
        })
public final class AlertsTestCommand implements Callable<Integer> {

    /** Matches printed by default. */
    public static final int DEFAULT_SHOW = 10;

    private static final Pattern SINCE = Pattern.compile("(\\d+)([hdw])");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String TEST_RULE = "test";

    @Spec
    CommandSpec spec;

    @Mixin
    WatchFilesOption watches;

    @Option(names = "--query", paramLabel = "QUERY", description = "The query to try (the syntax of alert rules).")
    String query;

    @Option(
            names = "--rule",
            paramLabel = "ID",
            description = "Try this rule of the watch (its query, languages" + " and sentiment).")
    String ruleId;

    @Option(
            names = "--since",
            paramLabel = "AGE",
            converter = SinceConverter.class,
            defaultValue = "4w",
            description = "How far back: 12h, 30d, 4w (default: 4w).")
    Duration since;

    @Option(names = "--show", paramLabel = "N", defaultValue = "10", description = "Matches to print (default: 10).")
    int show;

    @Option(
            names = "--explain",
            paramLabel = "MENTION_ID",
            description = "Explain why this mention (its document id," + " as in Kibana) matches or not.")
    String explain;

    private final Clock clock;

    public AlertsTestCommand() {
        this(Clock.systemUTC());
    }

    AlertsTestCommand(Clock clock) {
        this.clock = clock;
    }

    /** {@code 12h}, {@code 30d}, {@code 4w}: a bad value is a usage error. */
    static final class SinceConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher m = SINCE.matcher(value.trim());
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw new TypeConversionException("expected a positive number of hours, days or weeks such as 12h,"
                        + " 30d or 4w, got '" + value + "'");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
    }

    @Override
    public Integer call() throws InvalidWatchException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((query == null) == (ruleId == null)) {
            return usage(err, "give either --query '...' or --rule ID");
        }
        if (show < 0) {
            return usage(err, "--show must be 0 or more, got " + show);
        }
        List<Watch> all = watches.load();
        for (Watch watch : all) {
            AlertRule rule;
            try {
                rule = rule(watch);
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
            try (ElasticsearchClient client = EsClients.create(
                    watch.elasticsearch().url(), watch.elasticsearch().apiKey().reveal())) {
                AlertPreview preview = new AlertPreview(client);
                if (explain != null) {
                    List<String> lines = preview.explain(rule, explain);
                    if (lines.isEmpty()) {
                        return usage(err, "no mention '" + explain + "' is indexed for watch '" + watch.id() + "'");
                    }
                    lines.forEach(out::println);
                    continue;
                }
                Instant until = clock.instant();
                long start = System.nanoTime();
                AlertPreview.Result result = preview.run(rule, until.minus(since), until, watch.timezone(), show);
                print(out, watch, rule, result, (System.nanoTime() - start) / 1_000_000);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private AlertRule rule(Watch watch) {
        if (query != null) {
            try {
                dev.vigie.nlp.alert.AlertMatcher.checkQuery(query);
            } catch (AlertQuerySyntaxException e) {
                throw new IllegalArgumentException("bad query: " + e.getMessage());
            }
            return AlertRule.of(watch.id(), TEST_RULE, query);
        }
        for (AlertRuleSpec r : watch.alerts()) {
            if (r.id().equals(ruleId) && r.isSpike()) {
                throw new IllegalArgumentException("alert rule '" + ruleId + "' is a spike alert: it has no query to "
                        + "try (see docs/operations.md, \"Spike alerts\")");
            }
            if (r.id().equals(ruleId)) {
                Set<String> sentiments = r.sentiment() == SentimentFilter.ANY
                        ? Set.of()
                        : Set.of(r.sentiment().code());
                return new AlertRule(watch.id(), r.id(), r.query(), new LinkedHashSet<>(r.languages()), sentiments);
            }
        }
        throw new IllegalArgumentException("watch '" + watch.id() + "' has no alert rule '" + ruleId + "' (it has: "
                + String.join(
                        ", ", watch.alerts().stream().map(AlertRuleSpec::id).toList()) + ")");
    }

    private static int usage(PrintWriter err, String message) {
        err.println("vigie alerts test: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }

    private void print(PrintWriter out, Watch watch, AlertRule rule, AlertPreview.Result r, long millis) {
        ZoneId zone = watch.timezone();
        out.println("Watch " + watch.id() + ", " + (ruleId != null ? "rule " + ruleId + ": " : "query: ")
                + rule.query() + (rule.languages().isEmpty() ? "" : " (languages " + rule.languages() + ")")
                + (rule.sentiments().isEmpty() ? "" : " (sentiment " + rule.sentiments() + ")"));
        out.printf(
                Locale.ROOT,
                "%,d mentions in the last %s, %,d contain the query's words, %,d match (%,d ms," + " %d requests)%n",
                r.inWindow(),
                describe(since),
                r.candidates(),
                r.matched(),
                millis,
                r.requests());
        out.println();
        out.println("Week       Matches");
        for (Map.Entry<String, Long> e : r.perWeek().entrySet()) {
            out.printf(Locale.ROOT, "%-10s %7d%n", e.getKey(), e.getValue());
        }
        if (!r.first().isEmpty()) {
            out.println();
            out.println(r.first().size() < r.matched() ? "First " + r.first().size() + " matches:" : "Matches:");
            for (AlertPreview.Match m : r.first()) {
                out.println(WHEN.format(m.publishedAt().atZone(zone)) + "  " + m.source() + "  " + m.id());
                String title = marked(m.title(), m.highlights(), "title");
                if (!title.isBlank()) {
                    out.println("  " + title);
                }
                String text = snippet(marked(m.text(), m.highlights(), "text"));
                if (!text.isBlank()) {
                    out.println("  " + text);
                }
                out.println("  matched: " + String.join(", ", m.terms()) + (m.url() == null ? "" : "  " + m.url()));
            }
        }
    }

    private static String describe(Duration d) {
        long hours = d.toHours();
        return hours % (24 * 7) == 0
                ? hours / (24 * 7) + " weeks"
                : hours % 24 == 0 ? hours / 24 + " days" : hours + " hours";
    }

    /** The field's text with each highlighted span in [brackets]. */
    static String marked(String text, List<Highlight> highlights, String field) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Highlight h : highlights) {
            if (h.field().equals(field) && h.start() >= at && h.end() <= text.length()) {
                sb.append(text, at, h.start())
                        .append('[')
                        .append(text, h.start(), h.end())
                        .append(']');
                at = h.end();
            }
        }
        return sb.append(text.substring(at)).toString().replaceAll("\\s+", " ").strip();
    }

    /** At most 200 characters around the first bracket. */
    static String snippet(String text) {
        if (text.length() <= 200) {
            return text;
        }
        int first = Math.max(0, text.indexOf('[') - 60);
        int end = Math.min(text.length(), first + 200);
        return (first > 0 ? "…" : "") + text.substring(first, end) + (end < text.length() ? "…" : "");
    }
}
