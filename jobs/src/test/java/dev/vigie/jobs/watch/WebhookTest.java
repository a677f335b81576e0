package dev.vigie.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookTest {

    private static final String SLACK = "https://hooks.slack.com/services/T0001/B0002/XXXXsecretXXXX";

    @Test
    void printsNoPartOfTheSecretUrl() {
        Webhook hook =
                new Webhook(Webhook.Kind.SLACK, Secret.of(SLACK), Map.of("X-Token", Secret.of("header-secret-value")));
        AlertRuleSpec rule = new AlertRuleSpec(
                "crisis",
                "acme",
                List.of(),
                SentimentFilter.ANY,
                List.of("cm@acme.example"),
                Frequency.RUN,
                List.of(hook));

        assertThat(hook.masked()).isEqualTo("https://hooks.slack.com/…");
        assertThat(hook.describe()).isEqualTo("Slack https://hooks.slack.com/…");
        assertThat(hook.channelId()).matches("slack:hooks\\.slack\\.com#[0-9a-f]{8}");
        for (String printed :
                List.of(hook.toString(), rule.toString(), hook.channelId(), String.join(",", rule.channels()))) {
            assertThat(printed)
                    .doesNotContain("T0001")
                    .doesNotContain("XXXXsecretXXXX")
                    .doesNotContain("header-secret-value");
        }
        assertThat(hook.scrub("POST " + SLACK + " failed; path /services/T0001/B0002/XXXXsecretXXXX; token "
                        + "header-secret-value"))
                .isEqualTo("POST https://hooks.slack.com/… failed; path /…; token ****");
    }

    @Test
    void aChannelIdIsStableForOneUrlAndChangesWithIt() {
        assertThat(Webhook.of(Webhook.Kind.SLACK, SLACK).channelId())
                .isEqualTo(Webhook.of(Webhook.Kind.SLACK, SLACK).channelId())
                .isNotEqualTo(Webhook.of(Webhook.Kind.SLACK, SLACK + "2").channelId())
                .isNotEqualTo(Webhook.of(Webhook.Kind.GENERIC, SLACK).channelId());
        assertThat(new AlertRuleSpec(
                                "r",
                                "q",
                                List.of(),
                                SentimentFilter.ANY,
                                List.of("a@b.example"),
                                Frequency.RUN,
                                List.of(Webhook.of(Webhook.Kind.TEAMS, "https://acme.webhook.office.com/webhookb2/x")))
                        .channels())
                .hasSize(2)
                .first()
                .isEqualTo("a@b.example");
    }

    @Test
    void refusesUrlsThatWouldLeakTheDigestOrItsSecret() {
        assertThatThrownBy(() -> Webhook.of(Webhook.Kind.SLACK, "http://hooks.slack.com/services/T0001/B2/sec"))
                .hasMessageContaining("https")
                .hasMessageNotContaining("T0001");
        assertThatThrownBy(() -> Webhook.of(Webhook.Kind.GENERIC, "https://user:pw@hooks.example/x"))
                .hasMessageContaining("user:password")
                .hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> Webhook.of(Webhook.Kind.GENERIC, "ftp://hooks.example/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Webhook.of(Webhook.Kind.GENERIC, "not a url"))
                .isInstanceOf(IllegalArgumentException.class);
        // plain http only to a loopback address (a local relay, a test); private addresses are the owner's choice
        assertThat(Webhook.of(Webhook.Kind.GENERIC, "http://127.0.0.1:8080/hook")
                        .masked())
                .isEqualTo("http://127.0.0.1:8080/…");
        assertThat(Webhook.of(Webhook.Kind.GENERIC, "https://10.1.2.3/hook").channelId())
                .startsWith("webhook:10.1.2.3#");
        assertThatThrownBy(() -> Webhook.of(Webhook.Kind.GENERIC, "http://10.1.2.3/hook"))
                .hasMessageContaining("https");
    }

    @Test
    void refusesHeadersVigieSetsOrThatCouldSplitTheRequest() {
        assertThatThrownBy(() -> new Webhook(
                        Webhook.Kind.GENERIC,
                        Secret.of("https://h.example/x"),
                        Map.of("Idempotency-Key", Secret.of("x"))))
                .hasMessageContaining("set by Vigie");
        assertThatThrownBy(() -> new Webhook(
                        Webhook.Kind.GENERIC,
                        Secret.of("https://h.example/x"),
                        Map.of("X-A", Secret.of("a\r\nX-Evil: 1"))))
                .hasMessageContaining("line break");
        assertThatThrownBy(() -> new Webhook(
                        Webhook.Kind.GENERIC, Secret.of("https://h.example/x"), Map.of("Bad Name", Secret.of("a"))))
                .hasMessageContaining("not an HTTP header name");
    }

    @Test
    void aRuleListsEachWebhookOnce() {
        assertThatThrownBy(() -> new AlertRuleSpec(
                        "r",
                        "q",
                        List.of(),
                        SentimentFilter.ANY,
                        List.of(),
                        Frequency.RUN,
                        List.of(Webhook.of(Webhook.Kind.SLACK, SLACK), Webhook.of(Webhook.Kind.SLACK, SLACK))))
                .hasMessageContaining("twice")
                .hasMessageNotContaining("T0001");
    }
}
