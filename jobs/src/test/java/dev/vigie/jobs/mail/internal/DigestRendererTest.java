package dev.vigie.jobs.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.SentimentFilter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestRendererTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant MATCHED = Instant.parse("2026-11-24T09:00:00Z");
    private static final AlertRuleSpec CRISIS = new AlertRuleSpec(
            "crisis",
            "(acme OR \"acme corp\") AND (outage OR panne)",
            List.of("fr", "en"),
            SentimentFilter.NEGATIVE,
            List.of("cm@acme.example"),
            Frequency.RUN);

    private static DigestItem panne() {
        return new DigestItem(
                "m-1",
                "Panne géante chez Acme : des milliers de clients privés de service",
                "https://news.example/2026/11/acme-panne?utm=x&ref=1",
                "Le Journal du Net",
                Instant.parse("2026-11-24T07:42:00Z"),
                "fr",
                "negative",
                "Depuis ce matin, les clients d'Acme signalent une panne générale. Acme Corp n'a pas encore "
                        + "communiqué sur l'origine des pannes.",
                List.of("acme", "acme corp", "pann"),
                3,
                MATCHED);
    }

    private static DigestItem hostile() {
        return new DigestItem(
                "m-2",
                "<script>alert('x')</script>Acme outage\r\nBcc: victim@evil.example",
                "javascript:alert(document.cookie)",
                "<b>Evil</b> feed",
                Instant.parse("2026-11-23T22:10:00Z"),
                "en",
                "neutral",
                "Acme outage <img src=x onerror=alert(1)> see <a href=\"https://evil.example\">here</a> & \"more\"",
                List.of("acme", "outage"),
                1,
                MATCHED);
    }

    @Test
    void rendersAFrenchDigestWithHighlightsSentimentAndStorySources() throws Exception {
        DigestRenderer.Rendered r =
                DigestRenderer.render(Language.FR, PARIS, "acme", "Acme", CRISIS, List.of(panne(), hostile()));
        assertThat(r.subject()).isEqualTo("[Vigie] Alerte « crisis » pour Acme : 2 nouvelles mentions");
        Golden.assertMatches("crisis-fr.txt", r.text());
        Golden.assertMatches("crisis-fr.html", r.html());
    }

    @Test
    void rendersAnEnglishDailyDigestForOneHitWithoutTitleOrDate() throws Exception {
        AlertRuleSpec daily = new AlertRuleSpec(
                "pricing",
                "globex AND price",
                List.of(),
                SentimentFilter.ANY,
                List.of("veille@acme.example"),
                Frequency.DAY);
        DigestItem post = new DigestItem(
                "m-3",
                "",
                "http://social.example/@bob/1",
                "Mastodon",
                null,
                "en",
                "",
                "Globex just raised the price of its Pro plan by 20%",
                List.of("globex", "price"),
                1,
                MATCHED);
        DigestRenderer.Rendered r =
                DigestRenderer.render(Language.EN, ZoneId.of("UTC"), "acme", "Acme", daily, List.of(post));
        assertThat(r.subject()).isEqualTo("[Vigie] Alert \"pricing\" for Acme: 1 new mention");
        Golden.assertMatches("pricing-en.txt", r.text());
        Golden.assertMatches("pricing-en.html", r.html());
    }

    @Test
    void escapesEverythingFromAFeedInTheHtml() {
        String html = DigestRenderer.render(Language.EN, PARIS, "acme", "Acme", CRISIS, List.of(hostile()))
                .html();
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("<b>Evil")
                .doesNotContain("javascript:")
                .doesNotContain("href=\"https://evil.example")
                .contains("&lt;script&gt;")
                .contains("&lt;img src")
                .contains("&lt;b&gt;Evil&lt;/b&gt; feed");
        assertThat(html.lines().filter(l -> l.contains("href=")).count())
                .as("no link rendered for javascript:")
                .isZero();
    }

    @Test
    void plainTextCannotGainLinesFromATitle() {
        String text = DigestRenderer.render(Language.EN, PARIS, "acme", "Acme", CRISIS, List.of(hostile()))
                .text();
        assertThat(text.lines()).noneMatch(l -> l.startsWith("Bcc:"));
        assertThat(text).doesNotContain("javascript:");
    }

    @Test
    void capsHugeTitlesSourcesSnippetsAndLinks() {
        String words = "Acme panne géante ".repeat(6_000);
        DigestItem huge = new DigestItem(
                "m-9",
                words,
                "https://news.example/" + "a".repeat(100_000),
                words,
                MATCHED,
                "fr",
                "negative",
                words,
                List.of("acme", "pann"),
                1,
                MATCHED);

        DigestRenderer.Rendered r = DigestRenderer.render(Language.FR, PARIS, "acme", "Acme", CRISIS, List.of(huge));

        assertThat(r.text().length()).as("plain text").isLessThan(3_000);
        assertThat(r.html().length()).as("html").isLessThan(8_000);
        assertThat(r.text()).contains("Acme panne géante Acme").contains("…");
        assertThat(r.html()).doesNotContain("aaaaaaaaaa".repeat(300));
    }

    @Test
    void capsTheHitsShownAndCountsTheRest() {
        List<DigestItem> many = new ArrayList<>();
        for (int i = 0; i < DigestRenderer.MAX_HITS_SHOWN + 5; i++) {
            many.add(new DigestItem(
                    "m" + i,
                    "Acme " + i,
                    "https://n.example/" + i,
                    "N",
                    MATCHED,
                    "en",
                    "",
                    "Acme",
                    List.of("acme"),
                    1,
                    MATCHED));
        }
        DigestRenderer.Rendered r = DigestRenderer.render(Language.EN, PARIS, "acme", "Acme", CRISIS, many);
        assertThat(r.subject()).endsWith(": 105 new mentions");
        assertThat(r.text()).contains("\n100. Acme").doesNotContain("\n101. ").contains("… and 5 more mentions");
    }
}
