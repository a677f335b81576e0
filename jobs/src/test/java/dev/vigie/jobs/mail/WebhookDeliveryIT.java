package dev.vigie.jobs.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.mail.internal.Ledger;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.testing.LoopbackProxy;
import dev.vigie.jobs.testing.LoopbackSmtpServer;
import dev.vigie.jobs.testing.LoopbackWebhook;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Brand;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.MailSettings;
import dev.vigie.jobs.watch.Secret;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.Webhook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alert digests to Slack, Teams and generic webhooks with the real ledger in Elasticsearch, a loopback SMTP server
 * and a loopback webhook receiver that is down, busy, refusing, or accepting while the ledger is cut off. Each test
 * ends by counting what each channel received: every digest delivered once, none lost, none twice.
 */
@ExtendWith(ElasticsearchExtension.class)
class WebhookDeliveryIT {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String CM = "cm@acme.example";
    private static final String SLACK = "/services/T0001/B0002/XXXXsecretXXXX";
    private static final String TEAMS = "/webhookb2/abc@def/IncomingWebhook/123/456";
    private static final String GENERIC = "/vigie/alerts";

    private LoopbackSmtpServer smtp;
    private LoopbackWebhook receiver;
    private WebhookSender sender;

    @BeforeEach
    void start() throws IOException {
        smtp = LoopbackSmtpServer.start();
        receiver = LoopbackWebhook.start();
        sender = WebhookSender.builder()
                .patience(Duration.ofSeconds(5))
                .pauses(Duration.ofMillis(50), Duration.ofMillis(200))
                .responseTimeout(Duration.ofSeconds(2))
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        sender.close();
        receiver.close();
        smtp.close();
    }

    private Webhook hook(Webhook.Kind kind, String path) {
        return Webhook.of(kind, receiver.url(path));
    }

    private Watch watch(String id, List<String> to, Webhook... hooks) {
        return Watch.builder(id, new Brand("Acme", List.of()))
                .language(Language.EN)
                .timezone(ZoneId.of("Europe/Paris"))
                .mail(MailSettings.smtp(
                        URI.create("smtp://127.0.0.1:" + smtp.port()), "", Secret.NONE, "vigie@acme.example"))
                .alert(new AlertRuleSpec(
                        "crisis", "acme AND outage", List.of(), SentimentFilter.ANY, to, Frequency.RUN, List.of(hooks)))
                .build();
    }

    private static List<AlertHit> hits(String watch, String... mentions) {
        return Arrays.stream(mentions)
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

    private AlertDispatcher dispatcher(ElasticsearchClient es) {
        return new AlertDispatcher(
                es,
                settings -> Mailer.create(settings, 2_000),
                sender,
                Ledger.Calls.DIRECT,
                AlertDispatcher.DEFAULT_UNKNOWN_OUTCOME_GRACE);
    }

    @SuppressWarnings("rawtypes")
    private static List<Map> ledger(ElasticsearchClient es, String watch) throws IOException {
        es.indices().refresh(r -> r.index("vigie-alerts"));
        SearchResponse<Map> r = es.search(
                s -> s.index("vigie-alerts")
                        .size(500)
                        .query(q -> q.term(t -> t.field("watch").value(watch))),
                Map.class);
        return r.hits().hits().stream().map(Hit::source).toList();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The mention ids a delivered generic or Slack digest carried. */
    private static List<String> mentions(LoopbackWebhook.Received r) {
        JsonNode json = r.json();
        if (json.has("hits")) {
            return json.path("hits").findValuesAsText("mention_id");
        }
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode block : json.path("blocks")) {
            String text = block.path("text").path("text").asText();
            if (block.path("type").asText().equals("section") && text.contains("news.example/")) {
                ids.add(text.replaceAll("(?s).*news\\.example/([a-z0-9-]+)\\|.*", "$1"));
            }
        }
        return ids;
    }

    @Test
    void aDigestToEmailAndSlackWhereSlackIsDownIsEmailedOnceAndPostedToSlackOnceLater(ElasticsearchClient es)
            throws Exception {
        String id = unique("webhook-slack-down");
        Webhook slack = hook(Webhook.Kind.SLACK, SLACK);
        Watch watch = watch(id, List.of(CM), slack);
        receiver.down();

        AlertDispatcher.Result first = dispatcher(es).dispatch(watch, hits(id, "m1", "m2"), NOW);

        assertThat(smtp.receivedFor(CM)).hasSize(1);
        AlertDispatcher.RuleCounts counts = first.rule("crisis").orElseThrow();
        assertThat(counts.emailed()).isEqualTo(2);
        assertThat(counts.pending()).isEqualTo(2);
        assertThat(counts.pendingReason()).isEqualTo("endpoint unreachable (Slack " + receiver.url("/…") + ")");
        assertThat(first.deliveryError())
                .get()
                .asString()
                .contains("unreachable")
                .doesNotContain("XXXXsecretXXXX");
        assertThat(ledger(es, id))
                .hasSize(4)
                .allSatisfy(doc -> assertThat(doc.toString())
                        .doesNotContain("XXXXsecretXXXX")
                        .doesNotContain("T0001"));
        assertThat(ledger(es, id))
                .filteredOn(d -> d.get("recipients").toString().contains(slack.channelId()))
                .hasSize(2)
                .allSatisfy(d -> {
                    assertThat(d.get("status")).isEqualTo("pending");
                    assertThat(d.get("last_error").toString()).contains("unreachable");
                });

        receiver.up();
        AlertDispatcher.Result later = dispatcher(es).dispatch(watch, hits(id, "m1", "m2"), NOW.plusSeconds(1800));
        assertThat(later.rule("crisis").orElseThrow().emailed()).isEqualTo(2);
        assertThat(later.pending()).isZero();
        dispatcher(es).dispatch(watch, hits(id, "m1", "m2"), NOW.plusSeconds(3600));

        assertThat(smtp.receivedFor(CM)).as("the email, once").hasSize(1);
        assertThat(receiver.delivered(SLACK))
                .as("the Slack post, once")
                .singleElement()
                .satisfies(r -> assertThat(mentions(r)).containsExactlyInAnyOrder("m1", "m2"));
        assertThat(ledger(es, id)).allSatisfy(d -> assertThat(d.get("status")).isEqualTo("sent"));
    }

    @Test
    void aServerErrorAndARateLimitAreRetriedAndTheDigestDeliveredOnceWithOneIdempotencyKey(ElasticsearchClient es)
            throws Exception {
        String id = unique("webhook-busy");
        Webhook generic = hook(Webhook.Kind.GENERIC, GENERIC);
        Watch watch = watch(id, List.of(), generic);
        receiver.answerNext(500, null, "oops").answerNext(429, "1", "slow down");

        AlertDispatcher.Result result = dispatcher(es).dispatch(watch, hits(id, "g1", "g2", "g3"), NOW);

        assertThat(result.rule("crisis").orElseThrow().emailed()).isEqualTo(3);
        assertThat(receiver.received(GENERIC))
                .extracting(LoopbackWebhook.Received::answered)
                .containsExactly(500, 429, 200);
        String digestId = ledger(es, id).get(0).get("digest_id").toString();
        assertThat(receiver.received(GENERIC)).allSatisfy(r -> {
            assertThat(r.header("Idempotency-Key")).isEqualTo(digestId + ":" + generic.channelId());
            assertThat(r.json().path("schema").asText()).isEqualTo("vigie.alert-digest");
            assertThat(r.json().path("digest_id").asText()).isEqualTo(digestId);
        });
        assertThat(mentions(receiver.delivered(GENERIC).get(0))).containsExactlyInAnyOrder("g1", "g2", "g3");
        dispatcher(es).dispatch(watch, hits(id, "g1", "g2", "g3"), NOW.plusSeconds(60));
        assertThat(receiver.delivered(GENERIC)).hasSize(1);
    }

    @Test
    void aBusyEndpointBeyondThePatienceKeepsTheHitsPendingForTheNextRun(ElasticsearchClient es) throws Exception {
        String id = unique("webhook-retry-after");
        Watch watch = watch(id, List.of(), hook(Webhook.Kind.TEAMS, TEAMS));
        receiver.answerNext(429, "3600", "");

        AlertDispatcher.Result busy = dispatcher(es).dispatch(watch, hits(id, "t1"), NOW);
        assertThat(busy.rule("crisis").orElseThrow()).satisfies(r -> {
            assertThat(r.pending()).isEqualTo(1);
            assertThat(r.failed()).isZero();
            assertThat(r.pendingReason()).startsWith("endpoint busy (Teams http://127.0.0.1:");
        });
        AlertDispatcher.Result next = dispatcher(es).dispatch(watch, List.of(), NOW.plusSeconds(3600));
        assertThat(next.rule("crisis").orElseThrow().emailed()).isEqualTo(1);
        assertThat(receiver.delivered(TEAMS))
                .singleElement()
                .satisfies(r -> assertThat(r.json()
                                .path("attachments")
                                .get(0)
                                .path("content")
                                .path("type")
                                .asText())
                        .isEqualTo("AdaptiveCard"));
    }

    @Test
    void aRefusalForGoodIsRecordedFailedWithItsReasonNotRetriedAndTheEmailStillGoes(ElasticsearchClient es)
            throws Exception {
        String id = unique("webhook-404");
        Watch watch = watch(id, List.of(CM), hook(Webhook.Kind.SLACK, SLACK));
        receiver.answer(404, "no_service");

        AlertDispatcher.Result result = dispatcher(es).dispatch(watch, hits(id, "f1", "f2"), NOW);

        assertThat(result.rule("crisis").orElseThrow()).satisfies(r -> {
            assertThat(r.emailed()).isEqualTo(2);
            assertThat(r.failed()).isEqualTo(2);
            assertThat(r.pending()).isZero();
            assertThat(r.failedReason()).isEqualTo("Slack " + receiver.url("/…") + " answered 404: no_service");
        });
        assertThat(ledger(es, id))
                .filteredOn(d -> d.get("status").equals("failed"))
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.get("status_reason").toString())
                        .contains("404: no_service")
                        .doesNotContain("XXXXsecretXXXX"));
        AlertDispatcher.Result next = dispatcher(es).dispatch(watch, hits(id, "f1", "f2"), NOW.plusSeconds(60));
        assertThat(next.rule("crisis").orElseThrow().failed()).isZero();
        assertThat(next.pending()).isZero();
        assertThat(receiver.received(SLACK)).as("not retried").hasSize(1);
        assertThat(smtp.receivedFor(CM)).hasSize(1);
    }

    @Test
    void theRunDyingBetweenTheReceiverAcceptingAndTheLedgerRecordingNeverSendsTwiceWithinTheGrace(
            ElasticsearchClient es) throws Exception {
        String id = unique("webhook-crash");
        Webhook generic = hook(Webhook.Kind.GENERIC, GENERIC);
        Watch watch = watch(id, List.of(), generic);
        try (LoopbackProxy proxy = LoopbackProxy.start(ElasticsearchExtension.url());
                ElasticsearchEndpoint.Clients viaProxy =
                        ElasticsearchEndpoint.of(proxy.url().toString()).clients()) {
            receiver.beforeNextAnswer(() -> {
                try {
                    proxy.cut(); // the receiver has the digest; the ledger can no longer hear of it
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThatThrownBy(() -> dispatcher(viaProxy.sync()).dispatch(watch, hits(id, "c1", "c2"), NOW))
                    .isInstanceOf(IOException.class);
            proxy.restore();
        }
        assertThat(receiver.delivered(GENERIC)).hasSize(1);
        assertThat(ledger(es, id))
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.get("status")).isEqualTo("sending"));

        // the next run, within the grace: nothing posted again, the hits reported unknown
        AlertDispatcher.Result next = dispatcher(es).dispatch(watch, hits(id, "c1", "c2"), NOW.plusSeconds(600));
        assertThat(next.rule("crisis").orElseThrow().unknown()).isEqualTo(2);
        assertThat(receiver.received(GENERIC)).hasSize(1);

        // a day later it goes once more with the same Idempotency-Key: the receiver can tell it is the same digest
        AlertDispatcher.Result dayLater = dispatcher(es).dispatch(watch, List.of(), NOW.plus(Duration.ofHours(25)));
        assertThat(dayLater.emailed()).isEqualTo(2);
        assertThat(receiver.delivered(GENERIC))
                .hasSize(2)
                .extracting(r -> r.header("Idempotency-Key"))
                .containsOnly(receiver.delivered(GENERIC).get(0).header("Idempotency-Key"));
        assertThat(ledger(es, id)).allSatisfy(d -> assertThat(d.get("status")).isEqualTo("sent"));
        dispatcher(es).dispatch(watch, hits(id, "c1", "c2"), NOW.plus(Duration.ofHours(26)));
        assertThat(receiver.received(GENERIC)).hasSize(2);
    }

    @Test
    void aSlackDigestOfManyHitsIsSplitWithinSlacksLimitsAndEachHitPostedOnce(ElasticsearchClient es) throws Exception {
        String id = unique("webhook-split");
        Watch watch = watch(id, List.of(), hook(Webhook.Kind.SLACK, SLACK));
        String[] mentions = IntStream.range(0, 45).mapToObj(i -> "s" + i).toArray(String[]::new);

        AlertDispatcher.Result result = dispatcher(es).dispatch(watch, hits(id, mentions), NOW);

        assertThat(result.rule("crisis").orElseThrow().digestsSent()).isEqualTo(2);
        assertThat(receiver.delivered(SLACK))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.json().path("blocks").size()).isLessThanOrEqualTo(50));
        assertThat(receiver.delivered(SLACK).stream()
                        .flatMap(r -> mentions(r).stream())
                        .toList())
                .containsExactlyInAnyOrder(mentions);
    }
}
