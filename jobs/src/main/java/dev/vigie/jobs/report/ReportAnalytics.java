package dev.vigie.jobs.report;

import dev.vigie.jobs.report.WeeklyReportData.AlertActivity;
import dev.vigie.jobs.report.WeeklyReportData.BrandSentiment;
import dev.vigie.jobs.report.WeeklyReportData.BrandShare;
import dev.vigie.jobs.report.WeeklyReportData.DayVolume;
import dev.vigie.jobs.report.WeeklyReportData.NamedCount;
import dev.vigie.jobs.report.WeeklyReportData.Spike;
import dev.vigie.jobs.report.WeeklyReportData.ThemeTrend;
import dev.vigie.jobs.report.WeeklyReportData.TopSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The weekly report's analytics, on counts already read from Elasticsearch: the day-of-week baseline, spikes, share
 * of voice, net sentiment, theme trends, the share of each outlet and which alert rules were active. Pure functions of
 * their arguments: nothing here talks to Elasticsearch, so each rule is unit-tested on plain numbers.
 */
final class ReportAnalytics {

    /** A brand's (or competitor's) mentions in one week and their sentiment labels, in lower case. */
    record BrandCounts(long mentions, Map<String, Long> labels) {
        BrandCounts {
            labels = Map.copyOf(labels);
        }
    }

    /** An outlet of the week: its name, source type (or {@code null}) and mentions. */
    record Outlet(String name, String type, long mentions) {}

    /** What made a day busy: its top stories and authors. */
    record DayCauses(List<NamedCount> stories, List<NamedCount> authors) {
        DayCauses {
            stories = List.copyOf(stories);
            authors = List.copyOf(authors);
        }
    }

    private ReportAnalytics() {}

    /** True when {@code mentions} on a day stands out against that weekday's {@code baseline}. */
    static boolean isSpike(long mentions, double baseline) {
        return mentions >= WeeklyReportQuery.MIN_SPIKE_MENTIONS
                && mentions >= WeeklyReportQuery.SPIKE_RATIO * Math.max(baseline, 1.0);
    }

    /**
     * The weeks before {@code week} (1 = the week before, up to {@code baselineWeeks}) that count for the baseline:
     * those with at least one mention, as weeks before the watch collected anything are not quiet weeks.
     */
    static List<Integer> historyWeeks(Map<LocalDate, Long> perDay, IsoWeek week, int baselineWeeks) {
        List<Integer> historyWeeks = new ArrayList<>();
        for (int w = 1; w <= baselineWeeks; w++) {
            LocalDate monday = week.minusWeeks(w).monday();
            long total = 0;
            for (int d = 0; d < 7; d++) {
                total += perDay.getOrDefault(monday.plusDays(d), 0L);
            }
            if (total > 0) {
                historyWeeks.add(w);
            }
        }
        return historyWeeks;
    }

    /**
     * The seven days of {@code week}: mentions, mentions of the same weekday a week before, and the baseline (mean of
     * the same weekday over {@code historyWeeks}; 0 without any).
     */
    static List<DayVolume> days(Map<LocalDate, Long> perDay, IsoWeek week, List<Integer> historyWeeks) {
        List<DayVolume> days = new ArrayList<>(7);
        for (int d = 0; d < 7; d++) {
            LocalDate day = week.monday().plusDays(d);
            double sum = 0;
            for (int w : historyWeeks) {
                sum += perDay.getOrDefault(day.minusWeeks(w), 0L);
            }
            double baseline = historyWeeks.isEmpty() ? 0 : sum / historyWeeks.size();
            days.add(new DayVolume(
                    day, perDay.getOrDefault(day, 0L), perDay.getOrDefault(day.minusWeeks(1), 0L), baseline));
        }
        return days;
    }

    /**
     * The days of {@code days} that are spikes, with what caused them. Without any earlier week ({@code historyWeeks}
     * 0) there is no baseline, and calling every busy day a spike would be noise: none.
     */
    static List<Spike> spikes(List<DayVolume> days, int historyWeeks, Map<LocalDate, DayCauses> causes) {
        List<Spike> spikes = new ArrayList<>();
        if (historyWeeks == 0) {
            return spikes;
        }
        for (DayVolume day : days) {
            DayCauses c = causes.get(day.day());
            if (c != null && isSpike(day.mentions(), day.baseline())) {
                spikes.add(new Spike(day.day(), day.mentions(), day.baseline(), c.stories(), c.authors()));
            }
        }
        return spikes;
    }

    /**
     * Counts of the names of {@code allBrands}, matched without case against the brand terms read ({@code terms}, in
     * the order read; the first term matching a name is taken).
     */
    static Map<String, BrandCounts> byBrand(List<String> allBrands, Map<String, BrandCounts> terms) {
        Map<String, BrandCounts> byName = new HashMap<>();
        terms.forEach((key, counts) -> {
            for (String name : allBrands) {
                if (name.equalsIgnoreCase(key) && !byName.containsKey(name)) {
                    byName.put(name, counts);
                }
            }
        });
        return byName;
    }

    /**
     * Share of voice of each of {@code allBrands} this week and the week before: its mentions over the mentions of
     * all of them ({@code null} when there are none).
     */
    static List<BrandShare> shares(
            List<String> allBrands, String own, Map<String, BrandCounts> now, Map<String, BrandCounts> before) {
        long totalNow = total(now);
        long totalBefore = total(before);
        List<BrandShare> shares = new ArrayList<>();
        for (String name : allBrands) {
            long mentionsNow = mentions(now.get(name));
            long mentionsBefore = mentions(before.get(name));
            shares.add(new BrandShare(
                    name,
                    name.equals(own),
                    mentionsNow,
                    mentionsBefore,
                    ratio(mentionsNow, totalNow),
                    ratio(mentionsBefore, totalBefore)));
        }
        return shares;
    }

    /** Sentiment of each of {@code allBrands} this week, with its net sentiment now and the week before. */
    static List<BrandSentiment> sentiments(
            List<String> allBrands, String own, Map<String, BrandCounts> now, Map<String, BrandCounts> before) {
        List<BrandSentiment> sentiments = new ArrayList<>();
        for (String name : allBrands) {
            Map<String, Long> labels = labels(now.get(name));
            sentiments.add(new BrandSentiment(
                    name,
                    name.equals(own),
                    labels.getOrDefault("positive", 0L),
                    labels.getOrDefault("neutral", 0L),
                    labels.getOrDefault("negative", 0L),
                    net(labels),
                    net(labels(before.get(name)))));
        }
        return sentiments;
    }

    /** (positive - negative) / (positive + neutral + negative), {@code null} without any labelled mention. */
    static Double net(Map<String, Long> labels) {
        long pos = labels.getOrDefault("positive", 0L);
        long neg = labels.getOrDefault("negative", 0L);
        long total = pos + neg + labels.getOrDefault("neutral", 0L);
        return total == 0 ? null : (double) (pos - neg) / total;
    }

    /**
     * Every theme seen this week or the week before, with its label ({@code labels}, else its id): the largest rises
     * first, then the busiest, then by id.
     */
    static List<ThemeTrend> themeTrends(Map<String, String> labels, Map<String, Long> now, Map<String, Long> before) {
        TreeSet<String> ids = new TreeSet<>(now.keySet());
        ids.addAll(before.keySet());
        List<ThemeTrend> trends = new ArrayList<>();
        for (String id : ids) {
            trends.add(new ThemeTrend(
                    id, labels.getOrDefault(id, id), now.getOrDefault(id, 0L), before.getOrDefault(id, 0L)));
        }
        trends.sort(Comparator.comparingLong(ThemeTrend::delta)
                .reversed()
                .thenComparing(Comparator.comparingLong(ThemeTrend::mentions).reversed())
                .thenComparing(ThemeTrend::id));
        return trends;
    }

    /** The week's outlets with their mentions the week before and their share of the week's {@code weekMentions}. */
    static List<TopSource> topSources(List<Outlet> outlets, Map<String, Long> before, long weekMentions) {
        List<TopSource> sources = new ArrayList<>();
        for (Outlet o : outlets) {
            sources.add(new TopSource(
                    o.name(),
                    o.type(),
                    o.mentions(),
                    before.getOrDefault(o.name(), 0L),
                    weekMentions == 0 ? 0 : Math.min(1.0, (double) o.mentions() / weekMentions)));
        }
        return sources;
    }

    /** The rules that matched or emailed something this week, by hits, then by name. */
    static List<AlertActivity> activeRules(List<AlertActivity> rules) {
        List<AlertActivity> active = new ArrayList<>();
        for (AlertActivity rule : rules) {
            if (rule.hits() != 0 || rule.emailed() != 0) {
                active.add(rule);
            }
        }
        active.sort(Comparator.comparingLong(AlertActivity::hits).reversed().thenComparing(AlertActivity::rule));
        return active;
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static long total(Map<String, BrandCounts> counts) {
        return counts.values().stream().mapToLong(BrandCounts::mentions).sum();
    }

    private static long mentions(BrandCounts counts) {
        return counts == null ? 0 : counts.mentions();
    }

    private static Map<String, Long> labels(BrandCounts counts) {
        return counts == null ? Map.of() : counts.labels();
    }
}
