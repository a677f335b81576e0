package dev.vigie.jobs.demo;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.vigie.dashboards.EsClients;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.fields.MentionFields;
import dev.vigie.jobs.cli.ElasticsearchCommand;
import dev.vigie.jobs.demo.internal.DemoIndices;
import dev.vigie.jobs.report.IsoWeek;
import dev.vigie.jobs.report.WeeklyReport;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.local.LocalElasticsearch;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigie demo}: the whole product on a fresh machine in one command. It starts (or reuses) the local
 * Elasticsearch of {@code deploy/local}, installs the index templates, serves the bundled demo data on a loopback
 * port ({@link DemoServer}), and runs the pipeline twice on the demo watch: once as a first collection, once "an
 * hour later", when a few posts are new, three competitor pages changed and everything else answers 304. Alert
 * emails land as {@code .eml} files in the outbox, and the weekly report job then writes its HTML and PDF (and
 * emails them to the outbox too). It ends with what is where: documents per index, the emails, the report, and how
 * to look at them. Logs go to {@code .vigie/logs/vigie.log}, not to the terminal.
 *
 * <p>The demo watch's previous documents are deleted first (unless {@code --keep-data}), so every demo shows a
 * first run and an incremental one, whatever ran before.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run Vigie end to end on the bundled demo data (a fictional brand, Ventelune, and two "
                    + "competitors): start a local Elasticsearch, run the pipeline twice (the second run shows "
                    + "incremental fetching and competitor page changes), write the alert emails to the outbox and "
                    + "the weekly report (HTML and PDF) to the reports folder."
        },
        footer = {"", "Exit codes: 0 the demo ran, 1 it failed (Elasticsearch could not start, a run failed)."})
public final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    /** The local node's port when {@code --es} is not given. */
    public static final int DEFAULT_ES_PORT = 9200;
    /** The launcher of the local node, relative to the project folder. */
    public static final String ES_SCRIPT = "deploy/local/elasticsearch.sh";

    private static final Duration ES_WAIT = Duration.ofSeconds(150);

    @Option(
            names = "--es",
            paramLabel = "URL",
            description = "Use this Elasticsearch instead of starting the local one (e.g. http://localhost:9200).")
    URI elasticsearch;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "" + DEFAULT_ES_PORT,
            description = "Port of the local Elasticsearch to reuse or start (default: ${DEFAULT-VALUE}).")
    int esPort;

    @Option(
            names = "--server-port",
            paramLabel = "N",
            defaultValue = "0",
            description = "Loopback port of the demo data server (default: any free port).")
    int serverPort;

    @Option(
            names = "--outbox",
            paramLabel = "DIR",
            defaultValue = "outbox",
            description = "Folder for the alert emails (.eml files) (default: ${DEFAULT-VALUE}).")
    Path outbox;

    @Option(
            names = "--reports",
            paramLabel = "DIR",
            defaultValue = "reports",
            description = "Folder for the weekly report (HTML and PDF) (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            defaultValue = "models",
            description =
                    "Folder for the French sentiment model the demo trains with vigie train (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(
            names = "--keep-data",
            description = "Keep the documents of a previous demo (the first run is then incremental too).")
    boolean keepData;

    private final DemoPipeline pipeline;
    private final PrintStream out;
    /** What the demo server answered during the last demo (for tests: what was not downloaded again). */
    private List<DemoServer.ServedRequest> served = List.of();

    /** The command as {@code vigie demo} runs it: the real run job, talking to the terminal. */
    public DemoCommand() {
        this(new FlinkDemoPipeline(), System.out);
    }

    /**
     * @param pipeline runs the demo watch once (the run job in the product)
     * @param out      where the demo talks to the user
     */
    public DemoCommand(DemoPipeline pipeline, PrintStream out) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        FileTime since = FileTime.from(started.minusSeconds(1));
        out.println("Vigie demo: Ventelune (fictional e-bike subscriptions, Lyon) watched against Roulequai and "
                + "Cyclanthe, in French and English.");
        URI es = elasticsearch();
        try (ElasticsearchClient client = EsClients.create(es, null)) {
            IndexTemplates.installAll(client);
        }
        DemoIndices indices = new DemoIndices(es, DemoWatch.ID);
        if (!keepData) {
            long deleted = indices.clear();
            if (deleted > 0) {
                out.printf(
                        Locale.ROOT,
                        "Cleared %d document%s of a previous demo (watch %s).%n",
                        deleted,
                        deleted == 1 ? "" : "s",
                        DemoWatch.ID);
            }
        }
        Path outboxDir = outbox.toAbsolutePath().normalize();
        out.println();
        out.println("== French sentiment model: vigie train --lang fr on the demo's " + DemoModel.LABELLED
                + " (posts written for the demo, none of them in its data)");
        Path frModel = DemoModel.train(models.toAbsolutePath().normalize(), out);
        out.println("The demo watch names it (sentiment: models: fr:), so both runs read French posts with it instead "
                + "of the built-in lexicon.");
        Duration[] runs = new Duration[2];
        Watch watch;
        IsoWeek reportWeek;
        try (DemoServer server = DemoServer.start(serverPort)) {
            watch = DemoWatch.load(server.baseUri(), es, outboxDir, frModel);
            reportWeek = reportWeek(server.anchor(), watch.timezone());
            out.println("Demo data served on " + server.baseUri() + " (feeds, Mastodon, Bluesky, Reddit, Hacker News,"
                    + " competitor pages; dated from now).");
            for (DemoPhase phase : DemoPhase.values()) {
                server.phase(phase);
                out.println();
                out.println(
                        phase == DemoPhase.FIRST
                                ? "== Run 1 of 2: first collection (three weeks of history, a baseline of each competitor "
                                        + "page; the models load first)"
                                : "== Run 2 of 2: an hour later (a few new posts, changed competitor pages; the rest "
                                        + "unchanged)");
                Instant runStart = Instant.now();
                pipeline.run(watch, es, server.baseUri(), out);
                runs[phase.number() - 1] = Duration.between(runStart, Instant.now());
            }
            printServer(server);
            served = server.requests();
        }
        indices.refresh();
        printIndices(indices, es);
        printFrenchSentiment(indices, frModel);
        WeeklyReport.ReportFiles report = writeReport(watch, reportWeek, es);
        printOutbox(outboxDir, since);
        printReport(report);
        out.printf(
                Locale.ROOT,
                "%nDemo done in %.1f s (run 1: %.1f s, run 2: %.1f s).%n",
                Duration.between(started, Instant.now()).toMillis() / 1000.0,
                runs[0].toMillis() / 1000.0,
                runs[1].toMillis() / 1000.0);
        printNext(es);
        return 0;
    }

    /**
     * How long before the data's anchor the demo's app outage starts: its first post ("Impossible de déverrouiller
     * mon vélo", in {@code demo/mastodon/statuses.json}) is dated {@code ago:3240}; the crisis runs from there to the
     * anchor.
     */
    static final Duration OUTAGE_AGE = Duration.ofMinutes(3240);

    /**
     * The week the demo reports on: the one the outage starts in, so the report shows the spike of the crisis
     * whatever the day the demo runs (the report of the current week alone would be nearly empty on a Monday).
     */
    static IsoWeek reportWeek(Instant anchor, ZoneId zone) {
        return IsoWeek.of(LocalDate.ofInstant(anchor.minus(OUTAGE_AGE), zone));
    }

    /** Writes the weekly report as the report job does, and emails it to the outbox like {@code vigie report}. */
    private WeeklyReport.ReportFiles writeReport(Watch watch, IsoWeek week, URI es) throws Exception {
        out.println();
        out.println("Writing the weekly report of " + week + " (HTML and PDF)...");
        WeeklyReport.ReportFiles files;
        try (ElasticsearchClient client = EsClients.create(es, null)) {
            files = WeeklyReport.generate(
                    watch, week, client, reports.toAbsolutePath().normalize());
        }
        List<String> to = watch.report().map(r -> r.to()).orElse(List.of());
        if (!to.isEmpty()) {
            WeeklyReport.email(watch, files, to);
        }
        return files;
    }

    private void printReport(WeeklyReport.ReportFiles files) {
        out.println();
        out.printf(
                Locale.ROOT,
                "Weekly report of %s (%d mentions of the watch that week):%n",
                files.report().data().week(),
                files.report().data().totals().mentions());
        out.println("  " + files.html());
        out.println("  " + files.pdf());
    }

    /** The requests the demo server answered during the last {@link #call()}, in order. */
    List<DemoServer.ServedRequest> served() {
        return served;
    }

    /** The node to use: {@code --es}, else the local one on {@code --port}, reused or started. */
    URI elasticsearch() throws IOException, InterruptedException {
        if (elasticsearch != null) {
            if (!LocalElasticsearch.isHealthy(elasticsearch)) {
                throw new IllegalStateException("Elasticsearch does not answer at " + elasticsearch
                        + " (GET /_cluster/health); start it or drop --es to use the local one");
            }
            out.println("Using Elasticsearch at " + elasticsearch);
            return elasticsearch;
        }
        if (esPort < 1 || esPort > 65535) {
            throw new IllegalArgumentException("--port must be 1..65535, was " + esPort);
        }
        URI local = URI.create("http://" + LocalElasticsearch.HOST + ":" + esPort);
        if (LocalElasticsearch.isHealthy(local)) {
            out.println("Using the Elasticsearch already running on " + local);
            return local;
        }
        Path home = LocalElasticsearch.distribution(ElasticsearchCommand.projectHome());
        // the node vigie elasticsearch start would start (same folder, heap and user), so the script stops it
        out.println("Starting the local Elasticsearch on " + local + " (vigie elasticsearch start; " + ES_SCRIPT
                + " stop stops it)...");
        ElasticsearchCommand.node(
                        home, ElasticsearchCommand.defaultDataDir(), esPort, ElasticsearchCommand.defaultHeap())
                .startTimeout(ES_WAIT)
                .build()
                .start();
        return local;
    }

    /** Where {@code log4j2.xml} writes the log: {@code vigie.log.dir}, else {@code .vigie/logs} of the project. */
    static Path logFile() {
        String dir = System.getProperty("vigie.log.dir");
        return (dir == null || dir.isBlank()
                        ? ElasticsearchCommand.projectHome().resolve(".vigie").resolve("logs")
                        : Path.of(dir))
                .resolve("vigie.log")
                .toAbsolutePath()
                .normalize();
    }

    private void printServer(DemoServer server) {
        List<DemoServer.ServedRequest> second = server.requests().stream()
                .filter(r -> r.phase() == DemoPhase.SECOND)
                .toList();
        long first = server.requests().size() - second.size();
        long notModified = second.stream().filter(r -> r.status() == 304).count();
        long changed = second.stream()
                .filter(r -> r.status() == 200
                        && (DemoServer.FEEDS.containsKey(r.path()) || DemoServer.PAGES.containsKey(r.path())))
                .count();
        out.println();
        out.printf(
                Locale.ROOT,
                "Demo server: run 1 made %d requests; run 2 made %d, of which %d answered "
                        + "304 Not Modified and %d feeds or pages were downloaded again.%n",
                first,
                second.size(),
                notModified,
                changed);
    }

    private void printFrenchSentiment(DemoIndices indices, Path frModel) throws IOException {
        Map<String, Long> french =
                indices.countBy(IndexTemplates.MENTIONS, MentionFields.SENTIMENT_LABEL, MentionFields.LANG, "fr");
        out.printf(
                Locale.ROOT,
                "  French mentions, sentiment by the trained model %s: %d %s%n",
                frModel,
                french.values().stream().mapToLong(Long::longValue).sum(),
                french);
    }

    private void printIndices(DemoIndices indices, URI es) throws IOException {
        out.println();
        out.println("In Elasticsearch (" + es + "), watch " + DemoWatch.ID + ":");
        Map<String, Long> mentions = indices.countBy(IndexTemplates.MENTIONS, "source.type");
        out.printf(
                Locale.ROOT,
                "  %-20s %5d  %s%n",
                IndexTemplates.MENTIONS,
                mentions.values().stream().mapToLong(Long::longValue).sum(),
                mentions);
        Map<String, Long> changes = indices.countBy(IndexTemplates.PAGE_CHANGES, "kind");
        out.printf(
                Locale.ROOT,
                "  %-20s %5d  %s%n",
                IndexTemplates.PAGE_CHANGES,
                changes.values().stream().mapToLong(Long::longValue).sum(),
                changes);
        Map<String, Long> alerts = indices.countBy(IndexTemplates.ALERTS, "rule");
        out.printf(
                Locale.ROOT,
                "  %-20s %5d  %s%n",
                IndexTemplates.ALERTS,
                alerts.values().stream().mapToLong(Long::longValue).sum(),
                alerts);
        Map<String, Long> runs = indices.countBy(IndexTemplates.RUNS, "status");
        out.printf(
                Locale.ROOT,
                "  %-20s %5d  %s%n",
                IndexTemplates.RUNS,
                runs.values().stream().mapToLong(Long::longValue).sum(),
                runs);
    }

    private void printOutbox(Path dir, FileTime since) throws IOException {
        out.println();
        if (!Files.isDirectory(dir)) {
            out.println("No alert email was written (" + dir + " does not exist).");
            return;
        }
        List<Path> written;
        try (Stream<Path> files = Files.list(dir)) {
            written = files.filter(f -> f.toString().endsWith(".eml"))
                    .filter(f -> {
                        try {
                            return Files.getLastModifiedTime(f).compareTo(since) >= 0;
                        } catch (IOException e) {
                            LOG.debug("cannot read the time of {}", f, e);
                            return false;
                        }
                    })
                    .sorted()
                    .toList();
        }
        out.printf(Locale.ROOT, "%d email%s written to %s:%n", written.size(), written.size() == 1 ? "" : "s", dir);
        written.forEach(f -> out.println("  " + f.getFileName()));
    }

    private void printNext(URI es) {
        out.println();
        out.println("What to open next:");
        out.println("  the weekly report: open the .html (or the .pdf) above in a browser");
        out.println("  the alert emails: open the .eml files above in any mail client");
        out.println("  the mentions:     curl '" + es + "/" + IndexTemplates.MENTIONS + "/_search?q=watch:"
                + DemoWatch.ID + "&size=3&pretty'");
        out.println("  page changes:     curl '" + es + "/" + IndexTemplates.PAGE_CHANGES + "/_search?q=watch:"
                + DemoWatch.ID + "&pretty'");
        out.println("  Kibana:           point a Kibana 8.19 at " + es + " and import the dashboards (README, "
                + "'Dashboards')");
        out.println("  your own watch:   start from deploy/watches/example.yaml, then ./vigie run --watch FILE");
        out.println("  the logs:         " + logFile());
    }
}
