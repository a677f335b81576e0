package dev.vigie.jobs.run;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run did, printed at its end: per source (fetched, new, unchanged, failed with the reason), per alert rule
 * (hits, emailed) and where to look next.
 *
 * @param runId        the run id (also in {@code vigie-runs})
 * @param startedAt    start of the run
 * @param duration     wall time of the run
 * @param sources      one report per source
 * @param alerts       one report per alert rule
 * @param indexed      mentions and page changes sent to Elasticsearch
 * @param refused      documents Elasticsearch refused for good (see {@code vigie-errors})
 * @param stageMillis  time per stage (plan, job, commit, alerts), in the order they ran
 * @param outboxes     outbox folders where emails were written, when there is no SMTP server
 * @param kibana       Kibana URLs of the watches that name one
 */
public record RunSummary(String runId, Instant startedAt, Duration duration, List<SourceReport> sources,
        List<AlertReport> alerts, long indexed, long refused, Map<String, Long> stageMillis, List<Path> outboxes,
        List<URI> kibana) {

    public RunSummary {
        sources = List.copyOf(sources);
        alerts = List.copyOf(alerts);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
        outboxes = List.copyOf(outboxes);
        kibana = List.copyOf(kibana);
    }

    public long fetched() {
        return sources.stream().mapToLong(SourceReport::fetched).sum();
    }

    public long fresh() {
        return sources.stream().mapToLong(SourceReport::fresh).sum();
    }

    public long failedSources() {
        return sources.stream().filter(s -> s.status() == SourceStatus.FAILED).count();
    }

    /** The source report of {@code type} and {@code name} in {@code watch}, for tests and tools. */
    public SourceReport source(String watch, String type, String name) {
        return sources.stream().filter(s -> s.ref().watch().equals(watch) && s.ref().type().equals(type)
                && s.ref().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no source " + type + " " + name + " in " + watch));
    }

    /** Prints the summary for a person at a terminal. */
    public void print(PrintStream out) {
        PrintWriter writer = new PrintWriter(out, true);
        print(writer);
        writer.flush();
    }

    /** Prints the summary for a person at a terminal. */
    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "Run %s: %d sources, %d items fetched, %d new, %d indexed, %d refused, %s%n",
                runId, sources.size(), fetched(), fresh(), indexed, refused, human(duration));
        out.printf(Locale.ROOT, "  %-10s %-12s %-44s %8s %6s %9s  %s%n", "watch", "type", "source", "fetched", "new",
                "unchanged", "status");
        for (SourceReport s : sources) {
            out.printf(Locale.ROOT, "  %-10s %-12s %-44s %8d %6d %9d  %s%n", s.ref().watch(), s.ref().type(),
                    shorten(s.ref().name(), 44), s.fetched(), s.fresh(), s.unchanged(),
                    s.status() == SourceStatus.FAILED ? "FAILED: " + s.reason() : s.status().id());
        }
        if (!alerts.isEmpty()) {
            out.printf(Locale.ROOT, "  %-10s %-20s %6s %8s %8s%n", "watch", "alert", "hits", "emailed", "pending");
            for (AlertReport a : alerts) {
                out.printf(Locale.ROOT, "  %-10s %-20s %6d %8d %8d%n", a.watch(), a.rule(), a.hits(), a.emailed(),
                        a.pending());
            }
        }
        if (refused > 0) {
            out.printf(Locale.ROOT, "  %d documents refused by Elasticsearch: see index vigie-errors, run_id %s%n",
                    refused, runId);
        }
        for (Path outbox : outboxes) {
            out.println("  Alert emails written to " + outbox.toAbsolutePath());
        }
        for (URI url : kibana) {
            out.println("  Dashboards: " + url);
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String human(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
