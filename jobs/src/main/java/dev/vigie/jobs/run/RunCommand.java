package dev.vigie.jobs.run;

import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.WatchFilesOption;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchError;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie run --watch FILE...}: one run of the watches (fetch, enrich, index, alert), then its summary. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run watches once: fetch what is new from every source, enrich it, index it into "
                    + "Elasticsearch and email the alerts, then print a summary per source and per alert.",
            "Runs on an embedded Flink (all cores of this machine) unless started with 'flink run'."
        },
        footer = {
            "",
            "Exit codes: 0 the run is done (even when some sources failed: see the summary), "
                    + "1 the run failed (Elasticsearch unreachable, job failed; nothing committed, rerun later), "
                    + "2 bad usage, 3 a watch file was refused, 4 another run of a watch is going on (its lease in "
                    + "vigie-leases; nothing ran: try later, or use --wait).",
            "A run that ends with exit 0 may print WARNING lines: documents Elasticsearch refused as invalid "
                    + "(see vigie-errors), alert emails whose delivery outcome is unknown."
        })
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WatchFilesOption watches;

    @Option(
            names = {"-p", "--parallelism"},
            paramLabel = "N",
            description = "Parallel subtasks (default: the number of cores, ${DEFAULT-VALUE}; with 'flink run', "
                    + "its -p or the cluster's parallelism.default).")
    int parallelism = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--es",
            paramLabel = "URL",
            description = "Elasticsearch URL (default: the 'elasticsearch' section of the first watch).")
    URI elasticsearch;

    @Option(names = "--no-alerts", description = "Index everything but send no alert email.")
    boolean noAlerts;

    @Option(
            names = "--corenlp",
            paramLabel = "WHEN",
            description = "English sentiment: NEVER is the model fitted for social posts (default); WHEN_UNCERTAIN "
                    + "or ALWAYS use the older review model with Stanford CoreNLP (about 1 GB more memory). "
                    + "Candidates: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}.")
    EnglishSentimentScorer.CoreNlpUse coreNlp = SentimentAnalyzer.Builder.DEFAULT_CORENLP_USE;

    @Option(
            names = "--allow-private-addresses",
            description = "Fetch sources on private or loopback addresses (an intranet, a local test server).")
    boolean allowPrivateAddresses;

    @Option(
            names = "--wait-for-es",
            paramLabel = "SECONDS",
            description = "How long to wait for Elasticsearch to answer before giving up (default: ${DEFAULT-VALUE}).")
    long waitForEsSeconds = RunOptions.DEFAULT_ELASTICSEARCH_WAIT.toSeconds();

    @Option(
            names = "--wait",
            arity = "0..1",
            paramLabel = "SECONDS",
            fallbackValue = "86400",
            description = "When another run of a watch is going on, wait for it to end (up to SECONDS, default a "
                    + "day) instead of exiting with code 4.")
    Long waitForLeaseSeconds;

    @Option(
            names = "--apis",
            paramLabel = "URL",
            hidden = true,
            description = "Base URL serving the Bluesky, Reddit and Hacker News APIs (tests and the demo).")
    URI apis;

    private final RunOptions.Execution execution;

    public RunCommand() {
        this(RunOptions.Execution.EMBEDDED);
    }

    /** The command as the job jar's main class runs it on a Flink cluster. */
    RunCommand(RunOptions.Execution execution) {
        this.execution = execution;
    }

    @Override
    public Integer call() throws InvalidWatchException, RunFailedException {
        PrintWriter out = spec.commandLine().getOut();
        List<Watch> loaded = watches.load();
        if (elasticsearch == null) {
            requireOneElasticsearch(loaded, watches.files());
        }
        RunOptions.Builder options = RunOptions.builder()
                .watches(loaded)
                .parallelism(parallelism())
                .execution(execution)
                .dispatchAlerts(!noAlerts)
                .coreNlp(coreNlp)
                .elasticsearchWait(Duration.ofSeconds(Math.max(1, waitForEsSeconds)))
                .fetchConfig(FetchConfig.builder()
                        .allowPrivateAddresses(allowPrivateAddresses)
                        .build())
                .progress(line -> {
                    out.println(line);
                    out.flush();
                });
        if (waitForLeaseSeconds != null) {
            options.leaseWait(Duration.ofSeconds(Math.max(0, waitForLeaseSeconds)));
        }
        if (elasticsearch != null) {
            options.elasticsearch(ElasticsearchEndpoint.of(elasticsearch.toString()));
        }
        if (apis != null) {
            options.apis(ApiEndpoints.allAt(apis));
        }
        RunSummary summary = VigieRun.run(options.build());
        summary.print(out);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * One run writes to one Elasticsearch: a watch whose {@code elasticsearch} section names another endpoint (or
     * another API key) than the first watch's is refused, naming both files, before anything is contacted.
     */
    static void requireOneElasticsearch(List<Watch> loaded, List<Path> files) throws InvalidWatchException {
        ElasticsearchEndpoint first = RunOptions.Builder.endpointOf(loaded.get(0));
        List<WatchError> errors = new ArrayList<>();
        for (int i = 1; i < loaded.size(); i++) {
            String difference = RunOptions.Builder.difference(first, RunOptions.Builder.endpointOf(loaded.get(i)));
            if (difference != null) {
                errors.add(new WatchError(
                        files.get(i).toString(),
                        0,
                        "elasticsearch",
                        "this watch and "
                                + files.get(0) + " name " + difference
                                + "; one run writes to one Elasticsearch: run them "
                                + "separately, or give --es"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidWatchException(errors);
        }
    }

    /** The option when given; else, on a cluster, the parallelism {@code flink run} was given or configured with. */
    private int parallelism() {
        boolean given = spec.commandLine().getParseResult().hasMatchedOption("--parallelism");
        return given || execution == RunOptions.Execution.EMBEDDED ? parallelism : RunGraph.contextParallelism();
    }
}
