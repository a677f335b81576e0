package dev.vigie.jobs.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.jobs.testing.LoopbackWebhook;
import dev.vigie.jobs.watch.Secret;
import dev.vigie.jobs.watch.Webhook;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of webhooks against a loopback receiver: what is retried, what fails for good, what is unknown. */
class WebhookSenderTest {

    private static final String PATH = "/services/T0001/B0002/XXXXsecretXXXX";
    private LoopbackWebhook receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = LoopbackWebhook.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static WebhookSender sender(Duration patience) {
        return WebhookSender.builder()
                .patience(patience)
                .pauses(Duration.ofMillis(50), Duration.ofMillis(200))
                .responseTimeout(Duration.ofSeconds(1))
                .connectTimeout(Duration.ofSeconds(1))
                .build();
    }

    private Webhook hook(Webhook.Kind kind) {
        return new Webhook(kind, Secret.of(receiver.url(PATH)), Map.of("Authorization", Secret.of("Bearer tok-123")));
    }

    @Test
    void postsJsonWithTheIdempotencyKeyAndHeadersToAGenericWebhook() throws Exception {
        try (WebhookSender sender = sender(Duration.ofSeconds(5))) {
            assertThat(sender.post(hook(Webhook.Kind.GENERIC), "{\"a\":1}", "vigie-digest-1:webhook:x#1"))
                    .isEqualTo(200);
            sender.post(hook(Webhook.Kind.SLACK), "{\"text\":\"x\"}", "vigie-digest-2:slack:x#1");
        }
        LoopbackWebhook.Received generic = receiver.received(PATH).get(0);
        assertThat(generic.json().path("a").asInt()).isEqualTo(1);
        assertThat(generic.header("Content-Type"))
                .startsWith("application/json")
                .containsIgnoringCase("utf-8");
        assertThat(generic.header("Idempotency-Key")).isEqualTo("vigie-digest-1:webhook:x#1");
        assertThat(generic.header("Authorization")).isEqualTo("Bearer tok-123");
        assertThat(receiver.received(PATH).get(1).header("Idempotency-Key"))
                .as("Slack ignores it: not sent")
                .isNull();
    }

    @Test
    void retriesA500AndA429WithRetryAfterWithinThePatience() throws Exception {
        receiver.answerNext(500, null, "oops")
                .answerNext(429, "1", "rate_limited")
                .answerNext(503, null, "");
        try (WebhookSender sender = sender(Duration.ofSeconds(30))) {
            assertThat(sender.post(hook(Webhook.Kind.SLACK), "{}", "k")).isEqualTo(200);
        }
        assertThat(receiver.received(PATH))
                .extracting(LoopbackWebhook.Received::answered)
                .containsExactly(500, 429, 503, 200);
    }

    @Test
    void aRetryAfterBeyondThePatienceIsNotWaitedFor() {
        receiver.answerNext(429, "3600", "rate_limited");
        try (WebhookSender sender = sender(Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> sender.post(hook(Webhook.Kind.SLACK), "{}", "k"))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(MailDeliveryException.Kind.WEBHOOK_BUSY);
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.outcomeUnknown()).isFalse();
                        assertThat(e.getMessage())
                                .contains("429", "rate_limited", "retry after 3600 s")
                                .doesNotContain("XXXXsecretXXXX");
                    });
        }
        assertThat(receiver.received(PATH)).hasSize(1);
    }

    @Test
    void a404IsAFailureForGoodWithTheEndpointsReason() {
        receiver.answerNext(404, null, "no_service");
        try (WebhookSender sender = sender(Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> sender.post(hook(Webhook.Kind.SLACK), "{}", "k"))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.getMessage())
                                .isEqualTo("Slack " + receiver.url("/…") + " answered 404: " + "no_service");
                    });
        }
        assertThat(receiver.received(PATH)).hasSize(1);
    }

    @Test
    void aRedirectIsNotFollowed() {
        receiver.answerNext(302, null, "");
        try (WebhookSender sender = sender(Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> sender.post(hook(Webhook.Kind.GENERIC), "{}", "k"))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.getMessage())
                                .contains("302", "not followed")
                                .doesNotContain("elsewhere");
                    });
        }
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void anEndpointDownIsUnreachableOnceThePatienceIsSpentAndTheMessageHoldsNoSecret() {
        receiver.down();
        try (WebhookSender sender = sender(Duration.ofMillis(300))) {
            assertThatThrownBy(() -> sender.post(hook(Webhook.Kind.TEAMS), "{}", "k"))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(MailDeliveryException.Kind.WEBHOOK_UNREACHABLE);
                        assertThat(e.getMessage())
                                .startsWith("Teams " + receiver.url("/…") + " unreachable")
                                .contains("attempts")
                                .doesNotContain("XXXXsecretXXXX")
                                .doesNotContain("T0001");
                    });
        }
    }

    @Test
    void noAnswerAfterTheRequestWasSentIsAnUnknownOutcomeNotRetried() throws Exception {
        receiver.holdAnswers();
        try (WebhookSender sender = sender(Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> sender.post(hook(Webhook.Kind.GENERIC), "{}", "k"))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.outcomeUnknown()).isTrue();
                        assertThat(e.getMessage()).contains("no answer").doesNotContain("XXXXsecretXXXX");
                    });
        }
        receiver.releaseAnswers();
        assertThat(receiver.received(PATH)).hasSize(1);
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() ->
                        WebhookSender.builder().patience(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("patience");
        assertThatThrownBy(() ->
                        WebhookSender.builder().connectTimeout(Duration.ZERO).build())
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> WebhookSender.builder().responseTimeout(null).build())
                .hasMessageContaining("responseTimeout");
        assertThatThrownBy(() -> WebhookSender.builder()
                        .pauses(Duration.ofSeconds(2), Duration.ofSeconds(1))
                        .build())
                .hasMessageContaining("maxPause");
    }
}
