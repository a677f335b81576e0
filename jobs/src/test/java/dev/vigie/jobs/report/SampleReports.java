package dev.vigie.jobs.report;

import dev.vigie.jobs.report.WeeklyReportData.AlertActivity;
import dev.vigie.jobs.report.WeeklyReportData.AlertHits;
import dev.vigie.jobs.report.WeeklyReportData.Author;
import dev.vigie.jobs.report.WeeklyReportData.BrandSentiment;
import dev.vigie.jobs.report.WeeklyReportData.BrandShare;
import dev.vigie.jobs.report.WeeklyReportData.DayVolume;
import dev.vigie.jobs.report.WeeklyReportData.MentionRef;
import dev.vigie.jobs.report.WeeklyReportData.NamedCount;
import dev.vigie.jobs.report.WeeklyReportData.PageChange;
import dev.vigie.jobs.report.WeeklyReportData.Spike;
import dev.vigie.jobs.report.WeeklyReportData.Story;
import dev.vigie.jobs.report.WeeklyReportData.ThemeTrend;
import dev.vigie.jobs.report.WeeklyReportData.TopSource;
import dev.vigie.jobs.report.WeeklyReportData.Totals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Hand-written report data for rendering tests, independent of Elasticsearch. */
final class SampleReports {

    static final IsoWeek WEEK = IsoWeek.parse("2026-W47");

    private SampleReports() {}

    static ReportScope scope(Locale locale) {
        return new ReportScope(
                "acme",
                "Acme",
                List.of("Globex", "Initech"),
                Map.of("product", "Produit", "pricing", "Prix", "support", "Service client"),
                locale,
                java.time.ZoneId.of("Europe/Paris"),
                List.of("direction@acme.example"));
    }

    static WeeklyReportData busyWeek() {
        List<DayVolume> days = new ArrayList<>();
        long[] now = {42, 38, 121, 45, 40, 18, 12};
        long[] before = {35, 40, 37, 41, 33, 15, 10};
        double[] baseline = {36.5, 39.0, 38.25, 40.0, 35.0, 14.5, 11.0};
        for (int d = 0; d < 7; d++) {
            days.add(new DayVolume(WEEK.monday().plusDays(d), now[d], before[d], baseline[d]));
        }
        return new WeeklyReportData(
                "acme",
                "Acme",
                WEEK,
                new Totals(316, 211, 188, 140, 23, 2_450_000, 1_830_000, 3),
                List.of(
                        new BrandShare("Acme", true, 190, 120, 190 / 360.0, 120 / 250.0),
                        new BrandShare("Globex", false, 130, 95, 130 / 360.0, 95 / 250.0),
                        new BrandShare("Initech", false, 40, 35, 40 / 360.0, 35 / 250.0)),
                days,
                List.of(
                        new BrandSentiment("Acme", true, 70, 80, 40, 30 / 190.0, 0.25),
                        new BrandSentiment("Globex", false, 30, 70, 30, 0.0, -0.05),
                        new BrandSentiment("Initech", false, 12, 20, 8, 0.1, 0.2)),
                List.of(
                        new Story(
                                "s1",
                                "Acme <b>outage</b> hits customers across Europe & the UK",
                                "https://news.example/acme-outage",
                                64,
                                9,
                                0.91,
                                820_000),
                        new Story(
                                "s2",
                                "Globex lowers its Pro plan price to 29 €",
                                "https://globex.example/blog/pro",
                                31,
                                5,
                                0.84,
                                310_000),
                        new Story("s3", "Initech hires a new CTO", "javascript:alert(1)", 12, 3, 0.55, 42_000)),
                List.of(
                        new Author("Le Monde Tech", "@lemondetech", "mastodon", 1_200_000, 1_450_000, 3),
                        new Author("Jane Doe", "@jane", "bluesky", 48_000, 96_000, 2)),
                List.of(
                        new ThemeTrend("support", "Service client", 58, 21),
                        new ThemeTrend("pricing", "Prix", 40, 32),
                        new ThemeTrend("product", "Produit", 25, 44)),
                List.of(
                        new PageChange(
                                "Globex",
                                "https://globex.example/pricing",
                                "Tarifs",
                                Instant.parse("2026-11-17T08:12:00Z"),
                                "price",
                                List.of("Pro: 29 € / month"),
                                List.of("Pro: 35 € / month"),
                                0.4),
                        new PageChange(
                                "Initech",
                                "https://initech.example/careers",
                                null,
                                Instant.parse("2026-11-19T10:00:00Z"),
                                "jobs",
                                List.of("Senior data engineer (Paris)"),
                                List.of(),
                                0.1)),
                List.of(new AlertHits(
                        "crisis",
                        27,
                        List.of(new MentionRef(
                                "Panne géante chez Acme",
                                "https://news.example/panne",
                                "Le Fil",
                                Instant.parse("2026-11-18T09:30:00Z"))))),
                List.of(new Spike(
                        WEEK.monday().plusDays(2),
                        121,
                        38.25,
                        List.of(new NamedCount(
                                "Acme <b>outage</b> hits customers across Europe & the UK",
                                "https://news.example/acme-outage",
                                58)),
                        List.of(new NamedCount("Le Monde Tech", null, 3)))),
                4,
                List.of(
                        new TopSource("Le Fil", "feed", 84, 60, 84 / 316.0),
                        new TopSource("mastodon.social", "mastodon", 51, 51, 51 / 316.0),
                        new TopSource("r/france", "reddit", 20, 0, 20 / 316.0)),
                List.of(
                        new AlertActivity("crisis", "run", 27, 2, 27, 9, 3, 0, List.of("panne", "outage")),
                        new AlertActivity("competitor-pricing", "day", 5, 1, 4, 3, 1, 2, List.of("prix"))));
    }

    static WeeklyReportData emptyWeek() {
        List<DayVolume> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            days.add(new DayVolume(WEEK.monday().plusDays(d), 0, 0, 0));
        }
        return new WeeklyReportData(
                "acme",
                "Acme",
                WEEK,
                new Totals(0, 0, 0, 0, 0, 0, 0, 0),
                List.of(
                        new BrandShare("Acme", true, 0, 0, null, null),
                        new BrandShare("Globex", false, 0, 0, null, null)),
                days,
                List.of(
                        new BrandSentiment("Acme", true, 0, 0, 0, null, null),
                        new BrandSentiment("Globex", false, 0, 0, 0, null, null)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                List.of(),
                List.of());
    }
}
