package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.mail.AlertDispatcher;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.testing.LoopbackSmtpServer;
import dev.vigie.jobs.testing.LoopbackWebhook;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run whose alert rule emails and posts to a webhook: the run process is killed with {@code kill -9} while the
 * webhook receiver holds the digest it received, then run again. Nothing is lost (the email goes once, whether it went
 * before the kill or not), nothing is posted twice within the grace, and the one later copy carries the same
 * {@code Idempotency-Key}.
 */
@ExtendWith(ElasticsearchExtension.class)
class RunWebhookFaultsIT {

    private static final String CM = "cm@acme.example";
    private static final String HOOK = "/vigie/alerts";
    private static LoopbackHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackHttpServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRunKilledWhileTheWebhookHoldsItsDigestLosesNothingAndPostsNothingTwice(@TempDir Path dir) throws Exception {
        String prefix = "/webhook-kill";
        RunFixtures.serve(server, prefix);
        String id = RunFixtures.uniqueId("acme-webhook-kill");
        URI es = ElasticsearchExtension.url();
        try (LoopbackSmtpServer smtp = LoopbackSmtpServer.start();
                LoopbackWebhook receiver = LoopbackWebhook.start()) {
            String yaml = RunFixtures.yaml(id, server, prefix, es, smtp.port())
                    .replace("  hackernews: [{ query: \"acme\" }]\n", "")
                    .replace(
                            "to: [\"cm@acme.example\"]",
                            "to: [\"cm@acme.example\", \"webhook:" + receiver.url(HOOK) + "\"]");
            Path file = dir.resolve(id + ".yaml");
            Files.writeString(file, yaml);
            Watch watch = new WatchLoader(Map.of()).load(file);
            assertThat(watch.alert("crisis").orElseThrow().webhooks()).hasSize(1);

            receiver.holdAnswers();
            Process run = new ProcessBuilder(javaCommand(file, es))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("killed-run.log").toFile())
                    .start();
            try {
                assertThat(receiver.awaitRequest(5, TimeUnit.MINUTES))
                        .as("the run posted its digest (log: %s)", dir.resolve("killed-run.log"))
                        .isTrue();
                assertThat(run.isAlive())
                        .as("the run waits for the webhook's answer")
                        .isTrue();
            } finally {
                run.destroyForcibly().waitFor(); // SIGKILL: no finally block of the run is executed
            }
            receiver.releaseAnswers();
            assertThat(receiver.received(HOOK)).hasSize(1);
            String key = receiver.received(HOOK).get(0).header("Idempotency-Key");
            int hits = receiver.received(HOOK).get(0).json().path("hit_count").asInt();
            assertThat(hits).isPositive();

            // the rerun takes the dead process's lease at once; the webhook's hits are `sending`: unknown, not posted
            RunSummary rerun =
                    VigieRun.run(RunFixtures.options(watch, server, prefix, es).build());
            assertThat(rerun.alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.unknown()).isEqualTo(hits));
            assertThat(receiver.received(HOOK))
                    .as("not posted again within the grace")
                    .hasSize(1);
            assertThat(smtp.receivedFor(CM))
                    .as("the email, once, before or after the kill")
                    .hasSize(1);
            List<JsonNode> ledger = RunJobIT.search("vigie-alerts", "watch", id);
            assertThat(ledger).hasSize(2 * hits);
            assertThat(ledger)
                    .filteredOn(d -> d.path("recipients").get(0).asText().equals(CM))
                    .allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("sent"));
            assertThat(ledger)
                    .filteredOn(d -> d.path("recipients").get(0).asText().startsWith("webhook:127.0.0.1#"))
                    .hasSize(hits)
                    .allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("sending"));

            // a day later the same digest goes once more, with the same key: a receiver that dedupes sees one
            try (ElasticsearchEndpoint.Clients clients =
                    ElasticsearchEndpoint.of(es.toString()).clients()) {
                AlertDispatcher.Result later = new AlertDispatcher(clients.sync())
                        .dispatch(watch, List.of(), Instant.now().plus(Duration.ofHours(25)));
                assertThat(later.emailed()).isEqualTo(hits);
            }
            assertThat(receiver.delivered(HOOK))
                    .singleElement()
                    .satisfies(r -> assertThat(r.header("Idempotency-Key")).isEqualTo(key));
            RunSummary third =
                    VigieRun.run(RunFixtures.options(watch, server, prefix, es).build());
            assertThat(third.alerts()).singleElement().satisfies(a -> {
                assertThat(a.emailed()).isZero();
                assertThat(a.unknown()).isZero();
                assertThat(a.pending()).isZero();
            });
            assertThat(receiver.received(HOOK)).hasSize(2);
            assertThat(smtp.receivedFor(CM)).hasSize(1);
            assertThat(RunJobIT.search("vigie-alerts", "watch", id))
                    .allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("sent"));
        }
    }

    private static List<String> javaCommand(Path watch, URI es) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-opens")) {
                command.add(argument);
            }
        }
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.vigie.jobs.cli.Vigie",
                "run",
                "--watch",
                watch.toString(),
                "--es",
                es.toString(),
                "--allow-private-addresses",
                "--corenlp",
                "NEVER",
                "--parallelism",
                "2"));
        return command;
    }
}
