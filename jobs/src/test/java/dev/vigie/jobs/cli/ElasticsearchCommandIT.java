package dev.vigie.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.local.LocalElasticsearch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code vigie elasticsearch start|status|stop} (what {@code deploy/local/elasticsearch.sh} hands over to) on the node
 * the build prepared: it starts a node that outlives the command, says so when asked again, reports its status, and
 * stops it, whoever started it.
 */
class ElasticsearchCommandIT {

    private static String previousHome;

    @BeforeAll
    static void projectHome() {
        previousHome = System.getProperty("vigie.home");
        System.setProperty(
                "vigie.home", Path.of("..").toAbsolutePath().normalize().toString());
    }

    @AfterAll
    static void restore() {
        if (previousHome == null) {
            System.clearProperty("vigie.home");
        } else {
            System.setProperty("vigie.home", previousHome);
        }
    }

    private record Result(int status, String out, String err) {}

    private static Result vigie(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void startsANodeThatOutlivesTheCommandReportsItsStatusAndStopsIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Path.of("target", "es-command-it").toAbsolutePath();
        String[] options = {"--port", String.valueOf(port), "--data", data.toString(), "--heap", "256m"};
        URI url = URI.create("http://127.0.0.1:" + port);
        try {
            Result start = vigie(concat("elasticsearch", "start", options));
            assertThat(start.status()).as(start.out() + start.err()).isZero();
            assertThat(start.out()).contains("Elasticsearch is up on " + url);
            assertThat(LocalElasticsearch.isHealthy(url)).isTrue();

            Result again = vigie(concat("elasticsearch", "start", options));
            assertThat(again.status()).isZero();
            assertThat(again.out()).contains("already running");

            Result status = vigie(concat("elasticsearch", "status", options));
            assertThat(status.status()).isZero();
            assertThat(status.out()).contains("is running").contains(url.toString());
            Path config = Files.isRegularFile(data.resolve("WHERE.txt"))
                    ? Path.of(Files.readString(data.resolve("WHERE.txt")).replaceAll("(?s).*are in (\\S+) \\(.*", "$1"))
                    : data;
            assertThat(Files.readString(config.resolve("config/elasticsearch.yml")))
                    .contains("http.port: " + port)
                    .contains("xpack.security.enabled: false")
                    .contains("discovery.type: single-node");
        } finally {
            Result stop = vigie(concat("elasticsearch", "stop", options));
            assertThat(stop.out()).contains("Stopped");
        }
        assertThat(LocalElasticsearch.isHealthy(url)).isFalse();
        Result stopped = vigie(concat("elasticsearch", "status", options));
        assertThat(stopped.status()).isEqualTo(ElasticsearchCommand.NOT_RUNNING);
        assertThat(stopped.out()).contains("not running");
    }

    @Test
    void refusesBadOptionsNamingThem() {
        Result port = vigie("elasticsearch", "start", "--port", "99999");
        assertThat(port.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err()).contains("--port must be 1..65535, got 99999");
        Result heap = vigie("elasticsearch", "start", "--port", "1", "--data", "target/none", "--heap", "lots");
        assertThat(heap.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(heap.err()).contains("lots");
        Result action = vigie("elasticsearch", "restart");
        assertThat(action.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(action.err()).contains("restart");
    }

    private static String[] concat(String a, String b, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
