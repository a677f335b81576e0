package dev.vigie.jobs.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.spike.SpikeReport;
import dev.vigie.jobs.watch.AlertRuleSpec;
import dev.vigie.jobs.watch.Frequency;
import dev.vigie.jobs.watch.Language;
import dev.vigie.jobs.watch.SentimentFilter;
import dev.vigie.jobs.watch.SpikeKind;
import dev.vigie.jobs.watch.SpikeSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeRendererTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final AlertRuleSpec RULE = new AlertRuleSpec(
            "spike",
            "",
            List.of(),
            SentimentFilter.ANY,
            List.of("cm@acme.example"),
            Frequency.RUN,
            List.of(),
            new SpikeSpec(5, 2, List.of(SpikeKind.NEGATIVE), 3, 4));

    private static SpikeReport report(String title, String url) {
        return new SpikeReport(
                SpikeKind.NEGATIVE,
                Instant.parse("2026-11-25T01:00:00Z"),
                Instant.parse("2026-11-25T00:00:00Z"),
                Instant.parse("2026-11-25T02:40:00Z"),
                14,
                2.5,
                4,
                2,
                List.of(new SpikeReport.Story("ev-1", title, url, 9, List.of("Le Monde Tech", "Wire"))),
                List.of(new SpikeReport.Count("Jane Doe", 3)),
                List.of(new SpikeReport.Count("Wire", 6)),
                List.of(new SpikeReport.Sample(
                        title, url, "Wire", "Jane Doe", Instant.parse("2026-11-25T02:10:00Z"), "negative")));
    }

    @Test
    void saysTheNumbersAndTheCausesInFrench() {
        DigestRenderer.Rendered r = SpikeRenderer.render(
                Language.FR,
                PARIS,
                "acme",
                "Acme",
                RULE,
                List.of(report("Fuite de données chez Acme", "https://news.example/fuite")));
        assertThat(r.subject()).isEqualTo("[Vigie] Pic de mentions négatives de Acme : 14 en 3 h (habituellement 2,5)");
        assertThat(r.text().replace("\r\n", "\n"))
                .contains(
                        "14 mentions négatives du mer. 25 nov. 01:00 à 03:40 CET (3 heures) ; niveau habituel pour "
                                + "ces heures 2,5 (moyenne des mêmes jour et heures sur les 4 dernières semaines) : 5,6 fois plus.")
                .contains(
                        "Principales histoires\n1. Fuite de données chez Acme\n   9 mentions · médias : Le Monde Tech, "
                                + "Wire\n   https://news.example/fuite")
                .contains("Principaux auteurs : Jane Doe (3)")
                .contains("Wire · Jane Doe · 25 nov. 2026 03:10 CET · tonalité : négative");
    }

    @Test
    void aHostileTitleAndLinkCannotInjectMarkupLinksOrLines() {
        DigestRenderer.Rendered r = SpikeRenderer.render(
                Language.EN,
                PARIS,
                "acme",
                "Acme",
                RULE,
                List.of(report("<script>alert(1)</script>Acme\r\nBcc: victim@evil.example", "javascript:alert(1)")));
        assertThat(r.html())
                .doesNotContain("<script>")
                .doesNotContain("javascript:")
                .contains("&lt;script&gt;");
        assertThat(r.text()).doesNotContain("\nBcc:").doesNotContain("javascript:");
        assertThat(r.subject()).doesNotContain("\n");
    }

    @Test
    void theDigestRendererRendersASpikeItemAsASpikeAlertAndTheReportSurvivesTheLedger() {
        SpikeReport report = report("Acme outage", "https://news.example/outage");
        SpikeReport stored = SpikeReport.fromMap(report.toMap());
        assertThat(stored).isEqualTo(report);
        DigestItem item = new DigestItem(
                "spike-negative-2026-11-25T01:00:00Z",
                "x",
                "",
                "",
                null,
                "en",
                "negative",
                "",
                List.of(),
                1,
                Instant.parse("2026-11-25T02:40:00Z"),
                stored);
        DigestRenderer.Rendered r = DigestRenderer.render(Language.EN, PARIS, "acme", "Acme", RULE, List.of(item));
        assertThat(r.subject()).isEqualTo("[Vigie] Spike in negative mentions of Acme: 14 in 3 h (usually 2.5)");
        assertThat(Ledger.fromDoc(
                                "id",
                                Ledger.toDoc(new Ledger.Entry(
                                        "id", "acme", "spike", Frequency.RUN, "cm@acme.example", Ledger.PENDING, item)),
                                1,
                                1)
                        .item()
                        .spike())
                .isEqualTo(report);
        assertThat(SpikeRenderer.summary(Language.EN, report))
                .isEqualTo("Top event stories: Acme outage (9 mentions; "
                        + "Le Monde Tech, Wire). Top authors: Jane Doe (3). Outlets: Wire (6)");
    }
}
