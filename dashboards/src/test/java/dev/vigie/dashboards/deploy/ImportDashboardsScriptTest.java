package dev.vigie.dashboards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs deploy/kibana/import-dashboards.sh against a loopback server that answers like Kibana's saved objects
 * import API, and checks what the script sends.
 */
class ImportDashboardsScriptTest {

    private static final Path SCRIPT = Path.of("..", "deploy", "kibana", "import-dashboards.sh");

    private HttpServer kibana;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String answer = "{\"success\":true,\"successCount\":8,\"successResults\":[]}";

    @BeforeEach
    void startFakeKibana() throws IOException {
        kibana = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kibana.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\nxsrf="
                    + exchange.getRequestHeaders().getFirst("kbn-xsrf") + "\nauth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + "\n" + body);
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        kibana.start();
    }

    @AfterEach
    void stop() {
        kibana.stop(0);
    }

    @Test
    void importsEveryDashboardFileWithOverwrite() throws Exception {
        Result result = run();
        assertThat(result.status).as(result.output).isZero();
        assertThat(requests).hasSize(4);
        assertThat(requests)
                .allMatch(r -> r.startsWith("POST /api/saved_objects/_import?overwrite=true"))
                .allMatch(r -> r.contains("xsrf=vigie"))
                .allMatch(r -> r.contains("auth=null"));
        assertThat(String.join("\n", requests))
                .contains("filename=\"overview.ndjson\"")
                .contains("filename=\"operations.ndjson\"")
                .contains("\"id\":\"vigie-competitors\"");
        assertThat(result.output).contains("imported overview.ndjson: 8 objects into default space");
    }

    @Test
    void importsIntoASpaceWithAnApiKeyAndPointsDataViewsAtTheWatchAliases() throws Exception {
        Result result = run(
                "--space", "acme", "--api-key", "aWQ6a2V5", "--watch", "acme", "../dashboards/kibana/overview.ndjson");
        assertThat(result.status).as(result.output).isZero();
        assertThat(requests).hasSize(1);
        String request = requests.get(0);
        assertThat(request)
                .startsWith("POST /s/acme/api/saved_objects/_import?overwrite=true")
                .contains("auth=ApiKey aWQ6a2V5")
                .contains("\"title\":\"vigie-acme-mentions\"")
                .doesNotContain("\"title\":\"vigie-mentions*\"");
    }

    @Test
    void failsWhenKibanaRefusesTheImport() throws Exception {
        answer =
                "{\"success\":false,\"errors\":[{\"id\":\"vigie-overview\",\"error\":{\"type\":\"missing_references\"}}]}";
        Result result = run("../dashboards/kibana/overview.ndjson");
        assertThat(result.status).isEqualTo(1);
        assertThat(result.output).contains("import of overview.ndjson failed").contains("missing_references");
    }

    @Test
    void refusesABadWatchId() throws Exception {
        Result result = run("--watch", "Acme Corp");
        assertThat(result.status).isEqualTo(2);
        assertThat(result.output).contains("bad watch id").contains("Acme Corp");
        assertThat(requests).isEmpty();
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "sh",
                SCRIPT.toString(),
                "--kibana",
                "http://127.0.0.1:" + kibana.getAddress().getPort()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int status, String output) {}
}
