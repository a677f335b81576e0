package dev.vigie.jobs.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.jobs.spike.SpikeReport;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.SpikeKind;
import dev.vigie.jobs.watch.SpikeSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AlertRuleSpec RULE = new AlertRuleSpec(
            "crisis", "acme AND (outage OR panne)", List.of(), SentimentFilter.ANY, List.of(), Frequency.RUN);
    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

    private static DigestItem item(String id, String title, String url, String snippet) {
        return new DigestItem(
                id,
                title,
                url,
                "News Example",
                AT,
                "en",
                "negative",
                snippet,
                List.of("outage"),
                3,
                AT.plusSeconds(60));
    }

    private static WebhookPayloads.Content content(List<DigestItem> items) {
        return new WebhookPayloads.Content(
                "vigie-digest-0123456789abcdef",
                "vigie-digest-0123456789abcdef:webhook:h#1",
                "webhook:h#1",
                "acme",
                "Acme",
                RULE,
                Language.EN,
                ZoneId.of("Europe/Paris"),
                items);
    }

    private static final DigestItem HOSTILE = item(
            "m1",
            "Acme outage <!channel> & <https://evil.example|click> " + "[pay here](https://evil.example) **now**",
            "https://news.example/a?x=1&y=2",
            "Users report an outage <@U123> & more");

    @Test
    void slackGetsTextAndBlocksWithItsThreeCharactersEscaped() throws Exception {
        JsonNode slack = JSON.readTree(WebhookPayloads.slack(content(List.of(HOSTILE))));

        assertThat(slack.path("text").asText()).isEqualTo("Alert \"crisis\" for Acme: 1 new mention");
        JsonNode blocks = slack.path("blocks");
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        JsonNode section = blocks.get(2);
        assertThat(section.path("type").asText()).isEqualTo("section");
        String text = section.path("text").path("text").asText();
        assertThat(section.path("text").path("type").asText()).isEqualTo("mrkdwn");
        // the only link is the mention's own; nothing from the feed can open a '<' of Slack's syntax
        assertThat(text)
                .startsWith("*<https://news.example/a?x=1&y=2|Acme outage &lt;!channel&gt; &amp; "
                        + "&lt;https://evil.example|click&gt;");
        assertThat(text.replace("<https://news.example/a?x=1&y=2|", "")).doesNotContain("<");
        assertThat(text)
                .contains("News Example · 2026-11-24 09:00 CET · negative · also in 2 other sources")
                .contains(">Users report an *outage* &lt;@U123&gt; &amp; more");
        assertThat(blocks.get(blocks.size() - 1)
                        .path("elements")
                        .get(0)
                        .path("text")
                        .asText())
                .contains("watch acme", "rule crisis", "vigie-digest-0123456789abcdef");
    }

    @Test
    void slackStaysWithinItsBlockAndTextLimits() throws Exception {
        List<DigestItem> many = new ArrayList<>();
        IntStream.range(0, 60)
                .forEach(i -> many.add(item(
                        "m" + i,
                        "T".repeat(500) + "<&>".repeat(300),
                        "https://news.example/" + "p".repeat(2000),
                        "<&>".repeat(400))));
        JsonNode slack = JSON.readTree(WebhookPayloads.slack(content(many)));

        assertThat(slack.path("blocks").size()).isLessThanOrEqualTo(50);
        assertThat(slack.path("blocks")
                        .get(0)
                        .path("text")
                        .path("text")
                        .asText()
                        .length())
                .isLessThanOrEqualTo(150);
        slack.path("blocks").forEach(b -> {
            if (b.has("text")) {
                assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
            }
        });
        assertThat(slack.path("blocks").get(slack.path("blocks").size() - 1).toString())
                .contains("20 more in Kibana");
    }

    @Test
    void teamsGetsAnAdaptiveCardMessageWithMarkdownEscaped() throws Exception {
        JsonNode teams = JSON.readTree(
                WebhookPayloads.teams(content(List.of(HOSTILE, item("m2", "Second", "javascript:alert(1)", "")))));

        assertThat(teams.path("type").asText()).isEqualTo("message");
        JsonNode attachment = teams.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        String all = card.path("body").toString();
        // one markdown link, the mention's; the title's own link syntax is escaped
        JsonNode first = card.path("body").get(2).path("items");
        assertThat(first.get(0).path("text").asText())
                .startsWith("[Acme outage <!channel\\> & <https://evil.example|click\\> "
                        + "\\[pay here\\]\\(https://evil.example\\) \\*\\*now\\*\\*](https://news.example/a?x=1&y=2)");
        assertThat(first.get(2).path("text").asText()).isEqualTo("Users report an **outage** <@U123\\> & more");
        assertThat(all).doesNotContain("javascript:");
        assertThat(WebhookPayloads.teams(content(List.of(HOSTILE))).length()).isLessThan(28_000);
    }

    @Test
    void teamsStaysUnderItsMessageSizeWithAFullDigest() {
        List<DigestItem> many = new ArrayList<>();
        IntStream.range(0, WebhookPayloads.TEAMS_MAX_HITS)
                .forEach(i -> many.add(
                        item("m" + i, "T".repeat(500), "https://news.example/" + "p".repeat(900), "*".repeat(400))));
        assertThat(WebhookPayloads.teams(content(many)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThan(28 * 1024);
    }

    @Test
    void genericFollowsTheVersionedSchema() throws Exception {
        JsonNode digest = JSON.readTree(
                WebhookPayloads.generic(content(List.of(HOSTILE, item("m2", "Second", "javascript:alert(1)", "")))));

        assertThat(digest.path("schema").asText()).isEqualTo("vigie.alert-digest");
        assertThat(digest.path("version").asInt()).isEqualTo(1);
        assertThat(digest.path("digest_id").asText()).isEqualTo("vigie-digest-0123456789abcdef");
        assertThat(digest.path("idempotency_key").asText()).isEqualTo("vigie-digest-0123456789abcdef:webhook:h#1");
        assertThat(digest.path("watch").asText()).isEqualTo("acme");
        assertThat(digest.path("rule").path("id").asText()).isEqualTo("crisis");
        assertThat(digest.path("rule").path("query").asText()).isEqualTo("acme AND (outage OR panne)");
        assertThat(digest.path("hit_count").asInt()).isEqualTo(2);
        JsonNode hit = digest.path("hits").get(0);
        assertThat(hit.path("mention_id").asText()).isIn("m1", "m2");
        JsonNode m1 = digest.path("hits").get(0).path("mention_id").asText().equals("m1")
                ? digest.path("hits").get(0)
                : digest.path("hits").get(1);
        assertThat(m1.path("title").asText()).startsWith("Acme outage <!channel>"); // raw: JSON escapes it
        assertThat(m1.path("url").asText()).isEqualTo("https://news.example/a?x=1&y=2");
        assertThat(m1.path("source").asText()).isEqualTo("News Example");
        assertThat(m1.path("published_at").asText()).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(m1.path("highlights").get(0).asText()).isEqualTo("outage");
        assertThat(m1.path("also_in_sources").asInt()).isEqualTo(2);
        JsonNode m2 = m1 == digest.path("hits").get(0)
                ? digest.path("hits").get(1)
                : digest.path("hits").get(0);
        assertThat(m2.path("url").isNull())
                .as("a javascript: link is not passed on")
                .isTrue();
    }

    @Test
    void aSpikeAlertSaysItsSettingsInsteadOfAQueryAndTheGenericDigestCarriesItsCauses() throws Exception {
        AlertRuleSpec spikeRule = new AlertRuleSpec(
                "spike",
                "",
                List.of(),
                SentimentFilter.ANY,
                List.of(),
                Frequency.RUN,
                List.of(),
                new SpikeSpec(5, 2, List.of(SpikeKind.NEGATIVE), 3, 4));
        SpikeReport report = new SpikeReport(
                SpikeKind.NEGATIVE,
                Instant.parse("2026-11-25T01:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z"),
                Instant.parse("2026-11-25T02:40:00Z"),
                14,
                2.5,
                4,
                2,
                List.of(new SpikeReport.Story(
                        "ev-1", "Fuite de données <!channel>", "javascript:alert(1)", 9, List.of("Le Monde", "Wire"))),
                List.of(new SpikeReport.Count("Jane Doe", 3)),
                List.of(new SpikeReport.Count("Wire", 6)),
                List.of(new SpikeReport.Sample(
                        "Acme leak", "https://news.example/leak", "Wire", "Jane Doe", AT, "negative")));
        DigestItem item = new DigestItem(
                "spike-negative-2026-11-25T01:00:00Z",
                SpikeRenderer.headline(Language.EN, "Acme", report),
                "https://news.example/leak",
                "Wire",
                AT,
                "",
                "negative",
                SpikeRenderer.summary(Language.EN, report),
                List.of(),
                1,
                AT.plusSeconds(60),
                report);
        WebhookPayloads.Content c = new WebhookPayloads.Content(
                "vigie-digest-0123456789abcdef",
                "vigie-digest-0123456789abcdef:webhook:h#1",
                "webhook:h#1",
                "acme",
                "Acme",
                spikeRule,
                Language.EN,
                ZoneId.of("Europe/Paris"),
                List.of(item));

        String slack = JSON.readTree(WebhookPayloads.slack(c)).toString();
        assertThat(slack)
                .contains("spike alert on negative: at least 5 mentions and 2 times the usual level over 3 h")
                .contains("Spike in negative mentions of Acme")
                .doesNotContain("query:");
        assertThat(JSON.readTree(WebhookPayloads.teams(c)).toString())
                .contains("spike alert on negative")
                .doesNotContain("query:");

        JsonNode generic = JSON.readTree(WebhookPayloads.generic(c));
        assertThat(generic.path("rule").path("query").isNull()).isTrue();
        assertThat(generic.path("rule").path("spike").path("on").get(0).asText())
                .isEqualTo("negative");
        assertThat(generic.path("rule").path("spike").path("min_mentions").asInt())
                .isEqualTo(5);
        JsonNode spike = generic.path("hits").get(0).path("spike");
        assertThat(spike.path("kind").asText()).isEqualTo("negative");
        assertThat(spike.path("count").asLong()).isEqualTo(14);
        assertThat(spike.path("baseline").asDouble()).isEqualTo(2.5);
        assertThat(spike.path("stories").get(0).path("title").asText()).isEqualTo("Fuite de données <!channel>");
        assertThat(spike.path("stories").get(0).path("url").isNull())
                .as("a javascript: link is not passed on")
                .isTrue();
        assertThat(spike.path("stories").get(0).path("outlets").toString()).isEqualTo("[\"Le Monde\",\"Wire\"]");
        assertThat(spike.path("authors").get(0).path("name").asText()).isEqualTo("Jane Doe");
        assertThat(spike.path("samples").get(0).path("url").asText()).isEqualTo("https://news.example/leak");
    }
}
