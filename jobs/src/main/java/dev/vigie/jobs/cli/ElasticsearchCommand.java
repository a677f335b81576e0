package dev.vigie.jobs.cli;

import dev.vigie.local.LocalElasticsearch;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie elasticsearch start|stop|status}: the local single-node Elasticsearch (the distribution the build
 * prepares, with Vigie's analysis plugin) on 127.0.0.1, security off, run on its own so that it outlives the command.
 * The one launcher of a local node: {@code deploy/local/elasticsearch.sh} and {@code vigie demo} use it, and the
 * tests use the same {@link LocalElasticsearch}.
 */
@Command(
        name = "elasticsearch",
        mixinStandardHelpOptions = true,
        description = {
            "Start, stop or check the local Elasticsearch node (127.0.0.1, security off, single node) that the build"
                    + " prepared under deploy/elasticsearch/target. As root the node runs as an unprivileged user."
        },
        footer = {
            "",
            "Exit codes: 0 done (start: the node answers; stop: stopped or not running), 1 the node did not start,"
                    + " 2 bad usage, 3 status: not running."
        })
public final class ElasticsearchCommand implements Callable<Integer> {

    /** Heap of the local node unless {@code --heap} or {@code $VIGIE_ES_HEAP} says otherwise. */
    public static final String DEFAULT_HEAP = "512m";
    /** Exit code of {@code status} when no node runs. */
    public static final int NOT_RUNNING = 3;

    enum Action {
        start,
        stop,
        status
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "start, stop or status")
    Action action;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "${env:VIGIE_ES_PORT:-9200}",
            description = "HTTP port on 127.0.0.1 (default: $VIGIE_ES_PORT, else 9200).")
    int port;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Configuration, data and logs of the node (default: $VIGIE_ES_DATA, else"
                    + " .vigie/elasticsearch in the project).")
    Path data;

    @Option(
            names = "--heap",
            paramLabel = "SIZE",
            description = "JVM heap of the node, e.g. 512m or 1g (default: $VIGIE_ES_HEAP, else 512m).")
    String heap;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 1 || port > 65535) {
            return usage(err, "--port must be 1..65535, got " + port);
        }
        Path work = workDir();
        URI url = URI.create("http://" + LocalElasticsearch.HOST + ":" + port);
        Optional<Long> pid = LocalElasticsearch.runningPid(work);
        switch (action) {
            case start -> {
                if (pid.isPresent()) {
                    out.println(
                            "Elasticsearch is already running (pid " + pid.get() + ") on " + url + ", data in " + work);
                    out.flush();
                    return ExitCodes.OK;
                }
                if (LocalElasticsearch.isHealthy(url)) {
                    err.println("vigie elasticsearch: another Elasticsearch already answers on " + url
                            + " (not started from " + work + "); use --port");
                    err.flush();
                    return ExitCodes.FAILED;
                }
                Path home;
                try {
                    home = LocalElasticsearch.distribution(projectHome());
                } catch (IllegalArgumentException e) {
                    err.println("vigie elasticsearch: " + e.getMessage());
                    err.flush();
                    return ExitCodes.FAILED;
                }
                LocalElasticsearch node;
                try {
                    node = node(home, work, port, heap()).build();
                } catch (IllegalArgumentException e) {
                    return usage(err, e.getMessage());
                }
                out.println("Starting Elasticsearch on " + url + " (data in " + work + ", heap " + heap() + ")...");
                out.flush();
                try {
                    node.start();
                } catch (RuntimeException e) {
                    err.println("vigie elasticsearch: " + e.getMessage());
                    err.flush();
                    return ExitCodes.FAILED;
                }
                out.println("Elasticsearch is up on " + url + " (pid "
                        + LocalElasticsearch.runningPid(work)
                                .map(String::valueOf)
                                .orElse("?") + "); log: "
                        + node.consoleLog().getParent());
            }
            case stop -> {
                if (pid.isEmpty()) {
                    out.println("Elasticsearch is not running (data in " + work + ")");
                } else {
                    out.println("Stopping Elasticsearch (pid " + pid.get() + ")...");
                    out.flush();
                    LocalElasticsearch.stopNode(work);
                    out.println("Stopped.");
                }
            }
            case status -> {
                if (pid.isEmpty()) {
                    out.println("Elasticsearch is not running (data in " + work + ")");
                    out.flush();
                    return NOT_RUNNING;
                }
                out.println(
                        LocalElasticsearch.isHealthy(url)
                                ? "Elasticsearch is running (pid " + pid.get() + ") on " + url + "; data in " + work
                                : "Elasticsearch process " + pid.get() + " is alive but " + url
                                        + " does not answer yet; logs in " + work.resolve("logs"));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Path workDir() {
        return data != null ? data.toAbsolutePath().normalize() : defaultDataDir();
    }

    private String heap() {
        return heap != null ? heap : defaultHeap();
    }

    /**
     * A local node on {@code port} as {@code vigie elasticsearch start} (and {@code vigie demo}) start it: run on its
     * own, as {@code $VIGIE_ES_USER} (else {@value LocalElasticsearch#DEFAULT_USER}) when started as root.
     */
    public static LocalElasticsearch.Builder node(Path home, Path workDir, int port, String heap) {
        return LocalElasticsearch.builder(home)
                .workDir(workDir)
                .httpPort(port)
                .heap(heap)
                .unprivilegedUser(env("VIGIE_ES_USER", LocalElasticsearch.DEFAULT_USER))
                .detached(true);
    }

    /** The local node's folder: {@code $VIGIE_ES_DATA}, else {@code .vigie/elasticsearch} in the project. */
    public static Path defaultDataDir() {
        String dir = env("VIGIE_ES_DATA", "");
        return (dir.isEmpty() ? projectHome().resolve(".vigie").resolve("elasticsearch") : Path.of(dir))
                .toAbsolutePath()
                .normalize();
    }

    /** The local node's heap: {@code $VIGIE_ES_HEAP}, else {@value #DEFAULT_HEAP}. */
    public static String defaultHeap() {
        return env("VIGIE_ES_HEAP", DEFAULT_HEAP);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    /** The project folder: {@code vigie.home} as set by the {@code ./vigie} launcher, else the working folder. */
    public static Path projectHome() {
        String home = System.getProperty("vigie.home");
        return Path.of(home == null || home.isBlank() ? "." : home)
                .toAbsolutePath()
                .normalize();
    }

    private static int usage(PrintWriter err, String message) {
        err.println("vigie elasticsearch: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }
}
