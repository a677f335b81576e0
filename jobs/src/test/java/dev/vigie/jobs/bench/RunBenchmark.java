package dev.vigie.jobs.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.run.EmbeddedCluster;
import dev.vigie.jobs.run.RunOptions;
import dev.vigie.jobs.run.RunSummary;
import dev.vigie.jobs.run.VigieRun;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.sink.ElasticsearchSink;
import dev.vigie.jobs.sink.EsDocument;
import dev.vigie.jobs.testing.GeneratedFeeds;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * Runs the whole job over N generated items served on loopback (RSS feeds of 500 items) cold, as {@code vigie run}
 * does (first job of the JVM, a MiniCluster of its own), then three times again with nothing new, then twice warm as
 * {@code vigie serve} runs it (same JVM, one embedded cluster kept between runs, a new watch each time so that every
 * item is new), and compares the Elasticsearch sink with a raw {@code _bulk} loader on the same documents. Prints
 * items/s of every run and its ratio to raw {@code _bulk}'s docs/s, the time and the CPU time of each stage (threads
 * sampled) of every run, and the load average of the machine: on a shared machine, compare ratios within one run.
 *
 * <p>The comparison is made fair both ways: the same documents, batches of {@value #BULK_SIZE} for both, as many raw
 * requests in flight as the sink has in total (parallelism x {@link ElasticsearchSink#DEFAULT_MAX_IN_FLIGHT_REQUESTS}),
 * an untimed warm-up of each, then rounds in alternating order, each on fresh indices, every round printed. The sink is
 * timed from the first document a writer receives to the end of its job (every bulk request acknowledged), the raw
 * loader from its first request to its last answer: neither includes starting Flink or creating clients, and both
 * take the documents from memory (the sink's writers chained to a parallel source, no shuffle).
 *
 * <p>Usage: {@code jobs/bench/run-benchmark.sh N [parallelism [rounds]]} (see that script); Elasticsearch is the node
 * at {@code VIGIE_TEST_ES_URL}, else one started from the distribution the build prepared.
 */
public final class RunBenchmark {

    private static final int ITEMS_PER_FEED = 500;
    private static final int BULK_SIZE = 1_000;
    private static final int DEFAULT_ROUNDS = 6;
    /** Reruns with nothing new, one after the other; the median is compared with the first run. */
    private static final int RERUNS = 3;
    /** Runs of the same job on one embedded cluster, as vigie serve runs a watch; the last is the warm figure. */
    private static final int WARM_RUNS = 2;
    /** The share of raw {@code _bulk}'s docs/s that issue 15 aims at for warm runs. */
    private static final double TARGET_SHARE_OF_RAW = 0.6;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** When a sink writer received its first document in the current sink job (writers run in this JVM). */
    private static final AtomicLong FIRST_DOCUMENT_NANOS = new AtomicLong();
    /** The CPU time this JVM had used at that moment. */
    private static final AtomicLong FIRST_DOCUMENT_CPU_NANOS = new AtomicLong();
    /** The documents of the current sink job, which its source reads by index (the job runs in this JVM). */
    private static final AtomicReference<List<EsDocument>> SINK_DOCUMENTS = new AtomicReference<>(List.of());

    private RunBenchmark() {}

    public static void main(String[] args) {
        try {
            benchmark(args);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void benchmark(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int parallelism = args.length > 1
                ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_ROUNDS;
        URI es = ElasticsearchExtension.url();
        String watchId = "bench-" + n + "-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        System.out.printf(
                Locale.ROOT,
                "Benchmark: %d items, parallelism %d, max heap %d MB, Elasticsearch %s, %s%n",
                n,
                parallelism,
                Runtime.getRuntime().maxMemory() >> 20,
                es,
                load());

        try (LoopbackHttpServer server = LoopbackHttpServer.start();
                RestClient rest = ElasticsearchEndpoint.of(es.toString()).restClient()) {
            int feeds = (n + ITEMS_PER_FEED - 1) / ITEMS_PER_FEED;
            StringBuilder list = new StringBuilder();
            for (int f = 0; f < feeds; f++) {
                int items = Math.min(ITEMS_PER_FEED, n - f * ITEMS_PER_FEED);
                server.serve(
                        "/bench/feed-" + f + ".xml",
                        "application/rss+xml",
                        GeneratedFeeds.rss(server.url() + "/bench", "feed-" + f, items, f));
                list.append(f == 0 ? "" : ", ")
                        .append('"')
                        .append(server.url())
                        .append("/bench/feed-")
                        .append(f)
                        .append(".xml\"");
            }
            String yaml = """
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
                    """.formatted(watchId, list);
            Watch watch = new WatchLoader(Map.of()).parse(watchId + ".yaml", yaml);
            Function<Watch, RunOptions.Builder> optionsOf = w -> RunOptions.builder()
                    .watch(w)
                    .elasticsearch(ElasticsearchEndpoint.of(es.toString()))
                    .parallelism(parallelism)
                    .dispatchAlerts(false)
                    .coreNlp(EnglishSentimentScorer.CoreNlpUse.NEVER)
                    .progress(System.out)
                    .progressInterval(Duration.ofSeconds(10))
                    .fetchConfig(FetchConfig.builder()
                            .allowPrivateAddresses(true)
                            .perHostMinDelay(Duration.ZERO)
                            .perHostConcurrency(4)
                            .build());
            RunOptions.Builder options = optionsOf.apply(watch);

            resetPeaks();
            StageCpu firstCpu = StageCpu.start();
            RunSummary first = VigieRun.run(options.build());
            long firstHeap = peakHeapMb();
            report("first run (cold JVM, MiniCluster of its own, as vigie run)", first, firstHeap);
            firstCpu.stopAndPrint(first);

            double[] ratios = new double[RERUNS];
            StringBuilder each = new StringBuilder();
            for (int r = 0; r < RERUNS; r++) {
                resetPeaks();
                RunSummary rerun = VigieRun.run(options.build());
                report("rerun " + (r + 1) + ", nothing new", rerun, peakHeapMb());
                ratios[r] =
                        100.0 * rerun.duration().toMillis() / first.duration().toMillis();
                each.append(r == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f %%", ratios[r]));
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "rerun / first run: %s (median %.1f %%)%n", each, ratios[RERUNS / 2]);

            // the same job warm, as vigie serve runs it: the JVM that ran it before, one embedded cluster kept
            // between runs; each warm run is a watch of its own over the same feeds, so every item is new again
            RunSummary warm = null;
            long warmEsMillis = 0;
            RunCpu warmVigie = new RunCpu(0, 0);
            try (EmbeddedCluster cluster = EmbeddedCluster.start(parallelism)) {
                for (int w = 1; w <= WARM_RUNS; w++) {
                    Watch warmWatch = new WatchLoader(Map.of())
                            .parse(
                                    watchId + "-warm" + w + ".yaml",
                                    yaml.replace("watch: " + watchId, "watch: " + watchId + "-warm" + w));
                    resetPeaks();
                    StageCpu warmCpu = StageCpu.start();
                    long esBefore = elasticsearchCpuMillis(rest);
                    warm = VigieRun.run(
                            optionsOf.apply(warmWatch).cluster(cluster).build());
                    warmEsMillis = elasticsearchCpuMillis(rest) - esBefore;
                    report("warm run " + w + " (vigie serve: same JVM, cluster kept)", warm, peakHeapMb());
                    warmVigie = warmCpu.stopAndPrint(warm);
                    System.out.printf(
                            Locale.ROOT,
                            "  Elasticsearch CPU %.1f s = %.2f ms per item%n",
                            warmEsMillis / 1000.0,
                            (double) warmEsMillis / warm.fresh());
                }
            }

            List<EsDocument> documents = mentions(rest, watchId, n);
            RawBulk raw = compareSinkWithRawBulk(es, rest, documents, n, parallelism, rounds);
            System.out.printf(
                    Locale.ROOT,
                    "items/s vs raw _bulk docs/s (median of the rounds, %.0f docs/s): cold first"
                            + " run %.0f %%, warm run %.0f %%; %s%n",
                    raw.rate(),
                    100 * rate(first) / raw.rate(),
                    100 * rate(warm) / raw.rate(),
                    load());
            cpuBudget(raw, warm.fresh(), warmVigie, warmEsMillis);
        }
    }

    private static double rate(RunSummary summary) {
        return summary.fresh() / (summary.duration().toMillis() / 1000.0);
    }

    private static void report(String label, RunSummary summary, long peakHeapMb) {
        double seconds = summary.duration().toMillis() / 1000.0;
        long fetchParse =
                summary.sources().stream().mapToLong(s -> s.durationMs()).sum();
        System.out.printf(
                Locale.ROOT,
                "%s: %d fetched, %d new in %.1f s = %.0f items/s; peak heap %d MB; %s%n",
                label,
                summary.fetched(),
                summary.fresh(),
                seconds,
                summary.fresh() / seconds,
                peakHeapMb,
                load());
        StringBuilder stages = new StringBuilder();
        summary.stageMillis()
                .forEach((stage, millis) -> stages.append(stages.isEmpty() ? "" : ", ")
                        .append(stage)
                        .append(' ')
                        .append(millis)
                        .append(" ms"));
        System.out.printf(
                Locale.ROOT, "  stages: %s (fetch and parse summed over sources: %d ms)%n", stages, fetchParse);
    }

    /** The load average over the last minute, as {@code uptime} prints it. */
    static String load() {
        return String.format(
                Locale.ROOT,
                "load average %.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
                documents.add(new EsDocument(
                        "x", hit.path("_id").asText(), hit.path("_source").toString()));
            }
            Request next = new Request("POST", "/_search/scroll");
            next.setJsonEntity("{\"scroll\":\"1m\",\"scroll_id\":\""
                    + page.path("_scroll_id").asText() + "\"}");
            page = JSON.readTree(rest.performRequest(next).getEntity().getContent());
        }
        return documents;
    }

    /**
     * How much CPU per item a warm run may spend to index at {@value #TARGET_SHARE_OF_RAW} of raw {@code _bulk}'s
     * rate on this machine, and how much it spent: raw {@code _bulk} keeps the machine's cores busy with Elasticsearch's indexing and the loader's client work; a
     * run at that share of its rate, with the same CPU per second available, may spend per item at most the raw
     * CPU per document divided by the share, of which Elasticsearch takes what it took per item in the warm run.
     */
    private static void cpuBudget(RawBulk raw, long items, RunCpu warmVigie, long warmEsMillis) {
        double rawPerDoc = raw.esMillisPerDoc() + raw.clientMillisPerDoc();
        double esPerItem = (double) warmEsMillis / items;
        double budget = rawPerDoc / TARGET_SHARE_OF_RAW - esPerItem;
        double spent = warmVigie.processMillis() / items;
        double enrich = warmVigie.enrichMillis() / items;
        System.out.printf(
                Locale.ROOT,
                "CPU per document, raw _bulk (median of the rounds): Elasticsearch %.2f ms + client %.2f ms, at %.0f"
                        + " docs/s = %.2f cores busy; warm run: Vigie %.2f ms (enrichment chain %.2f ms, the rest %.2f ms) +"
                        + " Elasticsearch %.2f ms per item. At %.0f %% of raw _bulk's rate with the same CPU per second, a"
                        + " run may spend %.2f ms per item besides Elasticsearch's%n",
                raw.esMillisPerDoc(),
                raw.clientMillisPerDoc(),
                raw.rate(),
                raw.rate() * rawPerDoc / 1000,
                spent,
                enrich,
                spent - enrich,
                esPerItem,
                100 * TARGET_SHARE_OF_RAW,
                budget);
    }

    /** A run's process CPU time and its enrichment chain's thread CPU time, in milliseconds. */
    private record RunCpu(double processMillis, double enrichMillis) {}

    /** Raw {@code _bulk}'s docs/s and CPU per document (Elasticsearch's, the loader's), medians of the rounds. */
    private record RawBulk(double rate, double esMillisPerDoc, double clientMillisPerDoc) {}

    /** Elasticsearch's process CPU time so far, summed over the nodes ({@code _nodes/stats/process}). */
    private static long elasticsearchCpuMillis(RestClient rest) throws IOException {
        JsonNode nodes = JSON.readTree(rest.performRequest(new Request("GET", "/_nodes/stats/process"))
                        .getEntity()
                        .getContent())
                .path("nodes");
        long millis = 0;
        for (JsonNode node : nodes) {
            millis += node.path("process").path("cpu").path("total_in_millis").asLong();
        }
        return millis;
    }

    private static RawBulk compareSinkWithRawBulk(
            URI es, RestClient rest, List<EsDocument> documents, int n, int parallelism, int rounds) throws Exception {
        long bytes = documents.stream()
                .mapToLong(d -> d.source().getBytes(StandardCharsets.UTF_8).length)
                .sum();
        int inFlight = parallelism * ElasticsearchSink.DEFAULT_MAX_IN_FLIGHT_REQUESTS;
        System.out.printf(
                Locale.ROOT,
                "sink vs raw _bulk: %d documents (%.1f MB), batches of %d, %d requests in "
                        + "flight each (sink: %d writers x %d), %d rounds after a warm-up, alternating which goes first%n",
                documents.size(),
                bytes / 1e6,
                BULK_SIZE,
                inFlight,
                parallelism,
                ElasticsearchSink.DEFAULT_MAX_IN_FLIGHT_REQUESTS,
                rounds);
        String warmUp = "bench-warm-up-" + n;
        sinkRound(es, rest, documents, warmUp + "-sink", parallelism);
        rawRound(rest, documents, warmUp + "-raw", inFlight);

        double[] ratios = new double[rounds];
        double[] rawRates = new double[rounds];
        double[] rawEsPerDoc = new double[rounds];
        double[] rawClientPerDoc = new double[rounds];
        double bestSink = 0;
        double bestRaw = 0;
        double sinkCpu = 0;
        double rawCpu = 0;
        for (int round = 0; round < rounds; round++) {
            String sinkIndex = "bench-sink-" + n + "-" + round;
            String rawIndex = "bench-raw-" + n + "-" + round;
            boolean sinkFirst = round % 2 == 0;
            SinkTiming sink = null;
            RawTiming raw = null;
            for (int turn = 0; turn < 2; turn++) {
                if (sinkFirst == (turn == 0)) {
                    sink = sinkRound(es, rest, documents, sinkIndex, parallelism);
                } else {
                    raw = rawRound(rest, documents, rawIndex, inFlight);
                }
            }
            double sinkRate = documents.size() / sink.sinkSeconds();
            ratios[round] = sinkRate / raw.rate();
            rawRates[round] = raw.rate();
            rawEsPerDoc[round] = (double) raw.esMillis() / documents.size();
            rawClientPerDoc[round] = 1000 * raw.cpuSeconds() / documents.size();
            bestSink = Math.max(bestSink, sinkRate);
            bestRaw = Math.max(bestRaw, raw.rate());
            sinkCpu += sink.cpuSeconds();
            rawCpu += raw.cpuSeconds();
            System.out.printf(
                    Locale.ROOT,
                    "  round %d (%s first): sink %.0f docs/s (%.2f s from its first document,"
                            + " client CPU %.2f s; whole Flink job %.2f s), raw _bulk %.0f docs/s (client CPU %.2f s,"
                            + " Elasticsearch CPU %.2f s), sink / raw %.0f %%; %s%n",
                    round + 1,
                    sinkFirst ? "sink" : "raw",
                    sinkRate,
                    sink.sinkSeconds(),
                    sink.cpuSeconds(),
                    sink.jobSeconds(),
                    raw.rate(),
                    raw.cpuSeconds(),
                    raw.esMillis() / 1000.0,
                    100 * ratios[round],
                    load());
        }
        double median = ColdRunBenchmark.median(ratios);
        Arrays.sort(ratios);
        System.out.printf(
                Locale.ROOT,
                "sink / raw _bulk: median of %d rounds %.0f %% (lowest %.0f %%, highest %.0f "
                        + "%%); best sink %.0f docs/s vs best raw %.0f docs/s = %.0f %%; client CPU per %d documents, mean of "
                        + "the rounds: sink %.2f s, raw %.2f s%n",
                rounds,
                100 * median,
                100 * ratios[0],
                100 * ratios[rounds - 1],
                bestSink,
                bestRaw,
                100 * bestSink / bestRaw,
                documents.size(),
                sinkCpu / rounds,
                rawCpu / rounds);
        return new RawBulk(
                ColdRunBenchmark.median(rawRates),
                ColdRunBenchmark.median(rawEsPerDoc),
                ColdRunBenchmark.median(rawClientPerDoc));
    }

    /**
     * CPU time per stage of a run: every thread of this JVM sampled every 250 ms (a Flink task thread is named after
     * its chain of operators, e.g. {@code keep one per document id -> enrich (1/2)#0}), the last value seen per
     * thread summed by name without the subtask suffix. A thread's CPU after its last sample is missed (at most
     * 250 ms each); the JIT compiler's threads are not Java threads: the process CPU time counts them.
     */
    private static final class StageCpu {
        private final Map<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Long, Long> cpu = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Long, Long> atStart = new java.util.HashMap<>();
        private final long processAtStart = processCpuNanos();
        private final java.util.concurrent.ScheduledExecutorService sampler =
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "bench-cpu-sampler");
                    t.setDaemon(true);
                    return t;
                });

        static StageCpu start() {
            StageCpu stages = new StageCpu();
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (long id : threads.getAllThreadIds()) {
                stages.atStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
            }
            stages.sampler.scheduleAtFixedRate(stages::sample, 0, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
            return stages;
        }

        private void sample() {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long time = threads.getThreadCpuTime(info.getThreadId());
                if (time > 0) {
                    names.put(info.getThreadId(), info.getThreadName());
                    cpu.put(info.getThreadId(), time);
                }
            }
        }

        /** Prints the run's CPU per stage and returns the process CPU time it used and its enrichment chain's. */
        RunCpu stopAndPrint(RunSummary summary) {
            sample();
            sampler.shutdownNow();
            double processCpu = (processCpuNanos() - processAtStart) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "  process CPU %.1f s (JIT and GC included) = %.0f items per CPU-second%n",
                    processCpu,
                    summary.fresh() / processCpu);
            Map<String, Long> byStage = new java.util.TreeMap<>();
            long total = 0;
            for (var e : cpu.entrySet()) {
                long used = e.getValue() - atStart.getOrDefault(e.getKey(), 0L);
                String name = names.get(e.getKey())
                        .replaceAll(" \\(\\d+/\\d+\\)(#\\d+)?$", "")
                        .replaceAll("[-#]?\\d+$", "");
                byStage.merge(name, used, Long::sum);
                total += used;
            }
            StringBuilder line = new StringBuilder();
            long shown = 0;
            for (var e : byStage.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(10)
                    .toList()) {
                line.append(line.isEmpty() ? "" : "; ")
                        .append(e.getKey())
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.1f s", e.getValue() / 1e9));
                shown += e.getValue();
            }
            System.out.printf(
                    Locale.ROOT,
                    "  CPU by stage (thread), %.1f s in all: %s; other threads %.1f s%n",
                    total / 1e9,
                    line,
                    (total - shown) / 1e9);
            long enrich = byStage.entrySet().stream()
                    .filter(e -> e.getKey().contains("enrich"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            return new RunCpu(processCpu * 1000, enrich / 1e6);
        }
    }

    /** How long a sink job took: from the first document a writer received, and in all; client CPU meanwhile. */
    private record SinkTiming(double sinkSeconds, double jobSeconds, double cpuSeconds) {}

    /** Documents per second of a raw round, the client CPU it used and Elasticsearch's CPU meanwhile. */
    private record RawTiming(double rate, double cpuSeconds, long esMillis) {}

    /**
     * Writes {@code documents} into a fresh {@code index} with the product's sink, as a job of its own. The writers
     * take the documents from memory, chained to a parallel source of indices, as the raw loader does and as the
     * run job's sink is chained to the operator making the documents: no shuffle, whose cost is Flink's, not the
     * sink's.
     */
    private static SinkTiming sinkRound(
            URI es, RestClient rest, List<EsDocument> documents, String index, int parallelism) throws Exception {
        freshIndex(rest, index);
        SINK_DOCUMENTS.set(documents.stream()
                .map(d -> new EsDocument(index, d.id(), d.source()))
                .toList());
        FIRST_DOCUMENT_NANOS.set(0);
        long start = System.nanoTime();
        Configuration config = new Configuration();
        // as in an embedded run: `parallelism` writers, whatever the volume of data
        config.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromSequence(0, documents.size() - 1L)
                .map(i -> SINK_DOCUMENTS.get().get(Math.toIntExact(i)), TypeInformation.of(EsDocument.class))
                .sinkTo(ElasticsearchSink.<EsDocument>builder()
                        .url(es.toString())
                        .converter(RunBenchmark::firstDocumentTimed)
                        .maxBatchSize(BULK_SIZE)
                        .build());
        env.execute("sink benchmark");
        long end = System.nanoTime();
        long cpu = processCpuNanos() - FIRST_DOCUMENT_CPU_NANOS.get();
        SINK_DOCUMENTS.set(List.of());
        return new SinkTiming((end - FIRST_DOCUMENT_NANOS.get()) / 1e9, (end - start) / 1e9, cpu / 1e9);
    }

    private static EsDocument firstDocumentTimed(EsDocument document) {
        if (FIRST_DOCUMENT_NANOS.get() == 0 && FIRST_DOCUMENT_NANOS.compareAndSet(0, System.nanoTime())) {
            FIRST_DOCUMENT_CPU_NANOS.set(processCpuNanos());
        }
        return document;
    }

    /** CPU time used by this JVM, all threads: the client side of a loader (Elasticsearch is another process). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Writes {@code documents} into a fresh {@code index} with a raw loader. */
    private static RawTiming rawRound(RestClient rest, List<EsDocument> documents, String index, int inFlight)
            throws Exception {
        freshIndex(rest, index);
        long esBefore = elasticsearchCpuMillis(rest);
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        rawBulk(rest, index, documents, inFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        double client = (processCpuNanos() - cpu) / 1e9;
        return new RawTiming(documents.size() / seconds, client, elasticsearchCpuMillis(rest) - esBefore);
    }

    private static void freshIndex(RestClient rest, String index) throws Exception {
        Request delete = new Request("DELETE", "/" + index);
        delete.addParameter("ignore_unavailable", "true");
        rest.performRequest(delete);
        Request create = new Request("PUT", "/" + index);
        create.setJsonEntity("{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
        rest.performRequest(create);
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
                        body.append("{\"index\":{\"_index\":\"")
                                .append(index)
                                .append("\",\"_id\":\"")
                                .append(d.id())
                                .append("\"}}\n")
                                .append(d.source())
                                .append('\n');
                    }
                    Request bulk = new Request("POST", "/_bulk");
                    bulk.setEntity(new NByteArrayEntity(
                            body.toString().getBytes(StandardCharsets.UTF_8),
                            ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
                    if (refusedSome(rest.performRequest(bulk))) {
                        throw new IllegalStateException("raw _bulk: Elasticsearch refused documents of " + index);
                    }
                    return null;
                }));
            }
            for (Future<?> request : requests) {
                request.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The {@code errors} flag near the start of a bulk answer, read without parsing the items after it. */
    private static boolean refusedSome(Response response) throws IOException {
        try (JsonParser parser =
                JSON.getFactory().createParser(response.getEntity().getContent())) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("errors".equals(field)) {
                        return value == JsonToken.VALUE_TRUE;
                    }
                    parser.skipChildren();
                }
            }
            throw new IOException("a bulk answer without an errors flag");
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
