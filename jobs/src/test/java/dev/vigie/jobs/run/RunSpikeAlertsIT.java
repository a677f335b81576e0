package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.testing.LoopbackProxy;
import dev.vigie.jobs.testing.LoopbackSmtpServer;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spike alerts in whole runs: a watch with four weeks of history (one mention of the brand an hour) whose feed brings
 * a burst of fresh mentions. The alert is sent once, whatever happens: the next run during the spike, the SMTP server
 * down, the run killed (kill -9) before the documents are in or between the mail server accepting the alert and the
 * ledger recording it.
 */
@ExtendWith(ElasticsearchExtension.class)
class RunSpikeAlertsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CM = "cm@acme.example";
    private static final int BURST = 8;
    private static LoopbackHttpServer server;
    private static RestClient rest;

    private LoopbackSmtpServer smtp;

    @BeforeAll
    static void start(ElasticsearchClient es) throws Exception {
        server = LoopbackHttpServer.start();
        rest = ElasticsearchEndpoint.of(ElasticsearchExtension.url().toString()).restClient();
        IndexTemplates.installAll(es);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        rest.close();
    }

    @BeforeEach
    void startSmtp() throws Exception {
        smtp = LoopbackSmtpServer.start();
    }

    @AfterEach
    void stopSmtp() throws Exception {
        smtp.close();
    }

    /**
     * Indexes four weeks and a half of history for {@code watch}: one Acme mention an hour, up to 6 hours ago, so the
     * usual level of any 3-hour window is 3 mentions.
     */
    private static void history(String watch) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        StringBuilder bulk = new StringBuilder();
        for (Instant h = now.minus(31, ChronoUnit.DAYS);
                h.isBefore(now.minus(6, ChronoUnit.HOURS));
                h = h.plus(1, ChronoUnit.HOURS)) {
            String id = watch + "-h" + h.getEpochSecond();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", id);
            doc.put("watch", watch);
            doc.put("source", Map.of("type", "feed", "name", "Daily", "url", "https://daily.example/rss"));
            doc.put("url", "https://daily.example/" + id);
            doc.put("title", "Acme news of the hour");
            doc.put("published_at", h.plus(20, ChronoUnit.MINUTES).toString());
            doc.put("fetched_at", h.plus(30, ChronoUnit.MINUTES).toString());
            doc.put("lang", "en");
            doc.put("brands", List.of("Acme"));
            doc.put("event", Map.of("id", "ev-" + id));
            bulk.append("{\"index\":{\"_index\":\"vigie-mentions\",\"_id\":\"")
                    .append(id)
                    .append("\"}}\n")
                    .append(JSON.writeValueAsString(doc))
                    .append('\n');
        }
        Request request = new Request("POST", "/_bulk");
        request.addParameter("refresh", "true");
        request.setJsonEntity(bulk.toString());
        JsonNode response =
                JSON.readTree(rest.performRequest(request).getEntity().getContent());
        assertThat(response.path("errors").asBoolean())
                .as("history bulk: %s", response)
                .isFalse();
    }

    /** A feed with {@link #BURST} fresh Acme mentions published in the last hour, from four outlets. */
    private static void serveBurst(String prefix) {
        DateTimeFormatter rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        Instant now = Instant.now();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < BURST; i++) {
            String link = server.url() + prefix + "/news/leak-" + i;
            items.append("<item><title>Acme customer data exposed on an open server, report ")
                    .append(i)
                    .append("</title><link>")
                    .append(link)
                    .append("</link><guid>")
                    .append(link)
                    .append("</guid>")
                    .append("<author>desk")
                    .append(i % 4)
                    .append("@news.example (Desk ")
                    .append(i % 4)
                    .append(")</author><pubDate>")
                    .append(rfc1123.format(now.minus(5 + 6L * i, ChronoUnit.MINUTES)))
                    .append("</pubDate><description>Acme confirmed that customer records were exposed. The Acme "
                            + "leak is spreading on social networks.</description></item>\n");
        }
        server.serve(prefix + "/news/rss.xml", "application/rss+xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <title>Tech Courier</title><link>%s/news</link><description>Tech news</description>
                %s</channel></rss>
                """.formatted(
                        server.url() + prefix, items));
    }

    private static String yaml(String id, String prefix, URI es, int smtpPort) {
        return """
                watch: %1$s
                language: en
                brand: { name: Acme }
                sources:
                  feeds: ["%2$s/news/rss.xml"]
                alerts:
                  - id: spike
                    spike: { min_mentions: 5, factor: 2, on: [volume] }
                    to: ["%5$s"]
                elasticsearch: { url: "%3$s" }
                mail: { smtp: "smtp://127.0.0.1:%4$d", from: "vigie@acme.example" }
                """.formatted(id, server.url() + prefix, es, smtpPort, CM);
    }

    private static Watch watch(String id, String prefix, int smtpPort) throws Exception {
        return new WatchLoader(Map.of()).parse(id + ".yaml", yaml(id, prefix, ElasticsearchExtension.url(), smtpPort));
    }

    private static RunSummary run(Watch watch, String prefix) throws Exception {
        return VigieRun.run(RunFixtures.options(watch, server, prefix, ElasticsearchExtension.url())
                .build());
    }

    private static AlertReport spikeReport(RunSummary summary) {
        return summary.alerts().stream()
                .filter(a -> a.rule().equals("spike"))
                .findFirst()
                .orElseThrow();
    }

    private List<LoopbackSmtpServer.Received> spikeAlerts() {
        return smtp.receivedFor(CM);
    }

    private static List<JsonNode> ledger(String watch) throws Exception {
        return RunJobIT.search("vigie-alerts", "watch", watch);
    }

    @Test
    void aRunThatBringsASpikeSendsOneAlertWithItsCausesAndTheNextRunDuringTheSpikeNone() throws Exception {
        String prefix = "/spike-once";
        String id = RunFixtures.uniqueId("acme-spike");
        history(id);
        serveBurst(prefix);
        Watch watch = watch(id, prefix, smtp.port());

        RunSummary first = run(watch, prefix);

        assertThat(first.fresh()).isEqualTo(BURST);
        assertThat(spikeReport(first).emailed()).isEqualTo(1);
        assertThat(spikeAlerts())
                .singleElement()
                .satisfies(m -> assertThat(m.data())
                        .contains("Subject: [Vigie] Spike in mentions of Acme: " + BURST + " in 3 h (usually 3)")
                        .contains("Acme customer data exposed on an open server")
                        .contains(server.url() + prefix + "/news/leak-0"));
        assertThat(ledger(id)).singleElement().satisfies(e -> {
            assertThat(e.path("status").asText()).isEqualTo("sent");
            assertThat(e.path("mention_id").asText()).startsWith("spike-volume-");
        });

        RunSummary second = run(watch, prefix);
        assertThat(second.fresh()).isZero();
        assertThat(spikeReport(second).emailed()).isZero();
        assertThat(spikeAlerts()).hasSize(1);
        assertThat(ledger(id)).hasSize(1);
    }

    @Test
    void withTheSmtpServerDownTheSpikeIsKeptAndTheNextRunSendsItOnce() throws Exception {
        String prefix = "/spike-smtp-down";
        String id = RunFixtures.uniqueId("acme-spike-down");
        history(id);
        serveBurst(prefix);

        RunSummary down = run(watch(id, prefix, closedPort()), prefix);
        assertThat(spikeReport(down).pending()).isEqualTo(1);
        assertThat(ledger(id))
                .singleElement()
                .satisfies(e -> assertThat(e.path("status").asText()).isEqualTo("pending"));

        Watch watch = watch(id, prefix, smtp.port());
        assertThat(spikeReport(run(watch, prefix)).emailed()).isEqualTo(1);
        assertThat(spikeReport(run(watch, prefix)).emailed()).isZero();
        assertThat(spikeAlerts()).hasSize(1);
        assertThat(ledger(id))
                .singleElement()
                .satisfies(e -> assertThat(e.path("status").asText()).isEqualTo("sent"));
    }

    @Test
    void aRunKilledBetweenTheMailServerAcceptingTheAlertAndTheLedgerRecordingItNeverSendsItTwice(@TempDir Path dir)
            throws Exception {
        String prefix = "/spike-kill-sent";
        String id = RunFixtures.uniqueId("acme-spike-kill");
        history(id);
        serveBurst(prefix);
        Path file = Files.writeString(
                dir.resolve(id + ".yaml"), yaml(id, prefix, ElasticsearchExtension.url(), smtp.port()));
        smtp.holdAcknowledgements();
        Process run = new ProcessBuilder(javaCommand(file, ElasticsearchExtension.url()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed-run.log").toFile())
                .start();
        try {
            assertThat(smtp.awaitMessages(1, 5, TimeUnit.MINUTES))
                    .as("the run sent the alert (log: %s)", dir.resolve("killed-run.log"))
                    .isTrue();
            assertThat(run.isAlive())
                    .as("the run waits for the acknowledgement")
                    .isTrue();
        } finally {
            run.destroyForcibly().waitFor();
            smtp.releaseAcknowledgements();
        }
        assertThat(ledger(id))
                .singleElement()
                .satisfies(e -> assertThat(e.path("status").asText()).isEqualTo("sending"));

        RunSummary rerun = run(new WatchLoader(Map.of()).load(file), prefix);

        // the killed run committed nothing: the rerun fetches the burst again, and indexes each mention once
        assertThat(RunJobIT.search("vigie-mentions", "watch", id, 2_000))
                .filteredOn(m -> m.path("url").asText().contains("/news/leak-"))
                .hasSize(BURST);
        assertThat(spikeReport(rerun).emailed()).isZero();
        assertThat(spikeReport(rerun).unknown()).isEqualTo(1);
        assertThat(spikeAlerts()).hasSize(1);
        assertThat(ledger(id))
                .singleElement()
                .satisfies(e -> assertThat(e.path("status").asText()).isEqualTo("sending"));
    }

    @Test
    void aRunKilledBeforeItsDocumentsAreInLosesNothingAndTheRerunSendsTheAlertOnce(@TempDir Path dir) throws Exception {
        String prefix = "/spike-kill-early";
        String id = RunFixtures.uniqueId("acme-spike-early");
        history(id);
        serveBurst(prefix);
        Path file = Files.writeString(
                dir.resolve(id + ".yaml"), yaml(id, prefix, ElasticsearchExtension.url(), smtp.port()));
        try (LoopbackProxy proxy = LoopbackProxy.start(ElasticsearchExtension.url())) {
            proxy.holdRequestsAfter("POST /_bulk", 0);
            Process run = new ProcessBuilder(javaCommand(file, proxy.url()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("killed-run.log").toFile())
                    .start();
            try {
                assertThat(proxy.awaitHolding(Duration.ofMinutes(5)))
                        .as("the run sent its documents (log: %s)", dir.resolve("killed-run.log"))
                        .isTrue();
                assertThat(run.isAlive()).isTrue();
            } finally {
                run.destroyForcibly().waitFor();
            }
        }
        assertThat(smtp.received()).as("no alert before the documents are in").isEmpty();

        RunSummary rerun = run(new WatchLoader(Map.of()).load(file), prefix);

        assertThat(rerun.fresh()).isEqualTo(BURST);
        assertThat(spikeReport(rerun).emailed()).isEqualTo(1);
        assertThat(spikeAlerts()).hasSize(1);
        assertThat(spikeReport(run(new WatchLoader(Map.of()).load(file), prefix))
                        .emailed())
                .isZero();
        assertThat(spikeAlerts()).hasSize(1);
    }

    /** {@code vigie run} in a JVM of its own (alerts on), which the test can kill. */
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

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
