package dev.vigie.jobs.serve;

import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.WatchFilesOption;
import dev.vigie.jobs.run.ApiEndpoints;
import dev.vigie.jobs.run.EmbeddedCluster;
import dev.vigie.jobs.run.RunOptions;
import dev.vigie.jobs.run.VigieRun;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchError;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie serve --watch FILE...}: runs each watch on its {@code schedule:} until stopped (Ctrl-C or SIGTERM),
 * each run exactly as {@code vigie run} would run it, on one embedded Flink cluster kept between runs.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run watches on their schedules until stopped: one long-running process, one embedded Flink "
                    + "cluster kept warm between runs, a log file per run and a health endpoint.",
            "Each watch file needs a schedule, e.g. 'schedule: every 30m' or 'schedule: \"0 7 * * MON-FRI\"' "
                    + "(cron: minute hour day-of-month month day-of-week, in the watch's time zone).",
            "Stopping (Ctrl-C, SIGTERM) lets the current run finish within --stop-timeout, then cancels it "
                    + "(a cancelled run commits nothing: the next one fetches the same items again)."
        },
        footer = {
            "",
            "Exit codes: 0 stopped, 1 could not start (port taken, Flink), 2 bad usage, "
                    + "3 a watch file was refused or has no schedule."
        })
public final class ServeCommand implements Callable<Integer> {

    /** How long a stop waits for the health endpoint and the cluster to close after the last run. */
    private static final Duration STOP_CLEAN_UP = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    WatchFilesOption watches;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "N",
            description = "Parallel subtasks of every run (default: the number of cores, ${DEFAULT-VALUE}).")
    int parallelism = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--es",
            paramLabel = "URL",
            description = "Elasticsearch URL (default: the 'elasticsearch' section of each watch).")
    URI elasticsearch;

    @Option(names = "--no-alerts", description = "Index everything but send no alert email.")
    boolean noAlerts;

    @Option(
            names = "--corenlp",
            paramLabel = "WHEN",
            description = "When English sentiment asks Stanford CoreNLP: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    EnglishSentimentScorer.CoreNlpUse coreNlp = EnglishSentimentScorer.CoreNlpUse.WHEN_UNCERTAIN;

    @Option(
            names = "--allow-private-addresses",
            description = "Fetch sources on private or loopback addresses (an intranet, a local test server).")
    boolean allowPrivateAddresses;

    @Option(
            names = "--status-port",
            paramLabel = "PORT",
            description = "Port of the health endpoint http://127.0.0.1:PORT/health (default ${DEFAULT-VALUE}; "
                    + "0 for a free one, printed at start).")
    int statusPort = 9270;

    @Option(
            names = "--runs-dir",
            paramLabel = "DIR",
            description = "Where each run's log goes, as DIR/WATCH/RUN_ID.log (default: ${DEFAULT-VALUE}).")
    Path runsDir = Path.of(".vigie", "runs");

    @Option(
            names = "--stop-timeout",
            paramLabel = "SECONDS",
            description = "How long a stop waits for the current run to finish before cancelling it "
                    + "(default: ${DEFAULT-VALUE}).")
    long stopTimeoutSeconds = 600;

    @Option(
            names = "--apis",
            paramLabel = "URL",
            hidden = true,
            description = "Base URL serving the Bluesky, Reddit and Hacker News APIs (tests and the demo).")
    URI apis;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Watch> all = watches.load();
        List<WatchError> unscheduled = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).scheduled().isEmpty()) {
                unscheduled.add(new WatchError(
                        watches.files().get(i).toString(),
                        1,
                        "schedule",
                        "missing: vigie "
                                + "serve needs 'schedule: every 30m' or a cron expression ('0 7 * * MON-FRI')"));
            }
        }
        if (!unscheduled.isEmpty()) {
            throw new InvalidWatchException(unscheduled);
        }
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (EmbeddedCluster cluster = EmbeddedCluster.start(parallelism)) {
            WatchScheduler scheduler = new WatchScheduler(
                    all, watch -> options(cluster), VigieRun::run, runsDir, Clock.systemUTC(), run -> {});
            try (StatusServer status = StatusServer.start("127.0.0.1", statusPort, scheduler::status)) {
                // SIGTERM or Ctrl-C: stop scheduling, let the current run finish (or cancel it), then wait for the
                // status server and the cluster to close before the JVM goes
                Thread hook = new Thread(
                        () -> {
                            try {
                                out.println("vigie serve: stopping (the current run has " + stopTimeoutSeconds
                                        + " s to finish)");
                                out.flush();
                                scheduler.stop(Duration.ofSeconds(Math.max(1, stopTimeoutSeconds)));
                                done.countDown();
                                closed.await(STOP_CLEAN_UP.toMillis(), TimeUnit.MILLISECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "vigie-serve-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                scheduler.start();
                out.printf(
                        "vigie serve: %d watches scheduled (%s); health %s; run logs in %s%n",
                        all.size(),
                        String.join(
                                ", ",
                                all.stream()
                                        .map(w -> w.id() + " " + w.scheduled().orElseThrow())
                                        .toList()),
                        status.url(),
                        runsDir.toAbsolutePath());
                out.flush();
                done.await();
            }
        } finally {
            closed.countDown();
        }
        return ExitCodes.OK;
    }

    private RunOptions.Builder options(EmbeddedCluster cluster) {
        RunOptions.Builder options = RunOptions.builder()
                .cluster(cluster)
                .dispatchAlerts(!noAlerts)
                .coreNlp(coreNlp)
                .fetchConfig(FetchConfig.builder()
                        .allowPrivateAddresses(allowPrivateAddresses)
                        .build());
        if (elasticsearch != null) {
            options.elasticsearch(ElasticsearchEndpoint.of(elasticsearch.toString()));
        }
        if (apis != null) {
            options.apis(ApiEndpoints.allAt(apis));
        }
        return options;
    }
}
