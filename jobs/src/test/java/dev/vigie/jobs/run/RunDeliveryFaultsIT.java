package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.Vigie;
import dev.vigie.jobs.run.internal.ElasticsearchCalls;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.testing.LoopbackProxy;
import dev.vigie.jobs.testing.LoopbackSmtpServer;
import dev.vigie.jobs.watch.Watch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix of issue 12, each fault injected into whole runs against a real Elasticsearch node and a loopback
 * SMTP server: overlapping runs, an index write-blocked for longer than the run's patience and for less, Elasticsearch
 * away between the mail server accepting a digest and the ledger recording it, and beyond the patience. Each test
 * ends with what a user would count: the documents of the watch equal those of a fault-free run, and the alert
 * recipient got the digest exactly once.
 */
@ExtendWith(ElasticsearchExtension.class)
class RunDeliveryFaultsIT {

    private static final String CM = "cm@acme.example";
    private static LoopbackHttpServer server;
    private static RestClient rest;
    /** Titles and urls (without the test's prefix) of the mentions a fault-free run indexes. */
    private static Set<String> faultFree;
    /** What the fault-free run counted: new items, and distinct documents indexed. */
    private static long faultFreeNew;

    private static long faultFreeIndexed;

    private LoopbackSmtpServer smtp;

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackHttpServer.start();
        rest = ElasticsearchEndpoint.of(ElasticsearchExtension.url().toString()).restClient();
        String prefix = "/faultfree";
        RunFixtures.serve(server, prefix);
        String id = RunFixtures.uniqueId("acme-faultfree");
        try (LoopbackSmtpServer mail = LoopbackSmtpServer.start()) {
            RunSummary summary = VigieRun.run(RunFixtures.options(
                            RunFixtures.watch(id, server, prefix, ElasticsearchExtension.url(), mail.port()),
                            server,
                            prefix,
                            ElasticsearchExtension.url())
                    .build());
            assertThat(summary.indexed()).isPositive();
            faultFreeNew = summary.fresh();
            faultFreeIndexed = summary.indexed();
            assertThat(mail.receivedFor(CM)).hasSize(1);
        }
        faultFree = documents(id, prefix);
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

    /** The mentions of a watch as a user compares them: title and url, the test's prefix taken out. */
    private static Set<String> documents(String watch, String prefix) throws Exception {
        Set<String> documents = new TreeSet<>();
        for (JsonNode m : RunJobIT.search("vigie-mentions", "watch", watch)) {
            documents.add(m.path("title").asText() + " | "
                    + m.path("url").asText().replace(prefix, "/PREFIX").replaceAll("\\d{4,}", "N"));
        }
        return documents;
    }

    private void assertSameAsFaultFree(String watch, String prefix) throws Exception {
        assertThat(documents(watch, prefix)).isEqualTo(faultFree);
        assertThat(RunJobIT.search("vigie-mentions", "watch", watch)).hasSize(faultFree.size());
        assertThat(smtp.receivedFor(CM)).as("digests received by " + CM).hasSize(1);
        assertThat(RunJobIT.search("vigie-alerts", "watch", watch))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("sent"));
    }

    private Watch watch(String id, String prefix, URI elasticsearch) throws Exception {
        RunFixtures.serve(server, prefix);
        return RunFixtures.watch(id, server, prefix, elasticsearch, smtp.port());
    }

    private static RunOptions.Builder options(Watch watch, String prefix, URI elasticsearch) {
        return RunFixtures.options(watch, server, prefix, elasticsearch);
    }

    private static CompletableFuture<RunSummary> async(RunOptions options) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return VigieRun.run(options);
            } catch (RunFailedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Progress lines, and a latch that opens on the first line containing {@code text}. */
    private record Lines(List<String> lines, CountDownLatch seen, Consumer<String> consumer) {
        static Lines waitingFor(String text) {
            List<String> lines = new CopyOnWriteArrayList<>();
            CountDownLatch seen = new CountDownLatch(1);
            return new Lines(lines, seen, line -> {
                lines.add(line);
                if (line.contains(text)) {
                    seen.countDown();
                }
            });
        }
    }

    @Test
    void aSecondRunOfAWatchBeingRunExitsWithCode4OrQueuesWithWait(@TempDir Path dir) throws Exception {
        String prefix = "/overlap";
        String id = RunFixtures.uniqueId("acme-overlap");
        Watch watch = watch(id, prefix, ElasticsearchExtension.url());
        ElasticsearchCalls calls = new ElasticsearchCalls(
                ElasticsearchEndpoint.of(ElasticsearchExtension.url().toString()), Duration.ofSeconds(30), null);
        WatchLeases other = WatchLeases.acquire(
                rest,
                calls,
                List.of(id),
                "cron-run-1",
                Duration.ofMinutes(2),
                Optional.empty(),
                Clock.systemUTC(),
                null);
        try {
            assertThatThrownBy(() -> VigieRun.run(
                            options(watch, prefix, ElasticsearchExtension.url()).build()))
                    .isInstanceOf(WatchBusyException.class)
                    .hasMessageContaining("Watch " + id + " is being run by run cron-run-1")
                    .hasMessageContaining("--wait");

            Path file = Files.writeString(
                    dir.resolve(id + ".yaml"),
                    RunFixtures.yaml(id, server, prefix, ElasticsearchExtension.url(), smtp.port()));
            StringWriter err = new StringWriter();
            int code = Vigie.commandLine()
                    .setErr(new PrintWriter(err))
                    .setOut(new PrintWriter(new StringWriter()))
                    .execute("run", "--watch", file.toString(), "--allow-private-addresses", "--corenlp", "NEVER");
            assertThat(code).isEqualTo(ExitCodes.BUSY).isEqualTo(4);
            assertThat(err.toString()).contains("cron-run-1");

            Lines progress = Lines.waitingFor("waiting");
            CompletableFuture<RunSummary> queued = async(options(watch, prefix, ElasticsearchExtension.url())
                    .leaseWait(Duration.ofMinutes(5))
                    .progress(progress.consumer())
                    .build());
            assertThat(progress.seen().await(2, TimeUnit.MINUTES))
                    .as("the queued run says it waits")
                    .isTrue();
            assertThat(queued).isNotDone();
            assertThat(progress.lines()).anyMatch(l -> l.contains("cron-run-1"));
            other.close();
            assertThat(queued.get(5, TimeUnit.MINUTES).alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.emailed()).isEqualTo(4));
        } finally {
            other.close();
        }
        assertThat(smtp.received()).hasSize(1);
        assertThat(RunJobIT.search("vigie-runs", "watch", id).stream()
                        .map(r -> r.path("run_id").asText())
                        .distinct())
                .as("only the queued run recorded anything")
                .hasSize(1);
        assertSameAsFaultFree(id, prefix);
    }

    @Test
    void twoRunsOfOneWatchStartedTogetherIndexOnceAndSendEachDigestOnce() throws Exception {
        String prefix = "/together";
        String id = RunFixtures.uniqueId("acme-together");
        Watch watch = watch(id, prefix, ElasticsearchExtension.url());

        CompletableFuture<RunSummary> a = async(options(watch, prefix, ElasticsearchExtension.url())
                .leaseWait(Duration.ofMinutes(5))
                .build());
        CompletableFuture<RunSummary> b = async(options(watch, prefix, ElasticsearchExtension.url())
                .leaseWait(Duration.ofMinutes(5))
                .build());
        RunSummary first = a.get(10, TimeUnit.MINUTES);
        RunSummary second = b.get(10, TimeUnit.MINUTES);

        assertThat(first.fresh() + second.fresh()).isEqualTo(faultFreeNew);
        assertThat(first.alerts().get(0).emailed() + second.alerts().get(0).emailed())
                .isEqualTo(4);
        assertSameAsFaultFree(id, prefix);
    }

    @Test
    void anIndexWriteBlockedLongerThanThePatienceFailsTheRunWithoutCommittingAndTheRerunIndexesEverything()
            throws Exception {
        String prefix = "/blocked";
        String id = RunFixtures.uniqueId("acme-blocked");
        Watch watch = watch(id, prefix, ElasticsearchExtension.url());
        RunFailedException failure;
        blockWrites(true);
        try {
            failure = org.junit.jupiter.api.Assertions.assertThrows(
                    RunFailedException.class,
                    () -> VigieRun.run(options(watch, prefix, ElasticsearchExtension.url())
                            .sinkMaxRetryDuration(Duration.ofSeconds(3))
                            .runId("blocked-" + id)
                            .build()));
        } finally {
            blockWrites(false);
        }
        assertThat(failure.getMessage())
                .contains("vigie-mentions")
                .contains("cluster_block_exception")
                .contains("next run fetches these documents again");
        assertThat(RunRecords.count(rest, "vigie-state", "watch", id))
                .as("no state committed")
                .isZero();
        assertThat(RunRecords.count(rest, "vigie-errors", "run_id", "blocked-" + id))
                .as("nothing recorded as refused")
                .isZero();
        assertThat(smtp.received()).as("no alert before the documents are in").isEmpty();

        RunSummary rerun = VigieRun.run(
                options(watch, prefix, ElasticsearchExtension.url()).build());
        assertThat(rerun.refused()).isZero();
        assertThat(rerun.indexed()).isEqualTo(faultFreeIndexed);
        assertSameAsFaultFree(id, prefix);
    }

    @Test
    void anIndexWriteBlockedForLessThanThePatienceLosesNothing() throws Exception {
        String prefix = "/blipped";
        String id = RunFixtures.uniqueId("acme-blipped");
        Watch watch = watch(id, prefix, ElasticsearchExtension.url());
        blockWrites(true);
        CompletableFuture<RunSummary> run;
        RunSummary summary;
        try (LoopbackProxy proxy = LoopbackProxy.start(ElasticsearchExtension.url())) {
            proxy.countRequests("POST /_bulk");
            try {
                run = async(options(watch, prefix, proxy.url())
                        .sinkMaxRetryDuration(Duration.ofMinutes(3))
                        .build());
                // the order of events matters, not their duration: the run meets the block (its bulk request is
                // refused and sent again), then it is lifted
                assertThat(proxy.awaitRequests(2, Duration.ofMinutes(3)))
                        .as("the bulk request was sent again")
                        .isTrue();
                assertThat(run).isNotDone();
            } finally {
                blockWrites(false);
            }
            summary = run.get(5, TimeUnit.MINUTES);
        }
        assertThat(summary.refused()).isZero();
        assertSameAsFaultFree(id, prefix);
    }

    private static void blockWrites(boolean blocked) throws Exception {
        try {
            rest.performRequest(new Request("PUT", "/vigie-mentions"));
        } catch (ResponseException e) {
            // already there
        }
        Request block = new Request("PUT", "/vigie-mentions/_settings");
        block.setJsonEntity("{\"index.blocks.write\":" + blocked + "}");
        rest.performRequest(block);
    }

    @Test
    void elasticsearchAwayBetweenTheMailServerAcceptingAndTheLedgerRecordingSendsTheDigestOnce() throws Exception {
        String prefix = "/es-away";
        String id = RunFixtures.uniqueId("acme-es-away");
        try (LoopbackProxy proxy = LoopbackProxy.start(ElasticsearchExtension.url())) {
            Watch watch = watch(id, prefix, proxy.url());
            Lines progress = Lines.waitingFor("retrying");
            smtp.holdAcknowledgements();
            CompletableFuture<RunSummary> run = async(options(watch, prefix, proxy.url())
                    .sinkMaxRetryDuration(Duration.ofMinutes(3))
                    .progress(progress.consumer())
                    .build());

            assertThat(smtp.awaitMessages(1, 5, TimeUnit.MINUTES)).isTrue();
            proxy.cut();
            smtp.releaseAcknowledgements();
            assertThat(progress.seen().await(2, TimeUnit.MINUTES))
                    .as("the run says it retries")
                    .isTrue();
            assertThat(progress.lines())
                    .anyMatch(l -> l.contains("Elasticsearch at " + proxy.url()) && l.contains("as sent"));
            proxy.restore();

            RunSummary summary = run.get(5, TimeUnit.MINUTES);
            assertThat(summary.alerts())
                    .singleElement()
                    .satisfies(a -> assertThat(a.emailed()).isEqualTo(4));
            RunSummary rerun = VigieRun.run(options(watch, prefix, proxy.url()).build());
            assertThat(rerun.alerts()).singleElement().satisfies(a -> {
                assertThat(a.emailed()).isZero();
                assertThat(a.unknown()).isZero();
            });
        }
        assertSameAsFaultFree(id, prefix);
    }

    @Test
    void elasticsearchAwayLongerThanThePatienceAfterTheMailWasSentNamesTheStepAndNeverSendsTwice() throws Exception {
        String prefix = "/es-gone";
        String id = RunFixtures.uniqueId("acme-es-gone");
        try (LoopbackProxy proxy = LoopbackProxy.start(ElasticsearchExtension.url())) {
            Watch watch = watch(id, prefix, proxy.url());
            smtp.holdAcknowledgements();
            CompletableFuture<RunSummary> run = async(options(watch, prefix, proxy.url())
                    .sinkMaxRetryDuration(Duration.ofSeconds(3))
                    .leaseTtl(Duration.ofSeconds(5))
                    .build());
            assertThat(smtp.awaitMessages(1, 5, TimeUnit.MINUTES)).isTrue();
            proxy.cut();
            smtp.releaseAcknowledgements();

            assertThat(run).failsWithin(5, TimeUnit.MINUTES);
            Throwable failure = run.handle((s, e) -> e.getCause().getCause()).get();
            assertThat(failure).isInstanceOf(RunFailedException.class);
            assertThat(failure.getMessage())
                    .contains("Elasticsearch at " + proxy.url())
                    .contains("marking digest vigie-digest-")
                    .contains("as sent");

            proxy.restore();
            RunSummary rerun = VigieRun.run(options(watch, prefix, proxy.url())
                    .leaseWait(Duration.ofMinutes(2))
                    .build());
            assertThat(rerun.alerts()).singleElement().satisfies(a -> {
                assertThat(a.emailed()).isZero();
                assertThat(a.unknown()).isEqualTo(4);
            });
            StringWriter printed = new StringWriter();
            rerun.print(new PrintWriter(printed));
            assertThat(printed.toString()).contains("WARNING: 4 alert hits were sent without acknowledgement");
        }
        assertThat(documents(id, prefix)).isEqualTo(faultFree);
        assertThat(smtp.receivedFor(CM)).hasSize(1);
        assertThat(RunJobIT.search("vigie-alerts", "watch", id))
                .hasSize(4)
                .allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("sending"));
    }

    @Test
    void anOutboxThatCannotBeWrittenIsNamedInTheSummaryWhichNeverSaysWrittenTo(@TempDir Path dir) throws Exception {
        String prefix = "/outbox";
        String id = RunFixtures.uniqueId("acme-outbox");
        RunFixtures.serve(server, prefix);
        Path outbox = Files.writeString(dir.resolve("outbox"), "a file where the outbox folder should be");
        String yaml = RunFixtures.yaml(id, server, prefix, ElasticsearchExtension.url(), 25)
                .replaceAll("mail: \\{[^}]*}", "mail: { outbox: \"" + outbox + "\", from: \"vigie@acme.example\" }");
        Watch watch = new dev.vigie.jobs.watch.WatchLoader(java.util.Map.of()).parse(id + ".yaml", yaml);

        RunSummary summary = VigieRun.run(
                options(watch, prefix, ElasticsearchExtension.url()).build());

        StringWriter printed = new StringWriter();
        summary.print(new PrintWriter(printed));
        assertThat(summary.alerts()).singleElement().satisfies(a -> {
            assertThat(a.pending()).isEqualTo(4);
            assertThat(a.pendingReason()).isEqualTo("outbox read-only");
        });
        assertThat(printed.toString()).contains("pending: outbox read-only").doesNotContain("written to");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("outbox");
        }
    }
}
