package dev.vigie.dashboards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dashboards.local.LocalElasticsearch;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs deploy/local/elasticsearch.sh as a user would: start, start again, status, stop, status, on a free port and
 * a data folder under target/.
 */
class LocalElasticsearchScriptIT {

    private static final Path SCRIPT = Path.of("..", "deploy", "local", "elasticsearch.sh");

    @Test
    void startsOnceReportsStatusAndStops() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Path.of("target", "es-script-it").toAbsolutePath();
        String[] options = {"--port", String.valueOf(port), "--data", data.toString(), "--heap", "256m"};
        URI url = URI.create("http://127.0.0.1:" + port);
        try {
            Result start = run("start", options);
            assertThat(start.status).as(start.output).isZero();
            assertThat(start.output).contains("Elasticsearch is up on " + url);
            assertThat(LocalElasticsearch.isHealthy(url)).isTrue();

            Result again = run("start", options);
            assertThat(again.status).isZero();
            assertThat(again.output).contains("already running");

            Result status = run("status", options);
            assertThat(status.status).isZero();
            assertThat(status.output).contains("is running").contains(url.toString());
            assertThat(Files.readString(data.resolve("config/elasticsearch.yml")))
                    .contains("http.port: " + port)
                    .contains("xpack.security.enabled: false")
                    .contains("discovery.type: single-node");
        } finally {
            Result stop = run("stop", options);
            assertThat(stop.output).contains("Stopped");
        }
        assertThat(LocalElasticsearch.isHealthy(url)).isFalse();
        Result stopped = run("status", options);
        assertThat(stopped.status).isEqualTo(3);
        assertThat(stopped.output).contains("not running");
    }

    @Test
    void refusesBadOptionsNamingThem() throws Exception {
        Result result = run("start", "--port", "99999");
        assertThat(result.status).isEqualTo(2);
        assertThat(result.output).contains("bad port: 99999");
        assertThat(run("restart").output).contains("usage:");
    }

    private static Result run(String action, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), action));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(output).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int status, String output) {}
}
