package dev.vigie.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.report.WeeklyReportData.AlertActivity;
import dev.vigie.jobs.report.WeeklyReportData.BrandShare;
import dev.vigie.jobs.report.WeeklyReportData.DayVolume;
import dev.vigie.jobs.report.WeeklyReportData.Spike;
import dev.vigie.jobs.report.WeeklyReportData.Story;
import dev.vigie.jobs.report.WeeklyReportData.TopSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report's data computed by real Elasticsearch aggregations over two weeks of fixture documents (plus the
 * baseline weeks), checked section by section and pinned by a golden file.
 */
@ExtendWith(ElasticsearchExtension.class)
class WeeklyReportQueryIT {

    /** Run with {@code -Dvigie.golden.update=true} to rewrite the golden file after an intended change. */
    static final Path GOLDEN = Path.of("src/test/resources/report/golden/acme-it-2026-W47.json");

    private static WeeklyReportData data;

    @BeforeAll
    static void indexFixtures(ElasticsearchClient es) throws IOException {
        ReportFixtures.index(es);
        data = new WeeklyReportQuery(es).read(ReportFixtures.scope(Locale.FRANCE), ReportFixtures.WEEK);
    }

    @Test
    void countsTheWeekInTheWatchTimeZone() {
        // 7 days x 6 ordinary mentions + 12 for the outage + the Sunday 23:30 Paris mention (not the Monday one)
        assertThat(data.totals().mentions()).isEqualTo(7 * 6 + 12 + 1);
        assertThat(data.totals().previousMentions()).isEqualTo(7 * 5);
        assertThat(data.volumePerDay()).extracting(DayVolume::mentions).containsExactly(6L, 6L, 18L, 6L, 6L, 6L, 7L);
        assertThat(data.volumePerDay())
                .extracting(DayVolume::previousWeekMentions)
                .containsOnly(5L);
        assertThat(data.volumePerDay()).extracting(DayVolume::baseline).containsOnly(5.0);
    }

    @Test
    void shareOfVoiceComparesTheBrandWithEachCompetitorAndLastWeek() {
        assertThat(data.shareOfVoice()).extracting(BrandShare::name).containsExactly("Acme", "Globex", "Initech");
        BrandShare acme = data.shareOfVoice().get(0);
        assertThat(acme.own()).isTrue();
        assertThat(acme.mentions()).isEqualTo(7 * 3 + 12 + 1);
        assertThat(acme.share()).isEqualTo(34.0 / 55);
        assertThat(acme.previousShare()).isEqualTo(28.0 / 35);
        assertThat(data.shareOfVoice().get(2).previousShare()).isZero();
    }

    @Test
    void sentimentPerBrandWithLastWeeksNet() {
        var globex = data.sentiment().get(1);
        assertThat(globex.negative()).isEqualTo(14);
        assertThat(globex.net()).isEqualTo(-1.0);
        assertThat(globex.previousNet()).isEqualTo(1.0);
    }

    @Test
    void topStoryIsTheOutageWithItsSourcesAndBestTitle() {
        Story top = data.topStories().get(0);
        assertThat(top.storyId()).isEqualTo("story-outage");
        assertThat(top.mentions()).isEqualTo(12);
        assertThat(top.sources()).isEqualTo(4);
        assertThat(top.title()).startsWith("Panne géante chez Acme");
        // a story without any title is shown by the start of its text, never left blank
        assertThat(data.topStories()).allSatisfy(s -> assertThat(s.title()).isNotBlank());
    }

    @Test
    void spikeOnWednesdayIsExplainedByTheOutageAndItsAuthors() {
        assertThat(data.baselineWeeks()).isEqualTo(3);
        assertThat(data.spikes())
                .extracting(Spike::day)
                .containsExactly(ReportFixtures.WEEK.monday().plusDays(2));
        Spike spike = data.spikes().get(0);
        assertThat(spike.baseline()).isEqualTo(5.0);
        assertThat(spike.stories().get(0).name()).startsWith("Panne géante chez Acme");
        assertThat(spike.stories().get(0).mentions()).isEqualTo(12);
        assertThat(spike.authors().get(0).name()).isEqualTo("Le Monde Tech");
    }

    @Test
    void themesRiseAndFallAgainstLastWeek() {
        assertThat(data.themes().get(0).id()).isEqualTo("support");
        assertThat(data.themes().get(0).label()).isEqualTo("Service client");
        assertThat(data.themes().get(0).delta()).isEqualTo(12);
        assertThat(data.themes().get(data.themes().size() - 1).id()).isEqualTo("product");
    }

    @Test
    void pageChangesAndAlertsAreThoseOfTheWeek() {
        assertThat(data.pageChanges())
                .extracting(WeeklyReportData.PageChange::competitor)
                .containsExactly("Globex", "Initech");
        assertThat(data.pageChanges().get(0).removed()).containsExactly("Pro : 35 € / mois");
        assertThat(data.alerts()).hasSize(1);
        assertThat(data.alerts().get(0).rule()).isEqualTo("crisis");
        assertThat(data.alerts().get(0).mentions()).isEqualTo(12);
        assertThat(data.alerts().get(0).examples()).hasSize(3);
    }

    @Test
    void alertEmailsOfTheWeekComeFromTheLedgerPerRule() {
        assertThat(data.alertActivity())
                .containsExactly(
                        // 12 outage mentions to two people in three dispatches: 6 emails; 2 hits the week before
                        new AlertActivity("crisis", "run", 12, 2, 12, 6, 2, 0, List.of("panne", "outage")),
                        // a daily digest: Sunday's hits wait for Monday, last Sunday's went out this Monday
                        new AlertActivity("competitor-pricing", "day", 5, 1, 4, 3, 1, 2, List.of("prix", "tarif")));
    }

    @Test
    void topSourcesAreTheOutletsThatPublishedTheWeeksMentions() {
        assertThat(data.topSources())
                .extracting(TopSource::name)
                .containsExactly("Le Fil", "bsky.app", "mastodon.social", "Hacker News", "r/marketing", "Le Monde");
        assertThat(data.topSources().get(0)).isEqualTo(new TopSource("Le Fil", "rss", 18, 14, 18.0 / 55));
        assertThat(data.topSources().get(2)).isEqualTo(new TopSource("mastodon.social", "mastodon", 10, 21, 10.0 / 55));
    }

    @Test
    void nothingOfAnotherWatchLeaksIn() throws IOException {
        String json = json(data);
        assertThat(json)
                .doesNotContain(
                        "other-it", "Other client", "Secret Source", "Other Author", "leak", "globex.example/secret");
    }

    @Test
    void anotherWatchSeesOnlyItsOwnDocuments(ElasticsearchClient es) {
        ReportScope other = new ReportScope(
                ReportFixtures.OTHER_WATCH,
                "Acme",
                java.util.List.of("Globex"),
                java.util.Map.of(),
                Locale.UK,
                ReportFixtures.PARIS,
                java.util.List.of());
        WeeklyReportData theirs = new WeeklyReportQuery(es).read(other, ReportFixtures.WEEK);
        assertThat(theirs.totals().mentions()).isEqualTo(30);
        assertThat(theirs.topStories()).extracting(Story::storyId).containsExactly("story-leak");
        assertThat(theirs.pageChanges()).hasSize(1);
        assertThat(theirs.alertActivity()).extracting(AlertActivity::rule).containsExactly("leak-rule");
    }

    @Test
    void aWeekWithoutDataIsEmptyNotAnError(ElasticsearchClient es) {
        WeeklyReportData empty =
                new WeeklyReportQuery(es).read(ReportFixtures.scope(Locale.UK), IsoWeek.parse("2025-W10"));
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.volumePerDay()).hasSize(7);
        assertThat(empty.spikes()).isEmpty();
        assertThat(empty.shareOfVoice()).allSatisfy(s -> assertThat(s.share()).isNull());
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        String actual = json(data);
        if (Boolean.getBoolean("vigie.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        if (!Files.exists(GOLDEN)) {
            fail("golden file " + GOLDEN + " is missing: run once with -Dvigie.golden.update=true and review it");
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    static String json(WeeklyReportData data) throws IOException {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        return mapper.writeValueAsString(data) + "\n";
    }
}
