package dev.vigie.jobs.run;

import dev.vigie.jobs.mail.AlertHit;
import dev.vigie.jobs.run.internal.SerializableTypeInfo;
import dev.vigie.jobs.sink.DocumentConverter;
import dev.vigie.jobs.sink.ElasticsearchSink;
import dev.vigie.jobs.sink.EsDocument;
import dev.vigie.jobs.watch.Watch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.BatchExecutionOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
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

    private RunGraph() {
    }

    /**
     * What the job sends back to the driver.
     *
     * @param reports     one per source when the job fetched them, else empty (the driver has them)
     * @param hits        the alert hits
     * @param startMillis time from building the job to its submission, which includes starting an embedded
     *                    MiniCluster
     */
    record Output(List<SourceReport> reports, List<AlertHit> hits, long startMillis) {
    }

    /** A job that fetches its sources (a run on a Flink cluster): source tasks in, one report per source back. */
    static Output execute(List<SourceTask> tasks, List<Watch> watches, RunOptions options) throws Exception {
        long start = System.nanoTime();
        StreamExecutionEnvironment env = environment(options);
        DataStream<SourceTask> sources = env.fromData(tasks, SerializableTypeInfo.forClass(SourceTask.class))
                .name("source specs");

        SingleOutputStreamOperator<SourceOutcome> outcomes = AsyncDataStream.unorderedWait(
                        sources.keyBy(task -> task.spec().host(), Types.STRING),
                        new FetchSources(options.runId(), options.fetchConfig(), options.fetchTimeout()),
                        options.fetchTimeout().toMillis() + ASYNC_SLACK_MS, TimeUnit.MILLISECONDS,
                        options.fetchCapacity())
                .returns(SerializableTypeInfo.forClass(SourceOutcome.class))
                .name("fetch and parse");
        return run(env, outcomes, true, watches, options, start);
    }

    /**
     * A job over the outcomes the driver fetched (an embedded run), registered in {@link FetchedOutcomes} under the
     * run id as indices {@code 0} to {@code outcomes - 1}.
     */
    static Output executeFetched(int outcomes, List<Watch> watches, RunOptions options) throws Exception {
        long start = System.nanoTime();
        StreamExecutionEnvironment env = environment(options);
        DataStream<SourceOutcome> fetched = env.fromSequence(0, outcomes - 1L).name("fetched sources")
                .map(new FetchedOutcomes.Take(options.runId()), SerializableTypeInfo.forClass(SourceOutcome.class))
                .name("take fetched");
        return run(env, fetched, false, watches, options, start);
    }

    private static Output run(StreamExecutionEnvironment env, DataStream<SourceOutcome> outcomes,
            boolean collectReports, List<Watch> watches, RunOptions options, long start) throws Exception {
        SingleOutputStreamOperator<Collected> collected = outcomes
                .process(new SplitOutcomes(), SerializableTypeInfo.forClass(Collected.class))
                .name("normalise");

        SingleOutputStreamOperator<EnrichedMention> enriched = collected
                .keyBy(Collected::documentId, Types.STRING)
                .reduce(new KeepOne())
                .name("keep one per document id")
                .map(new EnrichMentions(options.runId(), watches, options.coreNlp()), SerializableTypeInfo.forClass(EnrichedMention.class))
                .name("enrich");
        SingleOutputStreamOperator<EnrichedMention> matched = AssignStories
                .stage(enriched, options.elasticsearch(), options.sinkMaxRetryDuration(), watches)
                .process(new MatchAlerts(watches), SerializableTypeInfo.forClass(EnrichedMention.class))
                .name("alert matching");

        MentionDocuments mentionDocuments = new MentionDocuments();
        DataStream<EsDocument> documents = matched
                .map(mentionDocuments::toDocument, SerializableTypeInfo.forClass(EsDocument.class))
                .name("mention documents")
                .union(collected.getSideOutput(SplitOutcomes.PAGE_CHANGES)
                        .map(change -> new EsDocument(PageChanges.INDEX, change.id(), change.json()),
                                SerializableTypeInfo.forClass(EsDocument.class))
                        .name("page change documents"));

        documents.sinkTo(ElasticsearchSink.<EsDocument>builder()
                        .endpoint(options.elasticsearch())
                        .converter(DocumentConverter.identity())
                        .maxBatchSize(options.sinkMaxBatchSize())
                        .maxBufferedRequests(Math.max(ElasticsearchSink.DEFAULT_MAX_BUFFERED_REQUESTS,
                                options.sinkMaxBatchSize() * 4))
                        .maxInFlightRequests(options.sinkMaxInFlightRequests())
                        .maxRetryDuration(options.sinkMaxRetryDuration())
                        .runId(options.runId())
                        .build())
                .name("elasticsearch");

        CloseableIterator<SourceReport> reports = collectReports
                ? collected.getSideOutput(SplitOutcomes.REPORTS).collectAsync() : CloseableIterator.empty();
        CloseableIterator<AlertHit> hits = matched.getSideOutput(MatchAlerts.HITS).collectAsync();
        JobClient job = env.executeAsync("vigie run " + options.runId());
        long startMillis = (System.nanoTime() - start) / 1_000_000;
        CompletableFuture<List<SourceReport>> reportList = CompletableFuture.supplyAsync(() -> drain(reports));
        CompletableFuture<List<AlertHit>> hitList = CompletableFuture.supplyAsync(() -> drain(hits));
        try {
            job.getJobExecutionResult().get();
            return new Output(reportList.get(), hitList.get(), startMillis);
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

    /** The parallelism of the context's environment: {@code flink run -p}, else the client's configuration. */
    static int contextParallelism() {
        return StreamExecutionEnvironment.getExecutionEnvironment().getParallelism();
    }

    private static StreamExecutionEnvironment environment(RunOptions options) {
        StreamExecutionEnvironment env;
        if (options.execution() == RunOptions.Execution.EMBEDDED) {
            Configuration config = new Configuration();
            config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, EMBEDDED_MANAGED_MEMORY);
            config.set(TaskManagerOptions.NUM_TASK_SLOTS, options.parallelism());
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
            // --parallelism N means N subtasks for every stage: left on, Flink's adaptive batch scheduler gives a
            // stage one subtask per 16 MB of input, and so one subtask to the CPU-bound enrichment of a few
            // thousand mentions, or to the sink.
            config.set(BatchExecutionOptions.ADAPTIVE_AUTO_PARALLELISM_ENABLED, false);
            env = StreamExecutionEnvironment.createLocalEnvironment(options.parallelism(), config);
        } else {
            env = StreamExecutionEnvironment.getExecutionEnvironment();
        }
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(options.parallelism());
        env.getConfig().enableObjectReuse();
        return env;
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
