package dev.vigie.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class WeeklyReportRenderingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Path OUT = Path.of("target", "report-samples");

    @Test
    void frenchReportHasEverySectionInHtmlAndPdf() throws IOException {
        WeeklyReport.Rendered r =
                WeeklyReport.render(SampleReports.scope(Locale.FRANCE), SampleReports.busyWeek(), TODAY);
        WeeklyReport.write(r, OUT.resolve("fr"));

        assertThat(r.html())
                .contains(
                        "Part de voix",
                        "Volume par jour",
                        "Sentiment par marque",
                        "Sujets principaux",
                        "Auteurs les plus influents",
                        "Thèmes en hausse et en baisse",
                        "Changements sur les sites concurrents",
                        "Alertes de la semaine",
                        "Pics de volume",
                        "16 – 22 novembre 2026",
                        "Semaine 2026-W47");
        assertThat(r.subject()).isEqualTo("Rapport hebdomadaire 2026-W47 : Acme, 316 mentions");
        String text = pdfText(r.pdf());
        assertThat(text)
                .contains(
                        "Acme",
                        "Part de voix",
                        "Pics de volume",
                        "Sujets principaux",
                        "Changements sur les sites concurrents",
                        "Mercredi 18 novembre");
        // French number formatting: 2,5 M audience, 53 % share, a decimal comma in points
        // (French separates them with no-break spaces)
        assertThat(text.replaceAll("[\u00a0\u202f]", " ")).contains("2,5 M", "53 %", "+4,8 pts", "+50 %");
    }

    @Test
    void englishReportFormatsNumbersAndDatesTheEnglishWay() throws IOException {
        WeeklyReport.Rendered r = WeeklyReport.render(SampleReports.scope(Locale.UK), SampleReports.busyWeek(), TODAY);
        WeeklyReport.write(r, OUT.resolve("en"));
        String text = pdfText(r.pdf());
        assertThat(text)
                .contains(
                        "Share of voice",
                        "Volume per day",
                        "Top stories",
                        "Top authors by reach",
                        "Themes rising and falling",
                        "Competitor page changes",
                        "Alert hits of the week",
                        "Volume spikes",
                        "16 – 22 November 2026",
                        "Wednesday 18 November",
                        "2.5M",
                        "53%",
                        "+4.8 pts",
                        "+50%");
    }

    @Test
    void alertDeliveriesOfTheLedgerAndTopSourcesAreReportedInBothLanguages() throws IOException {
        WeeklyReport.Rendered en = WeeklyReport.render(SampleReports.scope(Locale.UK), SampleReports.busyWeek(), TODAY);
        String text = pdfText(en.pdf());
        assertThat(text)
                .contains(
                        "Top sources",
                        "mastodon.social",
                        "r/france",
                        "Alert deliveries",
                        "each run",
                        "daily",
                        "panne, outage");
        assertThat(en.html()).contains(">Sent<", ">Messages<", ">Recipients<", ">Pending<");
        assertThat(en.emailText())
                .contains(
                        "Alert deliveries",
                        "- crisis: 27 mentions matched, 27 sent in 9 messages, 0 pending",
                        "- competitor-pricing: 5 mentions matched, 4 sent in 3 messages, 2 pending",
                        "- Le Fil (RSS): 84 Mentions");
        WeeklyReport.Rendered fr =
                WeeklyReport.render(SampleReports.scope(Locale.FRANCE), SampleReports.busyWeek(), TODAY);
        assertThat(pdfText(fr.pdf())).contains("Principales sources", "Envois d’alertes", "quotidien");
        assertThat(fr.html()).contains(">Envoyées<", ">Destinataires<", ">En attente<", ">à chaque exécution<");
        assertThat(fr.emailText().replace('\u00a0', ' '))
                .contains("- competitor-pricing : 5 mentions trouvées, 4 envoyées en 3 messages, 2 en attente");
    }

    @Test
    void alertDeliveriesAreReportedEvenInAWeekWithoutMentions() {
        WeeklyReportData empty = SampleReports.emptyWeek();
        WeeklyReportData pendingOnly = new WeeklyReportData(
                empty.watch(),
                empty.brand(),
                empty.week(),
                empty.totals(),
                empty.shareOfVoice(),
                empty.volumePerDay(),
                empty.sentiment(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                List.of(),
                List.of(new WeeklyReportData.AlertActivity("crisis", "week", 0, 3, 3, 1, 1, 0, List.of("panne"))));
        WeeklyReport.Rendered r = WeeklyReport.render(SampleReports.scope(Locale.UK), pendingOnly, TODAY);
        assertThat(r.html()).contains("No mentions this week", "Alert deliveries", "weekly");
        assertThat(WeeklyReport.render(SampleReports.scope(Locale.UK), empty, TODAY)
                        .html())
                .doesNotContain("Alert deliveries");
    }

    @Test
    void textFromFeedsIsEscapedAndOnlyWebLinksAreClickable() {
        WeeklyReport.Rendered r = WeeklyReport.render(SampleReports.scope(Locale.UK), SampleReports.busyWeek(), TODAY);
        assertThat(r.html())
                .contains("Acme &lt;b&gt;outage&lt;/b&gt; hits customers across Europe &amp; the UK")
                .doesNotContain("<b>outage</b>")
                .contains("href=\"https://news.example/acme-outage\"")
                .doesNotContain("javascript:")
                .contains("Initech hires a new CTO");
    }

    @Test
    void emailVersionReferencesInlineChartsAndHasAPlainTextAlternative() {
        WeeklyReport.Rendered r = WeeklyReport.render(SampleReports.scope(Locale.UK), SampleReports.busyWeek(), TODAY);
        assertThat(r.charts()).containsOnlyKeys("share-of-voice", "volume-per-day", "sentiment");
        assertThat(r.emailHtml())
                .contains("src=\"cid:share-of-voice\"", "src=\"cid:volume-per-day\"", "src=\"cid:sentiment\"")
                .doesNotContain("data:image/png");
        assertThat(r.emailText())
                .contains(
                        "Weekly competitive watch: Acme",
                        "Mentions: 316 (▲ +50% vs previous week)",
                        "1. Acme <b>outage</b> hits customers across Europe & the UK (64 Mentions, 9 Sources)",
                        "attached as a PDF")
                .doesNotContain("&amp;", "&lt;");
    }

    @Test
    void controlCharactersFromScrapedTextDoNotBreakThePdf() throws IOException {
        WeeklyReportData busy = SampleReports.busyWeek();
        WeeklyReportData.Story dirty = new WeeklyReportData.Story(
                "s9", "Bad\u0001 feed\u000B title \uD800 😀 end", "https://x.example/", 3, 1, 0.1, 10);
        java.util.List<WeeklyReportData.Story> stories = new java.util.ArrayList<>(busy.topStories());
        stories.add(dirty);
        WeeklyReportData data = new WeeklyReportData(
                busy.watch(),
                busy.brand(),
                busy.week(),
                busy.totals(),
                busy.shareOfVoice(),
                busy.volumePerDay(),
                busy.sentiment(),
                stories,
                busy.topAuthors(),
                busy.themes(),
                busy.pageChanges(),
                busy.alerts(),
                busy.spikes(),
                busy.baselineWeeks(),
                busy.topSources(),
                busy.alertActivity());
        WeeklyReport.Rendered r = WeeklyReport.render(SampleReports.scope(Locale.UK), data, TODAY);
        assertThat(r.html()).contains("Bad feed title  😀 end");
        assertThat(pdfText(r.pdf())).contains("Bad feed title");
    }

    @Test
    void hugeTitlesNamesAndLinksFromFeedsAreCapped() {
        WeeklyReportData busy = SampleReports.busyWeek();
        String huge = "Acme outage ".repeat(9_000);
        String link = "https://news.example/" + "a".repeat(100_000);
        java.util.List<WeeklyReportData.Story> stories = new java.util.ArrayList<>(busy.topStories());
        stories.add(new WeeklyReportData.Story("s9", huge, link, 3, 1, 0.1, 10));
        java.util.List<WeeklyReportData.Author> authors = new java.util.ArrayList<>(busy.topAuthors());
        authors.add(new WeeklyReportData.Author(huge, huge, "mastodon", 10, 10, 1));
        java.util.List<WeeklyReportData.TopSource> sources = new java.util.ArrayList<>(busy.topSources());
        sources.add(new WeeklyReportData.TopSource(huge, "feed", 3, 1, 0.01));
        java.util.List<WeeklyReportData.AlertHits> alerts = java.util.List.of(new WeeklyReportData.AlertHits(
                "crisis",
                27,
                java.util.List.of(new WeeklyReportData.MentionRef(
                        huge, link, huge, java.time.Instant.parse("2026-11-18T09:30:00Z")))));
        java.util.List<WeeklyReportData.Spike> spikes = java.util.List.of(new WeeklyReportData.Spike(
                SampleReports.WEEK.monday().plusDays(2),
                121,
                38.25,
                java.util.List.of(new WeeklyReportData.NamedCount(huge, link, 58)),
                java.util.List.of(new WeeklyReportData.NamedCount(huge, null, 3))));
        WeeklyReportData data = new WeeklyReportData(
                busy.watch(),
                busy.brand(),
                busy.week(),
                busy.totals(),
                busy.shareOfVoice(),
                busy.volumePerDay(),
                busy.sentiment(),
                stories,
                authors,
                busy.themes(),
                busy.pageChanges(),
                alerts,
                spikes,
                busy.baselineWeeks(),
                sources,
                busy.alertActivity());
        WeeklyReport.Rendered plain = WeeklyReport.render(SampleReports.scope(Locale.UK), busy, TODAY);

        WeeklyReport.Rendered r = WeeklyReport.render(SampleReports.scope(Locale.UK), data, TODAY);

        assertThat(r.emailHtml().length())
                .as("email html")
                .isLessThan(plain.emailHtml().length() + 10_000);
        assertThat(r.emailText().length())
                .as("email text")
                .isLessThan(plain.emailText().length() + 3_000);
        assertThat(r.html()).contains("Acme outage Acme outage").doesNotContain("aaaaaaaaaa".repeat(300));
    }

    @Test
    void emptyWeekSaysSoInsteadOfFailing() throws IOException {
        WeeklyReport.Rendered r = WeeklyReport.render(SampleReports.scope(Locale.UK), SampleReports.emptyWeek(), TODAY);
        WeeklyReport.write(r, OUT.resolve("empty"));
        String text = pdfText(r.pdf());
        assertThat(text).contains("No mentions this week", "Acme", "No change detected on competitors");
        assertThat(r.html()).doesNotContain("data:image/png");
        try (PDDocument pdf = Loader.loadPDF(r.pdf())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void busyWeekFillsSeveralPagesWithItsThreeCharts() throws IOException {
        WeeklyReport.Rendered r =
                WeeklyReport.render(SampleReports.scope(Locale.FRANCE), SampleReports.busyWeek(), TODAY);
        assertThat(r.html().split("data:image/png;base64,", -1)).hasSize(4);
        try (PDDocument pdf = Loader.loadPDF(r.pdf())) {
            assertThat(pdf.getNumberOfPages()).isBetween(2, 4);
            assertThat(pdf.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
    }

    @Test
    void refusesDataOfAnotherWatch() {
        ReportScope other = new ReportScope(
                "globex",
                "Globex",
                java.util.List.of(),
                java.util.Map.of(),
                Locale.UK,
                java.time.ZoneOffset.UTC,
                java.util.List.of());
        assertThatThrownBy(() -> WeeklyReport.render(other, SampleReports.busyWeek(), TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acme");
    }

    @Test
    void reportDataMustStartWithTheBrandAndCoverSevenDays() {
        WeeklyReportData busy = SampleReports.busyWeek();
        assertThatThrownBy(() -> new WeeklyReportData(
                        busy.watch(),
                        busy.brand(),
                        busy.week(),
                        busy.totals(),
                        busy.shareOfVoice().subList(1, 3),
                        busy.volumePerDay(),
                        busy.sentiment(),
                        busy.topStories(),
                        busy.topAuthors(),
                        busy.themes(),
                        busy.pageChanges(),
                        busy.alerts(),
                        busy.spikes(),
                        4,
                        busy.topSources(),
                        busy.alertActivity()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Acme'");
        assertThatThrownBy(() -> new WeeklyReportData(
                        busy.watch(),
                        busy.brand(),
                        busy.week(),
                        busy.totals(),
                        busy.shareOfVoice(),
                        busy.volumePerDay().subList(0, 6),
                        busy.sentiment(),
                        busy.topStories(),
                        busy.topAuthors(),
                        busy.themes(),
                        busy.pageChanges(),
                        busy.alerts(),
                        busy.spikes(),
                        4,
                        busy.topSources(),
                        busy.alertActivity()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 days");
        assertThatThrownBy(() -> new WeeklyReportData.BrandShare("Acme", true, 1, 0, 1.5, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
