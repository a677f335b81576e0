package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.testing.GeneratedFeeds;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.testing.LoopbackProxy;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Faults: a failing source, SMTP down, Elasticsearch away, and a run killed in the middle. */
@ExtendWith(ElasticsearchExtension.class)
class RunFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LoopbackHttpServer server;
    private static RestClient rest;

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackHttpServer.start();
        rest = ElasticsearchEndpoint.of(ElasticsearchExtension.url().toString()).restClient();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        rest.close();
    }

    @Test
    void oneFailingSourceDoesNotStopTheOthersAndIsFetchedAgainNextRun() throws Exception {
        String prefix = "/failing";
        RunFixtures.serve(server, prefix);
        server.fail(prefix + "/globex/atom.xml", 500);
        server.serve(prefix + "/broken/rss.xml", "text/html", "<!doctype html><html><body><p>Moved</p></body></html>");
        String id = RunFixtures.uniqueId("acme-failing");
        Watch watch = watch(id, prefix, """
                sources:
                  feeds: ["%1$s/news/rss.xml", "%1$s/broken/rss.xml", "%1$s/missing/rss.xml"]
                competitors:
                  - name: Globex
                    feeds: ["%1$s/globex/atom.xml"]
                """, closedPort());

        RunSummary first = VigieRun.run(RunFixtures.options(watch, server, prefix, ElasticsearchExtension.url())
                .dispatchAlerts(false)
                .build());

        assertThat(first.failedSources()).isEqualTo(3);
        assertThat(first.source(id, "feed", "Globex").reason()).contains("500");
        assertThat(first.sources())
                .filteredOn(s -> s.ref().url().endsWith("/missing/rss.xml"))
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("404"));
        assertThat(first.sources())
                .filteredOn(s -> s.ref().url().endsWith("/news/rss.xml"))
                .singleElement()
                .satisfies(s -> assertThat(s.fresh()).isEqualTo(3));
        assertThat(RunJobIT.search("vigie-mentions", "watch", id)).hasSize(3);
        assertThat(RunJobIT.search("vigie-runs", "run_id", first.runId()))
                .filteredOn(r -> r.path("status").asText().equals("failed"))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.path("errors").asText()).isNotBlank());

        RunFixtures.serve(server, prefix);
        RunSummary second = VigieRun.run(RunFixtures.options(watch, server, prefix, ElasticsearchExtension.url())
                .dispatchAlerts(false)
                .build());

        assertThat(second.source(id, "feed", "Globex").fresh()).isEqualTo(2);
        assertThat(RunJobIT.search("vigie-mentions", "watch", id)).hasSize(5);
    }

    @Test
    void smtpDownLosesNoAlertAndSendsNoneTwice() throws Exception {
        String prefix = "/smtp";
        RunFixtures.serve(server, prefix);
        int smtpPort = closedPort();
        String id = RunFixtures.uniqueId("acme-smtp");
        Watch watch = RunFixtures.watch(id, server, prefix, ElasticsearchExtension.url(), smtpPort);

        RunSummary down = VigieRun.run(RunFixtures.options(watch, server, prefix, ElasticsearchExtension.url())
                .build());

        assertThat(down.alerts()).singleElement().satisfies(a -> {
            assertThat(a.hits()).isEqualTo(4);
            assertThat(a.emailed()).isZero();
            assertThat(a.pending()).isEqualTo(4);
        });
        assertThat(RunJobIT.search("vigie-alerts", "watch", id))
                .hasSize(4)
                .allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("pending"));

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            RunSummary back = VigieRun.run(RunFixtures.options(watch, server, prefix, ElasticsearchExtension.url())
                    .build());
            RunSummary again = VigieRun.run(RunFixtures.options(watch, server, prefix, ElasticsearchExtension.url())
                    .build());

            assertThat(back.fresh()).isZero();
            assertThat(back.alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.emailed()).isEqualTo(4));
            assertThat(again.alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.emailed()).isZero());
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(RunJobIT.search("vigie-alerts", "watch", id))
                    .hasSize(4)
                    .allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("sent"));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void waitsForElasticsearchUnavailableWhenTheRunStartsAndLosesNothing() throws Exception {
        String prefix = "/esdown";
        String id = RunFixtures.uniqueId("acme-esdown");
        RunFixtures.serve(server, prefix);
        try (LoopbackProxy proxy = LoopbackProxy.start(ElasticsearchExtension.url())) {
            Watch watch = RunFixtures.watch(id, server, prefix, proxy.url(), closedPort());
            proxy.cut();
            java.util.concurrent.CountDownLatch told = new java.util.concurrent.CountDownLatch(1);
            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return VigieRun.run(RunFixtures.options(watch, server, prefix, proxy.url())
                            .dispatchAlerts(false)
                            .progress(line -> {
                                lines.add(line);
                                if (line.contains("waiting for Elasticsearch at " + proxy.url())) {
                                    told.countDown();
                                }
                            })
                            .build());
                } catch (RunFailedException e) {
                    throw new IllegalStateException(e);
                }
            });
            // the terminal is not silent while the run waits: it names Elasticsearch and why it waits
            assertThat(told.await(1, TimeUnit.MINUTES))
                    .as("progress lines: %s", lines)
                    .isTrue();
            assertThat(run).isNotDone();
            proxy.restore();
            RunSummary summary = run.get(180, TimeUnit.SECONDS);
            assertThat(summary.fresh()).isEqualTo(6);
        }
        assertThat(RunJobIT.search("vigie-mentions", "watch", id)).hasSize(6);
    }

    @Test
    void killingTheRunInTheMiddleAndRunningAgainGivesTheSameIndex(@TempDir Path dir) throws Exception {
        String prefix = "/kill";
        // 3,000 mentions: three bulk requests of 1,000. The run reaches Elasticsearch through a proxy that lets the
        // first bulk request through and holds the next ones, so the run cannot finish: the kill lands after the
        // first documents are indexed and before the last ones are, whatever the machine's speed
        int feeds = 20;
        int items = 150;
        StringBuilder list = new StringBuilder();
        for (int f = 0; f < feeds; f++) {
            server.serve(
                    prefix + "/feed-" + f + ".xml",
                    "application/rss+xml",
                    GeneratedFeeds.rss(server.url() + prefix, "feed-" + f, items, f));
            list.append(f == 0 ? "" : ", ")
                    .append('"')
                    .append(server.url())
                    .append(prefix)
                    .append("/feed-")
                    .append(f)
                    .append(".xml\"");
        }
        String id = RunFixtures.uniqueId("acme-kill");
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, """
                watch: %s
                brand: { name: Acme, aliases: ["Acme Corp"] }
                competitors: [{ name: Globex }]
                sources:
                  feeds: [%s]
                """.formatted(id, list));
        URI es = ElasticsearchExtension.url();

        long partial;
        try (LoopbackProxy proxy = LoopbackProxy.start(es)) {
            proxy.holdRequestsAfter("POST /_bulk", 1);
            Process run = new ProcessBuilder(javaCommand(file, proxy.url()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("killed-run.log").toFile())
                    .start();
            try {
                assertThat(proxy.awaitHolding(Duration.ofMinutes(5)))
                        .as("the run sent a second bulk request (log: %s)", dir.resolve("killed-run.log"))
                        .isTrue();
                // the first bulk request was answered, or is being: its documents become visible
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (count(id) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(run.isAlive())
                        .as(
                                "the run waits for its held bulk request (log: %s)",
                                Files.readString(dir.resolve("killed-run.log")))
                        .isTrue();
            } finally {
                run.destroyForcibly().waitFor();
            }
            partial = count(id);
        }

        Watch watch = new WatchLoader(Map.of()).load(file);
        // the killed run could not release its lease on the watch; its process is gone, on this host: the rerun
        // takes the lease at once, without waiting for it to expire and without --wait
        RunSummary rerun = VigieRun.run(RunFixtures.options(watch, server, prefix, es)
                .dispatchAlerts(false)
                .build());

        assertThat(partial).isPositive().isLessThan((long) feeds * items);
        assertThat(rerun.fresh()).isEqualTo(feeds * items);
        List<JsonNode> mentions = RunJobIT.search("vigie-mentions", "watch", id, feeds * items + 100);
        assertThat(mentions).hasSize(feeds * items);
        Set<String> urls = new HashSet<>();
        mentions.forEach(m -> urls.add(m.path("url").asText()));
        assertThat(urls).hasSize(feeds * items);

        RunSummary third = VigieRun.run(RunFixtures.options(watch, server, prefix, es)
                .dispatchAlerts(false)
                .build());
        assertThat(third.fresh()).isZero();
        assertThat(count(id)).isEqualTo((long) feeds * items);
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
                "--no-alerts",
                "--parallelism",
                "2"));
        return command;
    }

    private static long count(String watch) throws Exception {
        Request refresh = new Request("POST", "/vigie-mentions/_refresh");
        refresh.addParameter("ignore_unavailable", "true");
        rest.performRequest(refresh);
        Request request = new Request("POST", "/vigie-mentions/_count");
        request.addParameter("ignore_unavailable", "true");
        request.setJsonEntity("{\"query\":{\"term\":{\"watch\":\"" + watch + "\"}}}");
        return JSON.readTree(rest.performRequest(request).getEntity().getContent())
                .path("count")
                .asLong();
    }

    private static Watch watch(String id, String prefix, String sources, int smtpPort) throws Exception {
        String base = server.url() + prefix;
        String yaml = """
                watch: %1$s
                brand: { name: Acme, aliases: ["Acme Corp"] }
                %2$s
                elasticsearch: { url: "%3$s" }
                mail: { smtp: "smtp://127.0.0.1:%4$d", from: "vigie@acme.example" }
                """.formatted(id, sources.formatted(base), ElasticsearchExtension.url(), smtpPort);
        return new WatchLoader(Map.of()).parse(id + ".yaml", yaml);
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
