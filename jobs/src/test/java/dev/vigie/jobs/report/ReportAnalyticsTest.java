package dev.vigie.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigie.jobs.report.ReportAnalytics.BrandCounts;
import dev.vigie.jobs.report.ReportAnalytics.DayCauses;
import dev.vigie.jobs.report.ReportAnalytics.Outlet;
import dev.vigie.jobs.report.WeeklyReportData.AlertActivity;
import dev.vigie.jobs.report.WeeklyReportData.BrandSentiment;
import dev.vigie.jobs.report.WeeklyReportData.BrandShare;
import dev.vigie.jobs.report.WeeklyReportData.DayVolume;
import dev.vigie.jobs.report.WeeklyReportData.NamedCount;
import dev.vigie.jobs.report.WeeklyReportData.Spike;
import dev.vigie.jobs.report.WeeklyReportData.ThemeTrend;
import dev.vigie.jobs.report.WeeklyReportData.TopSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's analytics on plain counts, without Elasticsearch. */
class ReportAnalyticsTest {
    /** 2026-W10: Monday 2 March 2026. */
    private static final IsoWeek WEEK = IsoWeek.parse("2026-W10");

    private static final LocalDate MONDAY = WEEK.monday();

    @Test
    void theBaselineIsTheMeanOfTheSameWeekdayOverTheWeeksThatHadMentions() {
        Map<LocalDate, Long> perDay = new HashMap<>();
        perDay.put(MONDAY.minusWeeks(1), 4L);
        perDay.put(MONDAY.minusWeeks(2), 2L);
        // three and four weeks before: nothing collected yet, they do not count as quiet weeks
        perDay.put(MONDAY, 9L);
        perDay.put(MONDAY.plusDays(1).minusWeeks(2), 6L);

        List<Integer> history = ReportAnalytics.historyWeeks(perDay, WEEK, 4);
        List<DayVolume> days = ReportAnalytics.days(perDay, WEEK, history);

        assertThat(history).containsExactly(1, 2);
        assertThat(days).hasSize(7);
        assertThat(days.get(0)).isEqualTo(new DayVolume(MONDAY, 9, 4, 3.0));
        assertThat(days.get(1)).isEqualTo(new DayVolume(MONDAY.plusDays(1), 0, 0, 3.0));
        assertThat(days.get(6).day()).isEqualTo(WEEK.sunday());
        assertThat(ReportAnalytics.days(perDay, WEEK, List.of()).get(0).baseline())
                .isZero();
    }

    @Test
    void aSpikeNeedsEnoughMentionsAndTwiceItsBaseline() {
        assertThat(ReportAnalytics.isSpike(5, 0))
                .as("5 mentions over no baseline")
                .isTrue();
        assertThat(ReportAnalytics.isSpike(4, 0)).as("too few to be news").isFalse();
        assertThat(ReportAnalytics.isSpike(10, 5)).isTrue();
        assertThat(ReportAnalytics.isSpike(9, 5))
                .as("less than twice the baseline")
                .isFalse();
        assertThat(WeeklyReportQuery.isSpike(9, 5)).isFalse();
    }

    @Test
    void spikesAreTheDaysAboveTheirBaselineWithWhatCausedThem() {
        List<DayVolume> days = List.of(
                new DayVolume(MONDAY, 12, 2, 3.0),
                new DayVolume(MONDAY.plusDays(1), 4, 1, 1.0),
                new DayVolume(MONDAY.plusDays(2), 20, 0, 2.0));
        DayCauses causes = new DayCauses(
                List.of(new NamedCount("Outage at Acme", "https://n.example/1", 8)),
                List.of(new NamedCount("@reporter", null, 3)));
        Map<LocalDate, DayCauses> byDay = Map.of(MONDAY, causes, MONDAY.plusDays(1), causes);

        List<Spike> spikes = ReportAnalytics.spikes(days, 2, byDay);

        assertThat(spikes).singleElement().satisfies(s -> {
            assertThat(s.day()).isEqualTo(MONDAY);
            assertThat(s.mentions()).isEqualTo(12);
            assertThat(s.stories()).extracting(NamedCount::name).containsExactly("Outage at Acme");
            assertThat(s.authors()).extracting(NamedCount::name).containsExactly("@reporter");
        });
        assertThat(ReportAnalytics.spikes(days, 0, byDay))
                .as("no earlier week, no baseline, no spike")
                .isEmpty();
    }

    @Test
    void shareOfVoiceIsEachBrandsMentionsOverAllOfThem() {
        Map<String, BrandCounts> terms = new LinkedHashMap<>();
        terms.put("acme", new BrandCounts(30, Map.of("positive", 10L, "neutral", 15L, "negative", 5L)));
        terms.put("Globex", new BrandCounts(10, Map.of("negative", 10L)));
        terms.put("initech", new BrandCounts(99, Map.of()));
        Map<String, BrandCounts> now = ReportAnalytics.byBrand(List.of("Acme", "Globex"), terms);
        Map<String, BrandCounts> before =
                ReportAnalytics.byBrand(List.of("Acme", "Globex"), Map.of("Acme", new BrandCounts(5, Map.of())));

        List<BrandShare> shares = ReportAnalytics.shares(List.of("Acme", "Globex"), "Acme", now, before);

        assertThat(now)
                .as("matched without case; a term of no watched brand is left out")
                .containsOnlyKeys("Acme", "Globex");
        assertThat(shares)
                .containsExactly(
                        new BrandShare("Acme", true, 30, 5, 0.75, 1.0),
                        new BrandShare("Globex", false, 10, 0, 0.25, 0.0));
        assertThat(ReportAnalytics.shares(List.of("Acme"), "Acme", Map.of(), Map.of())
                        .get(0)
                        .share())
                .as("no mentions: no share")
                .isNull();
    }

    @Test
    void netSentimentIsPositiveMinusNegativeOverLabelledMentions() {
        Map<String, BrandCounts> now =
                Map.of("Acme", new BrandCounts(30, Map.of("positive", 10L, "neutral", 15L, "negative", 5L)));

        List<BrandSentiment> sentiments = ReportAnalytics.sentiments(List.of("Acme", "Globex"), "Acme", now, Map.of());

        assertThat(sentiments.get(0)).isEqualTo(new BrandSentiment("Acme", true, 10, 15, 5, 5.0 / 30, null));
        assertThat(sentiments.get(1).net()).as("no labelled mention").isNull();
        assertThat(ReportAnalytics.net(Map.of("negative", 3L))).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void themesAreListedByRiseThenVolumeThenIdWithTheirLabels() {
        List<ThemeTrend> trends = ReportAnalytics.themeTrends(
                Map.of("product", "Produit"),
                Map.of("product", 10L, "support", 4L, "pricing", 4L),
                Map.of("product", 2L, "jobs", 3L));

        assertThat(trends).extracting(ThemeTrend::id).containsExactly("product", "pricing", "support", "jobs");
        assertThat(trends.get(0)).isEqualTo(new ThemeTrend("product", "Produit", 10, 2));
        assertThat(trends.get(1).label()).as("no label: the id").isEqualTo("pricing");
    }

    @Test
    void anOutletsShareIsOfTheWeeksMentions() {
        List<TopSource> sources = ReportAnalytics.topSources(
                List.of(new Outlet("news.example", "feed", 6), new Outlet("mastodon.social", null, 2)),
                Map.of("news.example", 1L),
                8);

        assertThat(sources)
                .containsExactly(
                        new TopSource("news.example", "feed", 6, 1, 0.75),
                        new TopSource("mastodon.social", null, 2, 0, 0.25));
        assertThat(ReportAnalytics.topSources(List.of(new Outlet("x", null, 3)), Map.of(), 0)
                        .get(0)
                        .share())
                .isZero();
    }

    @Test
    void alertRulesThatNeitherMatchedNorSentAreLeftOutAndTheRestGoByHits() {
        AlertActivity quiet = new AlertActivity("quiet", "run", 0, 7, 0, 0, 0, 0, List.of());
        AlertActivity digest = new AlertActivity("digest", "week", 0, 2, 3, 1, 1, 0, List.of());
        AlertActivity crisis = new AlertActivity("crisis", "run", 4, 0, 4, 4, 1, 0, List.of("outage"));
        AlertActivity brand = new AlertActivity("brand", "day", 4, 1, 0, 0, 0, 4, List.of());

        assertThat(ReportAnalytics.activeRules(List.of(quiet, digest, crisis, brand)))
                .extracting(AlertActivity::rule)
                .containsExactly("brand", "crisis", "digest");
    }
}
