package dev.vigie.jobs.mail;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.mail.internal.DigestItem;
import dev.vigie.jobs.mail.internal.Ledger;
import dev.vigie.jobs.testing.LoopbackSmtpServer;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Brand;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.MailSettings;
import dev.vigie.jobs.watch.Secret;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.Watch;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery faults against a real Elasticsearch ledger and a loopback SMTP server that misbehaves on demand. Each test
 * ends by counting what every recipient received: each digest exactly once, none lost.
 */
@ExtendWith(ElasticsearchExtension.class)
class AlertDeliveryFaultsIT {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String CM = "cm@acme.example";
    private static final String BOSS = "boss@acme.example";
    private static final String NEWCOMER = "new@acme.example";

    private LoopbackSmtpServer smtp;

    @BeforeEach
    void startSmtp() throws IOException {
        smtp = LoopbackSmtpServer.start();
    }

    @AfterEach
    void stopSmtp() throws IOException {
        smtp.close();
    }

    private MailSettings loopback() {
        return MailSettings.smtp(URI.create("smtp://127.0.0.1:" + smtp.port()), "", Secret.NONE, "vigie@acme.example");
    }

    private static Watch watch(String id, MailSettings mail, List<String> to) {
        return Watch.builder(id, new Brand("Acme", List.of()))
                .language(Language.EN)
                .timezone(ZoneId.of("Europe/Paris"))
                .mail(mail)
                .alert(new AlertRuleSpec(
                        "crisis", "acme AND outage", List.of(), SentimentFilter.ANY, to, Frequency.RUN))
                .build();
    }

    private static List<AlertHit> hits(String watch, String... mentions) {
        return java.util.Arrays.stream(mentions)
                .map(m -> new AlertHit(
                        watch,
                        "crisis",
                        m,
                        "Acme outage " + m,
                        "https://news.example/" + m,
                        "News Example",
                        Instant.parse("2026-11-24T08:00:00Z"),
                        "en",
                        "negative",
                        "Acme outage reported by users.",
                        List.of("acme", "outage"),
                        1))
                .toList();
    }

    /** A dispatcher whose SMTP time-out is one second: a server holding its answer longer times it out. */
    private static AlertDispatcher dispatcher(ElasticsearchClient es) {
        return new AlertDispatcher(
                es,
                settings -> Mailer.create(settings, 1_000),
                Ledger.Calls.DIRECT,
                AlertDispatcher.DEFAULT_UNKNOWN_OUTCOME_GRACE);
    }

    @SuppressWarnings("rawtypes")
    private static List<Map> ledger(ElasticsearchClient es, String watch) throws IOException {
        es.indices().refresh(r -> r.index("vigie-alerts"));
        SearchResponse<Map> r = es.search(
                s -> s.index("vigie-alerts")
                        .size(100)
                        .query(q -> q.term(t -> t.field("watch").value(watch))),
                Map.class);
        return r.hits().hits().stream().map(Hit::source).toList();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aServerAcknowledgingAfterTheTimeOutGetsEachDigestOnceAndTheResendCarriesTheSameMessageId(
            ElasticsearchClient es) throws Exception {
        String id = unique("faults-slow-smtp");
        Watch watch = watch(id, loopback(), List.of(CM));
        smtp.holdAcknowledgements();

        AlertDispatcher.Result slow = dispatcher(es).dispatch(watch, hits(id, "s1", "s2"), NOW);
        smtp.releaseAcknowledgements(); // the server accepted it all along, and says so too late

        assertThat(slow.rule("crisis").orElseThrow()).satisfies(r -> {
            assertThat(r.emailed()).isZero();
            assertThat(r.unknown()).isEqualTo(2);
            assertThat(r.pending()).isZero();
        });
        assertThat(slow.deliveryError()).get().asString().contains("no acknowledgement");
        assertThat(ledger(es, id)).hasSize(2).allSatisfy(doc -> {
            assertThat(doc.get("status")).isEqualTo("sending");
            assertThat(doc.get("digest_id").toString()).startsWith("vigie-digest-");
        });

        // the next runs, within the grace: nothing is sent again, the unknown hits are still reported
        AlertDispatcher.Result next = dispatcher(es).dispatch(watch, hits(id, "s1", "s2"), NOW.plusSeconds(600));
        assertThat(next.rule("crisis").orElseThrow().unknown()).isEqualTo(2);
        assertThat(next.emailed()).isZero();
        assertThat(smtp.receivedFor(CM)).hasSize(1);
        String messageId = smtp.receivedFor(CM).get(0).messageId();
        assertThat(messageId).startsWith("<vigie-digest-").endsWith("@acme.example>");

        // a day later, the same digest goes once more, recognisable by its Message-ID, and the hits are sent
        AlertDispatcher.Result dayLater = dispatcher(es).dispatch(watch, List.of(), NOW.plus(Duration.ofHours(25)));
        assertThat(dayLater.emailed()).isEqualTo(2);
        assertThat(smtp.receivedFor(CM))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.messageId()).isEqualTo(messageId));
        assertThat(ledger(es, id))
                .allSatisfy(doc -> assertThat(doc.get("status")).isEqualTo("sent"));
        dispatcher(es).dispatch(watch, hits(id, "s1", "s2"), NOW.plus(Duration.ofHours(26)));
        assertThat(smtp.received()).hasSize(2);
    }

    @Test
    void aServerRefusingTheMessageKeepsTheHitsPendingAndSaysWhy(ElasticsearchClient es) throws Exception {
        String id = unique("faults-refused");
        Watch watch = watch(id, loopback(), List.of(CM));
        smtp.refuseData(554);

        AlertDispatcher.Result refused = dispatcher(es).dispatch(watch, hits(id, "r1"), NOW);
        assertThat(refused.rule("crisis").orElseThrow()).satisfies(r -> {
            assertThat(r.pending()).isEqualTo(1);
            assertThat(r.unknown()).isZero();
            assertThat(r.pendingReason()).isEqualTo("SMTP server refused");
        });
        assertThat(ledger(es, id)).singleElement().satisfies(doc -> {
            assertThat(doc.get("status")).isEqualTo("pending");
            assertThat(doc.get("last_error").toString()).contains("554");
        });

        smtp.refuseData(0);
        dispatcher(es).dispatch(watch, List.of(), NOW.plusSeconds(600));
        dispatcher(es).dispatch(watch, hits(id, "r1"), NOW.plusSeconds(1200));
        assertThat(smtp.receivedFor(CM)).hasSize(1);
    }

    @Test
    void twoDispatchesOfOneWatchAtOnceSendEachDigestOnce(ElasticsearchClient es) throws Exception {
        String id = unique("faults-overlap");
        Watch watch = watch(id, loopback(), List.of(CM, BOSS));
        List<AlertHit> hits = hits(id, "o1", "o2", "o3");
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<AlertDispatcher.Result> a =
                CompletableFuture.supplyAsync(() -> dispatchAfter(go, es, watch, hits));
        CompletableFuture<AlertDispatcher.Result> b =
                CompletableFuture.supplyAsync(() -> dispatchAfter(go, es, watch, hits));
        go.countDown();
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);
        // whatever the interleaving, a later dispatch finishes what the two left pending
        dispatcher(es).dispatch(watch, hits, NOW.plusSeconds(600));

        assertThat(smtp.receivedFor(CM)).hasSize(1);
        assertThat(smtp.receivedFor(BOSS)).hasSize(1);
        assertThat(ledger(es, id))
                .hasSize(6)
                .allSatisfy(doc -> assertThat(doc.get("status")).isEqualTo("sent"));
    }

    private AlertDispatcher.Result dispatchAfter(
            CountDownLatch go, ElasticsearchClient es, Watch watch, List<AlertHit> hits) {
        try {
            go.await();
            return dispatcher(es).dispatch(watch, hits, NOW);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void pendingHitsGoToTheNewRecipientsWhenTheRuleChanges(ElasticsearchClient es) throws Exception {
        String id = unique("faults-recipients");
        smtp.refuseData(451);
        dispatcher(es).dispatch(watch(id, loopback(), List.of(CM, BOSS)), hits(id, "c1", "c2"), NOW);
        assertThat(ledger(es, id))
                .hasSize(4)
                .allSatisfy(doc -> assertThat(doc.get("status")).isEqualTo("pending"));

        smtp.refuseData(0);
        Watch changed = watch(id, loopback(), List.of(CM, NEWCOMER));
        AlertDispatcher.Result result = dispatcher(es).dispatch(changed, List.of(), NOW.plusSeconds(600));

        assertThat(result.rule("crisis").orElseThrow()).satisfies(r -> {
            assertThat(r.dropped()).isEqualTo(2);
            assertThat(r.retargeted()).isEqualTo(2);
            assertThat(r.emailed()).isEqualTo(4);
            assertThat(r.pending()).isZero();
        });
        assertThat(smtp.receivedFor(CM)).hasSize(1);
        assertThat(smtp.receivedFor(NEWCOMER)).hasSize(1);
        assertThat(smtp.receivedFor(NEWCOMER).get(0).data())
                .contains("Acme outage c1")
                .contains("Acme outage c2");
        assertThat(smtp.receivedFor(BOSS)).isEmpty();
        assertThat(ledger(es, id))
                .filteredOn(doc -> doc.get("status").equals("dropped"))
                .hasSize(2)
                .allSatisfy(doc -> {
                    assertThat(doc.get("recipients")).isEqualTo(List.of(BOSS));
                    assertThat(doc.get("status_reason").toString()).contains("re-targeted to " + CM + ", " + NEWCOMER);
                });

        dispatcher(es).dispatch(changed, hits(id, "c1", "c2"), NOW.plusSeconds(1200));
        assertThat(smtp.received()).hasSize(2);
    }

    @Test
    void pendingHitsOfARemovedRuleAreReportedDropped(ElasticsearchClient es) throws Exception {
        String id = unique("faults-rule-removed");
        smtp.refuseData(451);
        dispatcher(es).dispatch(watch(id, loopback(), List.of(CM)), hits(id, "x1"), NOW);

        smtp.refuseData(0);
        Watch withoutRule = Watch.builder(id, new Brand("Acme", List.of()))
                .language(Language.EN)
                .mail(loopback())
                .alert(new AlertRuleSpec(
                        "pricing", "globex AND price", List.of(), SentimentFilter.ANY, List.of(CM), Frequency.RUN))
                .build();
        AlertDispatcher.Result result = dispatcher(es).dispatch(withoutRule, List.of(), NOW.plusSeconds(600));

        assertThat(result.rule("crisis"))
                .get()
                .satisfies(r -> assertThat(r.dropped()).isEqualTo(1));
        assertThat(ledger(es, id)).singleElement().satisfies(doc -> {
            assertThat(doc.get("status")).isEqualTo("dropped");
            assertThat(doc.get("status_reason")).isEqualTo("rule removed from the watch");
        });
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void aFullOutboxLeavesNoPartialFileAndTheHitsPendingUntilItHasRoom(ElasticsearchClient es, @TempDir Path dir)
            throws Exception {
        String id = unique("faults-outbox-full");
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        Watch watch = watch(id, MailSettings.outbox(outbox.toString(), "vigie@acme.example"), List.of(CM));
        // the digest's temporary file leads to /dev/full: writing it fails with ENOSPC, as on a full disk
        String digestId = Ledger.digestId(List.of(new Ledger.Entry(
                Ledger.id(id, "crisis", "f1", CM),
                id,
                "crisis",
                Frequency.RUN,
                CM,
                Ledger.PENDING,
                new DigestItem("f1", "", "", "", null, "", "", "", List.of(), 1, NOW))));
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "needs /dev/full (Linux)");
        Files.createSymbolicLink(outbox.resolve("." + digestId + ".eml.tmp"), full);

        AlertDispatcher.Result result = dispatcher(es).dispatch(watch, hits(id, "f1"), NOW);

        assertThat(result.rule("crisis").orElseThrow()).satisfies(r -> {
            assertThat(r.pending()).isEqualTo(1);
            assertThat(r.emailed()).isZero();
            assertThat(r.pendingReason()).isEqualTo("outbox full");
        });
        try (var files = Files.list(outbox)) {
            assertThat(files.toList()).isEmpty();
        }

        dispatcher(es).dispatch(watch, hits(id, "f1"), NOW.plusSeconds(600));
        dispatcher(es).dispatch(watch, hits(id, "f1"), NOW.plusSeconds(1200));
        try (var files = Files.list(outbox)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .singleElement()
                    .satisfies(name -> assertThat(name).endsWith("-" + digestId + ".eml"));
        }
    }

    @Test
    void anOutboxThatCannotBeWrittenKeepsTheHitsPendingAndSaysWhy(ElasticsearchClient es, @TempDir Path dir)
            throws Exception {
        String id = unique("faults-outbox-blocked");
        Path outbox = dir.resolve("outbox");
        Files.writeString(outbox, "a file where the outbox folder should be");
        Watch watch = watch(id, MailSettings.outbox(outbox.toString(), "vigie@acme.example"), List.of(CM));

        AlertDispatcher.Result result = dispatcher(es).dispatch(watch, hits(id, "b1"), NOW);

        assertThat(result.rule("crisis").orElseThrow()).satisfies(r -> {
            assertThat(r.pending()).isEqualTo(1);
            assertThat(r.pendingReason()).isEqualTo("outbox read-only");
        });
        assertThat(result.deliveryError()).get().asString().contains(outbox.toString());

        Files.delete(outbox);
        dispatcher(es).dispatch(watch, List.of(), NOW.plusSeconds(600));
        try (var files = Files.list(outbox)) {
            assertThat(files.toList()).hasSize(1);
        }
        assertThat(ledger(es, id))
                .singleElement()
                .satisfies(doc -> assertThat(doc.get("status")).isEqualTo("sent"));
    }
}
