package dev.vigie.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhooks of alert rules in the watch file: {@code to: [slack:${...}]} and {@code webhooks:}, secrets never shown. */
class WatchWebhooksTest {
    private static final String SLACK = "https://hooks.slack.com/services/T0001/B0002/XXXXsecretXXXX";
    private static final String TEAMS = "https://acme.webhook.office.com/webhookb2/abc/IncomingWebhook/def/ghi";
    private static final String TOKEN = "tok-0123456789";
    private static final Map<String, String> ENV = Map.of(
            "SLACK_HOOK",
            SLACK,
            "TEAMS_HOOK",
            TEAMS,
            "ALERTS_TOKEN",
            TOKEN,
            "BAD_HOOK",
            "http://hooks.example/services/XXXXsecretXXXX");
    private static final String HEAD = "watch: acme\nbrand: Acme\nalerts:\n  - id: crisis\n    query: acme\n";

    private final WatchLoader loader = new WatchLoader(ENV);

    private InvalidWatchException refused(String yaml) {
        InvalidWatchException e =
                catchThrowableOfType(InvalidWatchException.class, () -> loader.parse("w.yaml", HEAD + yaml));
        assertThat(e).as("expected the watch to be refused").isNotNull();
        assertThat(e.getMessage())
                .doesNotContain("XXXXsecretXXXX")
                .doesNotContain("T0001")
                .doesNotContain(TOKEN);
        return e;
    }

    @Test
    void readsWebhooksFromToAndFromTheWebhooksList() throws Exception {
        Watch watch = loader.parse("w.yaml", HEAD + """
                    to: [ops@example.com, "slack:${SLACK_HOOK}", "teams:${TEAMS_HOOK}", "webhook:https://alerts.internal/vigie"]
                    webhooks:
                      - url: "https://alerts.example/hook"
                        headers: { Authorization: "Bearer ${ALERTS_TOKEN}", X-Source: vigie }
                      - { url: "${SLACK_HOOK}2", kind: slack }
                """);

        AlertRuleSpec rule = watch.alert("crisis").orElseThrow();
        assertThat(rule.to()).containsExactly("ops@example.com");
        assertThat(rule.webhooks())
                .extracting(Webhook::kind)
                .containsExactly(
                        Webhook.Kind.SLACK,
                        Webhook.Kind.TEAMS,
                        Webhook.Kind.GENERIC,
                        Webhook.Kind.GENERIC,
                        Webhook.Kind.SLACK);
        assertThat(rule.webhooks().get(0).url().reveal()).isEqualTo(SLACK);
        assertThat(rule.webhooks().get(3).headers().get("Authorization").reveal())
                .isEqualTo("Bearer " + TOKEN);
        assertThat(rule.webhooks().get(4).url().reveal()).isEqualTo(SLACK + "2");
        assertThat(rule.channels()).hasSize(6).first().isEqualTo("ops@example.com");
        assertThat(watch.toString())
                .doesNotContain("XXXXsecretXXXX")
                .doesNotContain(TOKEN)
                .doesNotContain("webhookb2")
                .contains("Slack https://hooks.slack.com/…");
    }

    @Test
    void aSlackOrTeamsUrlWrittenInTheFileIsRefusedWithoutShowingIt() {
        InvalidWatchException e = refused("    to: [\"slack:" + SLACK + "\"]\n");
        assertThat(e.getMessage())
                .contains("w.yaml:6: alerts[0].to[0]: a Slack webhook URL is the secret of its "
                        + "channel: write it as slack:${SLACK_WEBHOOK_URL}");

        InvalidWatchException list = refused("    webhooks:\n      - { url: \"" + TEAMS + "\", kind: teams }\n");
        assertThat(list.getMessage())
                .contains("w.yaml:7: alerts[0].webhooks[0].url: a Teams webhook URL is the " + "secret")
                .doesNotContain("webhookb2");
    }

    @Test
    void badWebhooksGetTheirLineAndWhatWasExpected() {
        assertThat(refused("    to: [\"slack:${BAD_HOOK}\"]\n").getMessage())
                .contains("w.yaml:6: alerts[0].to[0]: expected an https URL")
                .contains("http://hooks.example/…");
        assertThat(refused("    to: [\"webhook:ftp://x.example/a\"]\n").getMessage())
                .contains("w.yaml:6: alerts[0].to[0]: expected an absolute https URL");
        assertThat(refused("    to: [\"slack:${NOT_SET}\"]\n").getMessage())
                .contains("w.yaml:6: alerts[0].to[0]: environment variable NOT_SET is not set");
        assertThat(refused("    to: [\"telegram:https://t.example/x\"]\n").getMessage())
                .contains("w.yaml:6: alerts[0].to[0]: expected an email address like name@example.com or a webhook");
        assertThat(refused("    webhooks:\n      - { url: \"https://a.example/h\", kind: discord }\n")
                        .getMessage())
                .contains("w.yaml:7: alerts[0].webhooks[0].kind: expected one of slack, teams, webhook, got 'discord'");
        assertThat(refused("    webhooks:\n      - { kind: slack }\n").getMessage())
                .contains("w.yaml:7: alerts[0].webhooks[0].url: missing");
        assertThat(refused("    webhooks:\n      - { url: \"https://a.example/h\", secret: x }\n")
                        .getMessage())
                .contains("w.yaml:7: alerts[0].webhooks[0].secret: unknown key; expected one of url, kind, headers");
        assertThat(refused(
                                "    webhooks:\n      - url: \"https://a.example/h\"\n        headers: { Idempotency-Key: x }\n")
                        .getMessage())
                .contains("w.yaml:8: alerts[0].webhooks[0].headers.Idempotency-Key: header set by Vigie");
        assertThat(refused("    to: [\"slack:${SLACK_HOOK}\", \"slack:${SLACK_HOOK}\"]\n")
                        .getMessage())
                .contains("w.yaml:4: alerts[0]: alert 'crisis' lists Slack https://hooks.slack.com/… twice");
    }
}
