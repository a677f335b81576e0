package dev.vigie.jobs.run;

import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.alerts.AlertPreview;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.nlp.alert.AlertRule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * How long {@code vigie alerts test} takes on a watch with many indexed mentions: indexes {@code MENTIONS} mentions
 * of one watch over 13 days (as {@link EarlierStoriesBenchmark} does: synthetic words {@code w1}, {@code w2}... with
 * a Zipf law, so {@code w1} is in most mentions and {@code w3k2} in few), then times {@link AlertPreview#run} for
 * queries from selective to broad, and for a query the prefilter cannot narrow (a full scan, the cost without it).
 *
 * <pre>
 * jobs/bench/alerts-test-benchmark.sh [MENTIONS [WATCH]]    # 200000; WATCH: reuse a watch a previous run indexed
 * </pre>
 */
public final class AlertsTestBenchmark {

    private AlertsTestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int mentions = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        String es = ElasticsearchExtension.url().toString();
        String watch = args.length > 1
                ? args[1]
                : "bench-alerts-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Instant now = Instant.now();
        try (ElasticsearchEndpoint.Clients clients =
                ElasticsearchEndpoint.of(es).clients()) {
            IndexTemplates.installAll(clients.sync());
            long start = System.nanoTime();
            if (args.length > 1) {
                System.out.printf(
                        Locale.ROOT,
                        "watch %s, indexed by an earlier run of this benchmark (Elasticsearch"
                                + " %s, load average %s)%n",
                        watch,
                        es,
                        StoryStageBenchmark.loadAverage());
            } else {
                EarlierStoriesBenchmark.index(clients.rest(), watch, mentions, now);
                System.out.printf(
                        Locale.ROOT,
                        "indexed %,d mentions of watch %s in %.1f s (Elasticsearch %s, load" + " average %s)%n",
                        mentions,
                        watch,
                        (System.nanoTime() - start) / 1e9,
                        es,
                        StoryStageBenchmark.loadAverage());
            }
            AlertPreview preview = new AlertPreview(clients.sync());
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %9s %11s %9s %9s %9s%n",
                    "query (--since 4w)",
                    "in window",
                    "candidates",
                    "matched",
                    "requests",
                    "seconds");
            List<String> queries = List.of(
                    "w3k2", "w3k2 OR w2ab", "w5 AND w7k", "\"w1 w2\"", "w1 AND NOT w2", "w1", "author:nobody OR w3k2");
            for (int round = 1; round <= 2; round++) {
                for (String q : queries) {
                    long t = System.nanoTime();
                    AlertPreview.Result r = preview.run(
                            AlertRule.of(watch, "bench", q),
                            now.minus(Duration.ofDays(28)),
                            now.plusSeconds(1),
                            ZoneOffset.UTC,
                            10);
                    System.out.printf(
                            Locale.ROOT,
                            "%-44s %,9d %,11d %,9d %9d %9.2f%n",
                            "round " + round + ": " + q,
                            r.inWindow(),
                            r.candidates(),
                            r.matched(),
                            r.requests(),
                            (System.nanoTime() - t) / 1e9);
                }
            }
        }
        System.out.printf(Locale.ROOT, "load average %s%n", StoryStageBenchmark.loadAverage());
        System.exit(0);
    }
}
