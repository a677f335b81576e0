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
 * What a run did, printed at its end: per source (fetched, new, unchanged, a page's baseline, failed with the reason),
 * per alert rule
 * (hits, emailed) and where to look next.
 *
 * @param runId        the run id (also in {@code vigie-runs})
 * @param startedAt    start of the run
 * @param duration     wall time of the run
 * @param sources      one report per source
 * @param alerts       one report per alert rule
 * @param indexed      distinct documents (mentions and page changes) in Elasticsearch after the run
 * @param refused      documents Elasticsearch refused as invalid (mapping errors; see {@code vigie-errors})
 * @param stageMillis  time per stage (plan, job, commit, alerts), in the order they ran
 * @param outboxes     outbox folders where emails were written, when there is no SMTP server
 * @param kibana       Kibana URLs of the watches that name one
 * @param duplicates   new items that another source of the run also gave (one document for both)
 * @param refusedByReason the refused documents by index and error type ("vigie-mentions: document_parsing_exception")
 * @param enrichmentFailures items indexed although an enrichment stage (language, sentiment, themes...) failed on
 *                     them; each is logged with its id and the stages that failed
 */
public record RunSummary(
        String runId,
        Instant startedAt,
        Duration duration,
        List<SourceReport> sources,
        List<AlertReport> alerts,
        long indexed,
        long refused,
        Map<String, Long> stageMillis,
        List<Path> outboxes,
        List<URI> kibana,
        long duplicates,
        Map<String, Long> refusedByReason,
        long enrichmentFailures) {

    /** A summary in which every item was enriched by every stage. */
    public RunSummary(
            String runId,
            Instant startedAt,
            Duration duration,
            List<SourceReport> sources,
            List<AlertReport> alerts,
            long indexed,
            long refused,
            Map<String, Long> stageMillis,
            List<Path> outboxes,
            List<URI> kibana,
            long duplicates,
            Map<String, Long> refusedByReason) {
        this(
                runId,
                startedAt,
                duration,
                sources,
                alerts,
                indexed,
                refused,
                stageMillis,
                outboxes,
                kibana,
                duplicates,
                refusedByReason,
                0);
    }

    /** This summary with {@code count} items indexed although an enrichment stage failed on them. */
    public RunSummary withEnrichmentFailures(long count) {
        return new RunSummary(
                runId,
                startedAt,
                duration,
                sources,
                alerts,
                indexed,
                refused,
                stageMillis,
                outboxes,
                kibana,
                duplicates,
                refusedByReason,
                count);
    }

    public RunSummary {
        sources = List.copyOf(sources);
        alerts = List.copyOf(alerts);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
        outboxes = List.copyOf(outboxes);
        kibana = List.copyOf(kibana);
        refusedByReason = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(refusedByReason));
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
        return sources.stream()
                .filter(s -> s.ref().watch().equals(watch)
                        && s.ref().type().equals(type)
                        && s.ref().name().equals(name))
                .findFirst()
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
        out.printf(
                Locale.ROOT,
                "Run %s: %d sources, %d items fetched, %d new, %d documents indexed%s, %d refused, %s%n",
                runId,
                sources.size(),
                fetched(),
                fresh(),
                indexed,
                duplicates > 0 ? " (" + duplicates + " new items were duplicates across sources)" : "",
                refused,
                human(duration));
        int w = Math.max(
                "watch".length(),
                sources.stream().mapToInt(x -> x.ref().watch().length()).max().orElse(0));
        w = Math.max(w, alerts.stream().mapToInt(a -> a.watch().length()).max().orElse(0));
        String row = "  %-" + w + "s %-10s %-44s %8s %6s %9s  %s%n";
        out.printf(Locale.ROOT, row, "watch", "type", "source", "fetched", "new", "unchanged", "status");
        for (SourceReport s : sources) {
            out.printf(
                    Locale.ROOT,
                    row,
                    s.ref().watch(),
                    s.ref().type(),
                    shorten(label(s.ref()), 44),
                    s.fetched(),
                    s.fresh(),
                    s.unchanged(),
                    s.statusText());
        }
        if (!alerts.isEmpty()) {
            String alertRow = "  %-" + w + "s %-20s %6s %8s %8s %8s  %s%n";
            out.printf(Locale.ROOT, alertRow, "watch", "alert", "hits", "sent", "pending", "unknown", "note");
            for (AlertReport a : alerts) {
                out.printf(
                        Locale.ROOT,
                        alertRow,
                        a.watch(),
                        a.rule(),
                        a.hits(),
                        a.emailed(),
                        a.pending(),
                        a.unknown(),
                        note(a));
            }
        }
        if (enrichmentFailures > 0) {
            out.printf(
                    Locale.ROOT,
                    "  %d items indexed without some enrichment (a model failed on them): see the "
                            + "log, and enrichment_failures in vigie-runs, run_id %s%n",
                    enrichmentFailures,
                    runId);
        }
        if (refused > 0) {
            out.printf(
                    Locale.ROOT,
                    "  WARNING: %d documents refused by Elasticsearch as invalid, not indexed (%s): see "
                            + "index vigie-errors, run_id %s%n",
                    refused,
                    refusedByReason.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey())
                            .collect(java.util.stream.Collectors.joining(", ")),
                    runId);
        }
        long unknown = alerts.stream().mapToLong(AlertReport::unknown).sum();
        if (unknown > 0) {
            out.printf(
                    Locale.ROOT,
                    "  WARNING: %d alert hits were sent without acknowledgement from the mail server "
                            + "(it may have accepted them): not sent again for 24 h, then once more with the same Message-ID; "
                            + "see vigie-alerts, status sending%n",
                    unknown);
        }
        long failed = alerts.stream().mapToLong(AlertReport::failed).sum();
        if (failed > 0) {
            out.printf(
                    Locale.ROOT,
                    "  WARNING: %d alert hits were refused for good by a webhook (see the note): "
                            + "recorded as failed in vigie-alerts, not retried; fix the webhook, then "
                            + "'vigie alerts retry --watch FILE' sends them with the next run%n",
                    failed);
        }
        for (Path outbox : outboxes) {
            out.println("  Alert emails written to " + outbox.toAbsolutePath());
        }
        for (URI url : kibana) {
            out.println("  Dashboards: " + url);
        }
    }

    /** Why alerts are pending, dropped or re-targeted, for the alert row. */
    private static String note(AlertReport a) {
        List<String> notes = new java.util.ArrayList<>();
        if (a.pending() > 0 && !a.pendingReason().isEmpty()) {
            notes.add("pending: " + a.pendingReason()
                    + (a.pendingReason().startsWith("next ")
                                    || a.pendingReason().endsWith(")")
                            ? ""
                            : " (" + a.destination() + ")"));
        }
        if (a.failed() > 0) {
            notes.add(a.failed() + " failed: " + a.failedReason());
        }
        if (a.retargeted() > 0) {
            notes.add(a.retargeted() + " re-targeted to the rule's new recipients");
        }
        if (a.dropped() > 0) {
            notes.add(a.dropped() + " dropped (rule changed)");
        }
        return String.join("; ", notes);
    }

    /**
     * How a person tells sources apart: a feed is named by its host and a page by its competitor, so a watch with
     * four feeds on one host, or three pages of one competitor, needs the URL's path to tell which row is which.
     */
    static String label(SourceRef ref) {
        if (!ref.type().equals("feed") && !ref.type().equals("page")) {
            return ref.name();
        }
        URI url;
        try {
            url = URI.create(ref.url());
        } catch (IllegalArgumentException e) {
            return ref.name();
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return ref.name().equals(url.getHost()) ? ref.name() + path : ref.name() + " " + path;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String human(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
