package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.Vigie;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie run} as a user types it: output and exit codes. */
@ExtendWith(ElasticsearchExtension.class)
class RunCommandIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vigie(String... args) {
        return Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void printsASummaryPerSourceAndPerAlertAndExitsZeroWhenOneSourceFailed(@TempDir Path dir) throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
            RunFixtures.serve(server, "/cli");
            server.fail("/cli/globex/atom.xml", 503);
            String id = RunFixtures.uniqueId("acme-cli");
            Path watch = dir.resolve(id + ".yaml");
            Files.writeString(watch, """
                    watch: %1$s
                    brand: { name: Acme }
                    competitors: [{ name: Globex, feeds: ["%2$s/globex/atom.xml"] }]
                    sources: { feeds: ["%2$s/news/rss.xml"] }
                    alerts:
                      - { id: crisis, query: 'acme AND outage', to: ["cm@acme.example"] }
                    mail: { outbox: "%3$s", from: "vigie@acme.example" }
                    """.formatted(id, server.url() + "/cli", dir.resolve("outbox")));

            int code = vigie(
                    "run",
                    "--watch",
                    watch.toString(),
                    "--es",
                    ElasticsearchExtension.url().toString(),
                    "--allow-private-addresses",
                    "--corenlp",
                    "NEVER",
                    "--parallelism",
                    "2");

            assertThat(code).as("stderr: %s", err).isEqualTo(ExitCodes.OK);
            assertThat(out.toString())
                    .contains("2 sources, 3 items fetched, 3 new")
                    .containsPattern("feed +Globex .* FAILED: .*503")
                    .containsPattern("crisis +1 +1 +0")
                    .contains("Alert emails written to " + dir.resolve("outbox"));
            try (var emails = Files.list(dir.resolve("outbox"))) {
                assertThat(emails.filter(f -> f.toString().endsWith(".eml"))).hasSize(1);
            }
        }
    }

    @Test
    void exitsOneWithTheReasonWhenElasticsearchDoesNotAnswer(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path watch = dir.resolve("acme.yaml");
        Files.writeString(
                watch, "watch: acme\nbrand: { name: Acme }\nsources: { feeds: [\"http://127.0.0.1:1/rss\"] }\n");

        int code =
                vigie("run", "--watch", watch.toString(), "--es", "http://127.0.0.1:" + closed, "--wait-for-es", "2");

        assertThat(code).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("vigie run: ").contains("did not answer within 2 s");
    }

    @Test
    void exitsThreeWhenAWatchFileIsRefused(@TempDir Path dir) throws Exception {
        Path watch = dir.resolve("bad.yaml");
        Files.writeString(watch, "watch: Not An Id\n");

        assertThat(vigie("run", "--watch", watch.toString())).isEqualTo(ExitCodes.INVALID_WATCH);
        assertThat(err.toString()).contains("bad.yaml");
    }
}
