package dev.vigie.jobs.run;

import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.jobs.run.internal.Backoff;
import dev.vigie.jobs.run.internal.ElasticsearchCalls;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.sink.ElasticsearchSink;
import dev.vigie.jobs.state.SourceState;
import dev.vigie.jobs.state.StateStore;
import dev.vigie.jobs.watch.Watch;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs watches once: the entry point of {@code vigie run}, {@code vigie demo} and of the job jar on a Flink cluster.
 *
 * <p>Stages: wait for Elasticsearch and install the index templates; take the lease of every watch
 * ({@link WatchLeases}: a watch another run is running fails with {@link WatchBusyException}, or waits with
 * {@link RunOptions#leaseWait()}); read each watch's state and plan its sources;
 * fetch the sources (in the driver for an embedded run, inside the job on a Flink cluster); run the Flink job
 * (enrich, match alerts, index) when something is new; dispatch the alerts of the run; then commit: the new state
 * and one {@code vigie-runs} document per source. Committing last is what makes a killed run safe: the rerun starts
 * from the previous state, fetches the same items and overwrites them under the same ids, and the alert ledger keeps
 * alerts from being sent twice. Every call to Elasticsearch outside the job is retried for the run's patience
 * ({@link RunOptions#elasticsearchPatience()}, 5 minutes by default), and a failure names Elasticsearch, its URL and
 * the step.
 */
public final class VigieRun {

    private static final Logger LOG = LoggerFactory.getLogger(VigieRun.class);

    private VigieRun() {}

    /**
     * Runs the watches of {@code options} and returns what happened.
     *
     * @throws RunFailedException when the run itself failed (nothing committed); a failing source is not that
     */
    public static RunSummary run(RunOptions options) throws RunFailedException {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Map<String, Long> stages = new LinkedHashMap<>();
        ElasticsearchEndpoint endpoint = options.elasticsearch();
        ElasticsearchCalls calls = new ElasticsearchCalls(
                endpoint,
                options.elasticsearchPatience(),
                options.progress() == null ? null : line -> options.progress().accept("  " + line));
        try (ElasticsearchEndpoint.Clients clients = endpoint.clients()) {
            long t = System.nanoTime();
            waitForElasticsearch(
                    clients.rest(),
                    endpoint,
                    options.elasticsearchWait(),
                    options.progress(),
                    options.progressInterval());
            calls.call("installing the index templates", () -> IndexTemplates.installAll(clients.sync()));
            stages.put("templates", millisSince(t));

            List<String> watchIds = options.watches().stream().map(Watch::id).toList();
            try (WatchLeases leases = WatchLeases.acquire(
                    clients.rest(),
                    calls,
                    watchIds,
                    options.runId(),
                    options.leaseTtl(),
                    options.leaseWait(),
                    Clock.systemUTC(),
                    options.progress())) {
                return runLeased(options, clients, calls, leases, startedAt, start, stages);
            }
        } catch (RunFailedException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("Run " + options.runId() + " interrupted", e);
        } catch (Exception e) {
            throw new RunFailedException("Run " + options.runId() + " failed: " + rootMessage(e), e);
        }
    }

    /** The run once it holds the lease of every watch. */
    private static RunSummary runLeased(
            RunOptions options,
            ElasticsearchEndpoint.Clients clients,
            ElasticsearchCalls calls,
            WatchLeases leases,
            Instant startedAt,
            long start,
            Map<String, Long> stages)
            throws Exception {
        long t = System.nanoTime();
        StateStore store = new StateStore(clients.rest());
        List<SourceTask> tasks = new ArrayList<>();
        for (Watch watch : options.watches()) {
            Map<String, SourceState> states =
                    calls.call("reading the state of watch " + watch.id(), () -> store.load(watch.id()));
            tasks.addAll(SourcePlanner.plan(watch, states, options.apis()));
        }
        stages.put("plan", millisSince(t));
        LOG.info(
                "Run {}: {} watches, {} sources, Elasticsearch {}, parallelism {}",
                options.runId(),
                options.watches().size(),
                tasks.size(),
                options.elasticsearch(),
                options.parallelism());

        RunGraph.Output output = runJob(tasks, options, stages);

        // alerts and the commit only while this run still holds its watches: a run that lost a lease (it expired
        // while Elasticsearch was away and another run took it) leaves both to that run
        leases.checkHeld();
        t = System.nanoTime();
        List<AlertReport> alerts = AlertDispatch.dispatch(options, clients, calls, output.hits());
        stages.put("alerts", millisSince(t));

        t = System.nanoTime();
        List<SourceReport> reports = new ArrayList<>(output.reports());
        reports.sort(Comparator.comparing((SourceReport r) -> r.ref().watch())
                .thenComparing(r -> r.ref().key()));
        Map<String, Long> enrichmentFailures = output.enrichmentFailures();
        commit(store, calls, clients.rest(), options.runId(), reports, enrichmentFailures);
        boolean jobRan = stages.containsKey("job");
        Map<String, Long> refusedByReason = jobRan
                ? calls.call(
                        "reading the documents refused in " + ElasticsearchSink.DEFAULT_ERROR_INDEX,
                        () -> RunRecords.refusedByReason(
                                clients.rest(), ElasticsearchSink.DEFAULT_ERROR_INDEX, options.runId()))
                : Map.of();
        long refused =
                refusedByReason.values().stream().mapToLong(Long::longValue).sum();
        stages.put("commit", millisSince(t));

        long fresh = reports.stream().mapToLong(SourceReport::fresh).sum();
        long documents = jobRan ? output.documents() : 0;
        RunSummary summary = new RunSummary(
                        options.runId(),
                        startedAt,
                        Duration.ofNanos(System.nanoTime() - start),
                        reports,
                        alerts,
                        Math.max(0, documents - refused),
                        refused,
                        stages,
                        outboxes(options, alerts),
                        kibana(options),
                        Math.max(0, fresh - documents),
                        refusedByReason)
                .withEnrichmentFailures(enrichmentFailures.values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        LOG.info(
                "Run {} done in {} ms: {} sources ({} failed), {} new items, {} documents, stages {}",
                options.runId(),
                summary.duration().toMillis(),
                reports.size(),
                summary.failedSources(),
                summary.fresh(),
                documents,
                stages);
        return summary;
    }

    /**
     * Fetches and runs the Flink job, recording the time of each stage in {@code stages}: {@code fetch} (embedded
     * runs fetch in the driver), {@code job start} (building and submitting the job, which starts the embedded
     * MiniCluster) and {@code job}. An embedded run whose sources gave nothing new starts no job.
     */
    private static RunGraph.Output runJob(List<SourceTask> tasks, RunOptions options, Map<String, Long> stages)
            throws Exception {
        if (tasks.isEmpty()) {
            LOG.info("Run {}: the watches name no source", options.runId());
            return new RunGraph.Output(List.of(), List.of(), 0, 0);
        }
        // The counters are only fed by operators in this JVM: on a cluster, Flink's web UI shows the progress.
        boolean embedded = options.execution() == RunOptions.Execution.EMBEDDED;
        RunProgress progress = embedded ? RunProgress.register(options.runId(), tasks.size()) : null;
        ScheduledExecutorService printer = null;
        if (progress != null && options.progress() != null) {
            printer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "vigie-progress");
                thread.setDaemon(true);
                return thread;
            });
            long every = options.progressInterval().toMillis();
            printer.scheduleAtFixedRate(
                    () -> options.progress().accept("  " + progress.line()), every, every, TimeUnit.MILLISECONDS);
        }
        try {
            long t = System.nanoTime();
            if (options.execution() == RunOptions.Execution.CLUSTER) {
                RunGraph.Output output = RunGraph.execute(tasks, options.watches(), options);
                stages.put("job start", output.startMillis());
                stages.put("job", millisSince(t) - output.startMillis());
                return output;
            }
            DriverFetch.Fetched fetched = DriverFetch.fetch(tasks, options);
            stages.put("fetch", millisSince(t));
            if (fetched.withNews() == 0) {
                LOG.info("Run {}: no source gave anything new, no Flink job to run", options.runId());
                return new RunGraph.Output(fetched.reports(), List.of(), 0, 0);
            }
            t = System.nanoTime();
            RunGraph.Output output = RunGraph.executeFetched(fetched.withNews(), options.watches(), options);
            stages.put("job start", output.startMillis());
            stages.put("job", millisSince(t) - output.startMillis());
            return new RunGraph.Output(
                    fetched.reports(),
                    output.hits(),
                    output.startMillis(),
                    output.documents(),
                    output.enrichmentFailures());
        } finally {
            if (printer != null) {
                printer.shutdownNow();
            }
            FetchedOutcomes.release(options.runId());
            if (progress != null) {
                RunProgress.unregister(options.runId());
            }
        }
    }

    private static void commit(
            StateStore store,
            ElasticsearchCalls calls,
            RestClient rest,
            String runId,
            List<SourceReport> reports,
            Map<String, Long> enrichmentFailures)
            throws IOException, InterruptedException {
        Map<String, List<StateStore.Entry>> byWatch = new LinkedHashMap<>();
        for (SourceReport report : reports) {
            if (report.status() == SourceStatus.FAILED) {
                continue;
            }
            SourceRef ref = report.ref();
            byWatch.computeIfAbsent(ref.watch(), w -> new ArrayList<>())
                    .add(new StateStore.Entry(ref.key(), ref.type(), ref.name(), ref.url(), report.state()));
        }
        for (var entry : byWatch.entrySet()) {
            calls.call("writing the state of watch " + entry.getKey(), () -> {
                store.save(entry.getKey(), runId, entry.getValue());
                return null;
            });
        }
        calls.call("writing the run records to " + RunRecords.INDEX, () -> {
            RunRecords.write(rest, runId, reports, enrichmentFailures);
            return null;
        });
    }

    /**
     * Waits until {@code _cluster/health} answers (Elasticsearch may still be starting), telling {@code progress}
     * every {@code every} that it is still waiting, and why.
     */
    static void waitForElasticsearch(
            RestClient rest, ElasticsearchEndpoint endpoint, Duration wait, Consumer<String> progress, Duration every)
            throws RunFailedException, InterruptedException {
        Request health = new Request("GET", "/_cluster/health");
        health.addParameter("wait_for_status", "yellow");
        health.addParameter("timeout", "10s");
        long begin = System.nanoTime();
        long[] lastLine = {begin};
        Consumer<String> onRetry = progress == null
                ? null
                : failure -> {
                    long now = System.nanoTime();
                    if (now - lastLine[0] >= every.toNanos() || lastLine[0] == begin) {
                        lastLine[0] = now;
                        progress.accept(String.format(
                                java.util.Locale.ROOT,
                                "  waiting for Elasticsearch at %s (%d s of %d s): %s",
                                endpoint,
                                (now - begin) / 1_000_000_000L,
                                wait.toSeconds(),
                                failure));
                    }
                };
        try {
            new Backoff(wait, Duration.ofMillis(200), Duration.ofSeconds(5))
                    .call(
                            "waiting for Elasticsearch at " + endpoint,
                            e -> e instanceof IOException,
                            () -> rest.performRequest(health),
                            onRetry);
        } catch (IOException e) {
            Throwable last = e.getCause();
            throw new RunFailedException(
                    "Elasticsearch at " + endpoint + " did not answer within " + wait.toSeconds() + " s"
                            + (last == null ? "" : ": " + last.getMessage()),
                    last);
        }
    }

    /** The outboxes something was written to in this run. */
    private static List<Path> outboxes(RunOptions options, List<AlertReport> alerts) {
        return options.watches().stream()
                .filter(w -> w.mail().smtpServer().isEmpty()
                        && alerts.stream().anyMatch(a -> a.watch().equals(w.id()) && a.emailed() > 0))
                .map(w -> w.mail().outboxPath())
                .distinct()
                .toList();
    }

    private static List<URI> kibana(RunOptions options) {
        return options.watches().stream()
                .flatMap(w -> w.kibana().stream())
                .distinct()
                .toList();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
