package dev.vigie.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.run.RunOptions;
import dev.vigie.jobs.run.RunSummary;
import dev.vigie.jobs.run.VigieRun;
import dev.vigie.jobs.sink.DocumentConverter;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.sink.ElasticsearchSink;
import dev.vigie.jobs.sink.EsDocument;
import dev.vigie.jobs.testing.GeneratedFeeds;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Runs the whole job over N generated items served on loopback (RSS feeds of 500 items), then again with nothing
 * new, and compares the Elasticsearch sink with a raw {@code _bulk} loader on the same documents. Prints numbers.
 *
 * <p>Usage: {@code jobs/bench/run-benchmark.sh N [parallelism]} (see that script); Elasticsearch is the node at
 * {@code VIGIE_TEST_ES_URL}, else one started from the distribution the build prepared.
 */
public final class RunBenchmark {

    private static final int ITEMS_PER_FEED = 500;
    private static final int BULK_SIZE = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        URI es = ElasticsearchExtension.url();
        String watchId = "bench-" + n + "-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        System.out.printf(Locale.ROOT, "Benchmark: %d items, parallelism %d, max heap %d MB, Elasticsearch %s%n", n,
                parallelism, Runtime.getRuntime().maxMemory() >> 20, es);

        try (LoopbackHttpServer server = LoopbackHttpServer.start();
             RestClient rest = ElasticsearchEndpoint.of(es.toString()).restClient()) {
            int feeds = (n + ITEMS_PER_FEED - 1) / ITEMS_PER_FEED;
            StringBuilder list = new StringBuilder();
            for (int f = 0; f < feeds; f++) {
                int items = Math.min(ITEMS_PER_FEED, n - f * ITEMS_PER_FEED);
                server.serve("/bench/feed-" + f + ".xml", "application/rss+xml",
                        GeneratedFeeds.rss(server.url() + "/bench", "feed-" + f, items, f));
                list.append(f == 0 ? "" : ", ").append('"').append(server.url()).append("/bench/feed-").append(f)
                        .append(".xml\"");
            }
            Watch watch = new WatchLoader(Map.of()).parse(watchId + ".yaml", """
                    watch: %s
                    brand: { name: Acme, aliases: ["Acme Corp"] }
                    competitors: [{ name: Globex }, { name: Initech }]
                    sources:
                      feeds: [%s]
                    alerts:
                      - { id: crisis, query: 'acme AND (outage OR panne)', to: ["cm@acme.example"] }
                      - { id: pricing, query: 'globex AND (pricing OR offre)', to: ["cm@acme.example"] }
                    themes:
                      - { id: support, examples: ["the quality of its customer support"], keywords: ["support"] }
                      - { id: pricing, examples: ["a new pricing plan"], keywords: ["pricing", "offre"] }
                    """.formatted(watchId, list));
            RunOptions.Builder options = RunOptions.builder().watch(watch)
                    .elasticsearch(ElasticsearchEndpoint.of(es.toString()))
                    .parallelism(parallelism)
                    .dispatchAlerts(false)
                    .coreNlp(EnglishSentimentScorer.CoreNlpUse.NEVER)
                    .progress(System.out)
                    .progressInterval(Duration.ofSeconds(10))
                    .fetchConfig(FetchConfig.builder().allowPrivateAddresses(true).perHostMinDelay(Duration.ZERO)
                            .perHostConcurrency(4).build());

            resetPeaks();
            RunSummary first = VigieRun.run(options.build());
            long firstHeap = peakHeapMb();
            report("first run", first, firstHeap);

            resetPeaks();
            RunSummary rerun = VigieRun.run(options.build());
            report("rerun, nothing new", rerun, peakHeapMb());
            System.out.printf(Locale.ROOT, "rerun / first run: %.1f %%%n",
                    100.0 * rerun.duration().toMillis() / first.duration().toMillis());

            List<EsDocument> documents = mentions(rest, watchId, n);
            compareSinkWithRawBulk(es, rest, documents, n, parallelism);
        }
        System.exit(0);
    }

    private static void report(String label, RunSummary summary, long peakHeapMb) {
        double seconds = summary.duration().toMillis() / 1000.0;
        long fetchParse = summary.sources().stream().mapToLong(s -> s.durationMs()).sum();
        System.out.printf(Locale.ROOT, "%s: %d fetched, %d new in %.1f s = %.0f items/s; stages (ms) %s; "
                        + "fetch+parse summed over sources %d ms; peak heap %d MB%n", label, summary.fetched(),
                summary.fresh(), seconds, summary.fresh() / seconds, summary.stageMillis(), fetchParse, peakHeapMb);
    }

    /** The indexed mention documents, read back to feed both loaders the same bytes. */
    private static List<EsDocument> mentions(RestClient rest, String watch, int n) throws Exception {
        List<EsDocument> documents = new ArrayList<>(n);
        Request search = new Request("POST", "/vigie-mentions/_search");
        search.addParameter("scroll", "1m");
        search.setJsonEntity("{\"size\":5000,\"query\":{\"term\":{\"watch\":\"" + watch + "\"}}}");
        JsonNode page = JSON.readTree(rest.performRequest(search).getEntity().getContent());
        while (page.path("hits").path("hits").size() > 0) {
            for (JsonNode hit : page.path("hits").path("hits")) {
                documents.add(new EsDocument("x", hit.path("_id").asText(), hit.path("_source").toString()));
            }
            Request next = new Request("POST", "/_search/scroll");
            next.setJsonEntity("{\"scroll\":\"1m\",\"scroll_id\":\"" + page.path("_scroll_id").asText() + "\"}");
            page = JSON.readTree(rest.performRequest(next).getEntity().getContent());
        }
        return documents;
    }

    private static void compareSinkWithRawBulk(URI es, RestClient rest, List<EsDocument> documents, int n,
            int parallelism) throws Exception {
        long bytes = documents.stream().mapToLong(d -> d.source().getBytes(StandardCharsets.UTF_8).length).sum();
        // Two rounds each, alternated, so that neither side benefits alone from a warmed-up node.
        double[] sink = new double[2];
        double[] sinkOnly = new double[2];
        double[] raw = new double[2];
        for (int round = 0; round < 2; round++) {
            // The same job with a sink that drops everything: the fixed cost of a Flink job (start, source, stop).
            long start = System.nanoTime();
            StreamExecutionEnvironment baseline = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
            baseline.setRuntimeMode(RuntimeExecutionMode.BATCH);
            baseline.fromData(documents).rebalance().sinkTo(new DiscardingSink<>());
            baseline.execute("baseline");
            long jobCost = System.nanoTime() - start;

            String sinkIndex = "bench-sink-" + n + "-" + round;
            String rawIndex = "bench-raw-" + n + "-" + round;
            for (String index : List.of(sinkIndex, rawIndex)) {
                Request delete = new Request("DELETE", "/" + index);
                delete.addParameter("ignore_unavailable", "true");
                rest.performRequest(delete);
                Request create = new Request("PUT", "/" + index);
                create.setJsonEntity("{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
                rest.performRequest(create);
            }
            List<EsDocument> forSink = documents.stream()
                    .map(d -> new EsDocument(sinkIndex, d.id(), d.source())).toList();
            start = System.nanoTime();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
            env.setRuntimeMode(RuntimeExecutionMode.BATCH);
            env.fromData(forSink).rebalance().sinkTo(ElasticsearchSink.<EsDocument>builder().url(es.toString())
                    .converter(DocumentConverter.identity()).maxBatchSize(BULK_SIZE).build());
            env.execute("sink benchmark");
            long sinkJob = System.nanoTime() - start;
            sink[round] = documents.size() / (sinkJob / 1e9);
            sinkOnly[round] = documents.size() / (Math.max(1, sinkJob - jobCost) / 1e9);

            start = System.nanoTime();
            rawBulk(rest, rawIndex, documents, parallelism);
            raw[round] = documents.size() / ((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "round %d: sink job %.0f docs/s (%.0f docs/s without the %d ms a Flink job "
                    + "costs anyway), raw _bulk %.0f docs/s (%d docs, %.1f MB)%n", round + 1, sink[round],
                    sinkOnly[round], jobCost / 1_000_000, raw[round], documents.size(), bytes / 1e6);
        }
        double bestRaw = Math.max(raw[0], raw[1]);
        System.out.printf(Locale.ROOT, "sink / raw _bulk (best of 2 each): whole job %.0f %%, sink alone %.0f %%%n",
                100 * Math.max(sink[0], sink[1]) / bestRaw, 100 * Math.max(sinkOnly[0], sinkOnly[1]) / bestRaw);
    }

    /** Batches of {@value #BULK_SIZE} documents posted as they are, {@code threads} requests in flight. */
    private static void rawBulk(RestClient rest, String index, List<EsDocument> documents, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> requests = new ArrayList<>();
            for (int from = 0; from < documents.size(); from += BULK_SIZE) {
                List<EsDocument> batch = documents.subList(from, Math.min(documents.size(), from + BULK_SIZE));
                requests.add(pool.submit(() -> {
                    StringBuilder body = new StringBuilder();
                    for (EsDocument d : batch) {
                        body.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(d.id())
                                .append("\"}}\n").append(d.source()).append('\n');
                    }
                    Request bulk = new Request("POST", "/_bulk");
                    bulk.setEntity(new NByteArrayEntity(body.toString().getBytes(StandardCharsets.UTF_8),
                            ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
                    return rest.performRequest(bulk);
                }));
            }
            for (Future<?> request : requests) {
                request.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
