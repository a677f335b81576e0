package dev.vigie.jobs.run;

import dev.vigie.jobs.mail.AlertHit;
import dev.vigie.jobs.sink.DocumentConverter;
import dev.vigie.jobs.sink.ElasticsearchSink;
import dev.vigie.jobs.sink.EsDocument;
import dev.vigie.jobs.watch.Watch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.util.CloseableIterator;

/**
 * Builds and runs the Flink job of one run: source outcomes in (fetched by the job itself on a Flink cluster, by the
 * driver for an embedded run), mentions and page changes written to Elasticsearch by the sink, alert hits (and, when
 * the job fetched, source reports) collected back to the driver.
 */
final class RunGraph {

    /** Managed memory of the embedded task manager (sorting of keyed inputs in BATCH mode). */
    static final MemorySize EMBEDDED_MANAGED_MEMORY = MemorySize.ofMebiBytes(256);
    /** Extra time the async operator grants beyond the fetch timeout, so that the function times out first. */
    private static final long ASYNC_SLACK_MS = 10_000;

    private RunGraph() {}

    /**
     * What the job sends back to the driver.
     *
     * @param reports     one per source when the job fetched them, else empty (the driver has them)
     * @param hits        the alert hits
     * @param startMillis time from building the job to its submission, which includes starting an embedded
     *                    MiniCluster
     * @param documents   distinct documents handed to the sink (mentions after keeping one per id, page changes)
     * @param enrichmentFailures items indexed although an enrichment stage failed on them, per
     *                    {@link EnrichmentFailures#key source}
     */
    record Output(
            List<SourceReport> reports,
            List<AlertHit> hits,
            long startMillis,
            long documents,
            Map<String, Long> enrichmentFailures) {
        Output {
            enrichmentFailures = Map.copyOf(enrichmentFailures);
        }

        /** No job ran, or nothing failed in enrichment. */
        Output(List<SourceReport> reports, List<AlertHit> hits, long startMillis, long documents) {
            this(reports, hits, startMillis, documents, Map.of());
        }
    }

    /** A job that fetches its sources (a run on a Flink cluster): source tasks in, one report per source back. */
    static Output execute(List<SourceTask> tasks, List<Watch> watches, RunOptions options) throws Exception {
        long start = System.nanoTime();
        StreamExecutionEnvironment env = environment(options);
        DataStream<SourceTask> sources =
                env.fromData(tasks, RunTypes.SOURCE_TASK).name("source specs");

        SingleOutputStreamOperator<SourceOutcome> outcomes = AsyncDataStream.unorderedWait(
                        sources.keyBy(task -> task.spec().host(), Types.STRING),
                        new FetchSources(options.runId(), options.fetchConfig(), options.fetchTimeout()),
                        options.fetchTimeout().toMillis() + ASYNC_SLACK_MS,
                        TimeUnit.MILLISECONDS,
                        options.fetchCapacity())
                .returns(RunTypes.SOURCE_OUTCOME)
                .name("fetch and parse");
        return run(env, outcomes, true, watches, options, start);
    }

    /**
     * A job over the outcomes the driver fetched (an embedded run), registered in {@link FetchedOutcomes} under the
     * run id as indices {@code 0} to {@code outcomes - 1}.
     */
    static Output executeFetched(int outcomes, List<Watch> watches, RunOptions options) throws Exception {
        long start = System.nanoTime();
        if (options.cluster() == null && options.execution() == RunOptions.Execution.EMBEDDED) {
            // vigie run: a MiniCluster of this run, stopped once the results collected back are drained. Flink's
            // per-job MiniCluster (executeAsync on a local environment) stops as soon as the job ends, while the
            // collect fetchers may still ask it for the job's status: they then log "Failed to get job status [...]
            // Some data might be lost" with a stack trace, and fall back on the job's final result.
            try (EmbeddedCluster own = EmbeddedCluster.start(options.parallelism())) {
                return executeFetched(outcomes, watches, options, own, start);
            }
        }
        return executeFetched(outcomes, watches, options, options.cluster(), start);
    }

    private static Output executeFetched(
            int outcomes, List<Watch> watches, RunOptions options, EmbeddedCluster cluster, long start)
            throws Exception {
        StreamExecutionEnvironment env = environment(options, cluster);
        DataStream<SourceOutcome> fetched = env.fromSequence(0, outcomes - 1L)
                .name("fetched sources")
                .map(new FetchedOutcomes.Take(options.runId()), RunTypes.SOURCE_OUTCOME)
                .name("take fetched");
        return run(env, fetched, false, watches, options, start);
    }

    /**
     * The stream graph of an embedded run over {@code outcomes} fetched outcomes, built but not run: what tests
     * inspect (the serializer of every edge).
     */
    static StreamGraph graphOfFetched(int outcomes, List<Watch> watches, RunOptions options) {
        StreamExecutionEnvironment env = environment(options);
        DataStream<SourceOutcome> fetched = env.fromSequence(0, outcomes - 1L)
                .name("fetched sources")
                .map(new FetchedOutcomes.Take(options.runId()), RunTypes.SOURCE_OUTCOME)
                .name("take fetched");
        build(fetched, false, watches, options);
        return env.getStreamGraph();
    }

    /** What the job collects back to the driver, as the job runs. */
    private record Results(CloseableIterator<SourceReport> reports, CloseableIterator<AlertHit> hits) {}

    private static Output run(
            StreamExecutionEnvironment env,
            DataStream<SourceOutcome> outcomes,
            boolean collectReports,
            List<Watch> watches,
            RunOptions options,
            long start)
            throws Exception {
        Results results = build(outcomes, collectReports, watches, options);
        CloseableIterator<SourceReport> reports = results.reports();
        CloseableIterator<AlertHit> hits = results.hits();
        JobClient job = env.executeAsync("vigie run " + options.runId());
        long startMillis = (System.nanoTime() - start) / 1_000_000;
        CompletableFuture<List<SourceReport>> reportList = CompletableFuture.supplyAsync(() -> drain(reports));
        CompletableFuture<List<AlertHit>> hitList = CompletableFuture.supplyAsync(() -> drain(hits));
        try {
            JobExecutionResult result = job.getJobExecutionResult().get();
            Long documentCount = result.getAccumulatorResult(CountDocuments.ACCUMULATOR);
            return new Output(
                    reportList.get(),
                    hitList.get(),
                    startMillis,
                    documentCount == null ? 0 : documentCount,
                    EnrichmentFailures.of(
                            result.getAccumulatorResult(EnrichmentFailures.NAME),
                            result.getAccumulatorResult(EnrichmentFailures.ALERTS_NAME)));
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            reports.close();
            hits.close();
            throw e;
        }
    }

    /** The stages after the outcomes, up to the sink and the results collected back. */
    private static Results build(
            DataStream<SourceOutcome> outcomes, boolean collectReports, List<Watch> watches, RunOptions options) {
        SingleOutputStreamOperator<Collected> collected =
                outcomes.process(new SplitOutcomes(), RunTypes.COLLECTED).name("normalise");

        SingleOutputStreamOperator<EnrichedMention> enriched = collected
                .keyBy(Collected::documentId, Types.STRING)
                .reduce(new KeepOne())
                .name("keep one per document id")
                .map(new EnrichMentions(options.runId(), watches, options.coreNlp()), RunTypes.ENRICHED_MENTION)
                .name("enrich");
        SingleOutputStreamOperator<EnrichedMention> matched = AssignStories.stage(
                        enriched, options.elasticsearch(), options.sinkMaxRetryDuration(), watches)
                .process(new MatchAlerts(watches), RunTypes.ENRICHED_MENTION)
                .name("alert matching");

        MentionDocuments mentionDocuments = new MentionDocuments();
        DataStream<EsDocument> documents = matched.map(mentionDocuments::toDocument, RunTypes.ES_DOCUMENT)
                .name("mention documents")
                .union(collected
                        .getSideOutput(SplitOutcomes.PAGE_CHANGES)
                        .map(
                                change -> new EsDocument(PageChanges.INDEX, change.id(), change.json()),
                                RunTypes.ES_DOCUMENT)
                        .name("page change documents"))
                .map(new CountDocuments(), RunTypes.ES_DOCUMENT)
                .name("count documents");

        documents
                .sinkTo(ElasticsearchSink.<EsDocument>builder()
                        .endpoint(options.elasticsearch())
                        .converter(DocumentConverter.identity())
                        .maxBatchSize(options.sinkMaxBatchSize())
                        .maxBufferedRequests(Math.max(
                                ElasticsearchSink.DEFAULT_MAX_BUFFERED_REQUESTS, options.sinkMaxBatchSize() * 4))
                        .maxInFlightRequests(options.sinkMaxInFlightRequests())
                        .maxRetryDuration(options.sinkMaxRetryDuration())
                        .runId(options.runId())
                        .build())
                .name("elasticsearch");

        CloseableIterator<SourceReport> reports = collectReports
                ? collected.getSideOutput(SplitOutcomes.REPORTS).collectAsync()
                : CloseableIterator.empty();
        return new Results(reports, matched.getSideOutput(MatchAlerts.HITS).collectAsync());
    }

    /** The parallelism of the context's environment: {@code flink run -p}, else the client's configuration. */
    static int contextParallelism() {
        return StreamExecutionEnvironment.getExecutionEnvironment().getParallelism();
    }

    /**
     * Task slots of an embedded cluster: one per subtask of a stage, and one more for the results collected back to
     * the driver (alert hits, reports), so that their collect sink never holds a slot a sink writer waits for.
     */
    static int slots(int parallelism) {
        return parallelism + 1;
    }

    private static StreamExecutionEnvironment environment(RunOptions options) {
        return environment(options, options.cluster());
    }

    private static StreamExecutionEnvironment environment(RunOptions options, EmbeddedCluster cluster) {
        StreamExecutionEnvironment env;
        if (cluster != null) {
            env = cluster.environment();
        } else if (options.execution() == RunOptions.Execution.EMBEDDED) {
            env = StreamExecutionEnvironment.createLocalEnvironment(
                    options.parallelism(), EmbeddedCluster.configuration(options.parallelism()));
        } else {
            env = StreamExecutionEnvironment.getExecutionEnvironment();
        }
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(options.parallelism());
        env.getConfig().enableObjectReuse();
        // every record crossing stages has a serializer of its own (RunTypes): a type that would fall back to Kryo
        // fails the job at once instead of slowing it down
        Configuration pipeline = new Configuration();
        pipeline.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(pipeline);
        return env;
    }

    /**
     * Counts the documents going to the sink in a Flink accumulator, which reaches the driver with the job's result
     * on an embedded MiniCluster and on a cluster alike: the summary's "documents" are distinct documents, where
     * the sources' "new" counts an item found by two sources twice.
     */
    static final class CountDocuments extends RichMapFunction<EsDocument, EsDocument> {
        static final String ACCUMULATOR = "vigie-documents";
        private final LongCounter documents = new LongCounter();

        @Override
        public void open(OpenContext context) {
            getRuntimeContext().addAccumulator(ACCUMULATOR, documents);
        }

        @Override
        public EsDocument map(EsDocument document) {
            documents.add(1L);
            return document;
        }
    }

    private static <T> List<T> drain(CloseableIterator<T> iterator) {
        List<T> all = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(all::add);
        } catch (Exception e) {
            throw new IllegalStateException("Collecting the run's results failed: " + e.getMessage(), e);
        }
        return all;
    }
}
