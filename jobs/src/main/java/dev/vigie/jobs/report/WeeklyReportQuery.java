package dev.vigie.jobs.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.jobs.report.ReportAnalytics.BrandCounts;
import dev.vigie.jobs.report.WeeklyReportData.DayVolume;
import dev.vigie.jobs.report.WeeklyReportData.Totals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one week of a watch from Elasticsearch into {@link WeeklyReportData}.
 *
 * <p>Only aggregations are used (one request on {@code vigie-mentions}, one on the {@code vigie-alerts} ledger,
 * one bounded request on {@code vigie-page-changes}), so the cost does not grow with the number of mentions: an
 * agency's busiest client costs the same three requests as a quiet one. Every query is filtered on the watch id, so
 * nothing of one client can appear in another's report. Days and weeks are those of the watch's time zone.
 *
 * <p>{@link ReportRequests} builds the searches, {@link ReportAggregations} reads their answers into plain counts,
 * and {@link ReportAnalytics} computes the baselines, spikes, shares of voice and trends from them.
 */
public final class WeeklyReportQuery {

    /** Weeks before the report's week used for the day-of-week baseline of the spike detection. */
    public static final int DEFAULT_BASELINE_WEEKS = 4;
    /** A day is a spike when it has at least this many mentions... */
    public static final long MIN_SPIKE_MENTIONS = 5;
    /** ...and at least this multiple of its day-of-week baseline. */
    public static final double SPIKE_RATIO = 2.0;

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyReportQuery.class);

    private final ElasticsearchClient client;
    private final int baselineWeeks;

    public WeeklyReportQuery(ElasticsearchClient client) {
        this(client, DEFAULT_BASELINE_WEEKS);
    }

    public WeeklyReportQuery(ElasticsearchClient client, int baselineWeeks) {
        this.client = Objects.requireNonNull(client, "client");
        if (baselineWeeks < 1 || baselineWeeks > 12) {
            throw new IllegalArgumentException("baseline weeks must be in 1..12: " + baselineWeeks);
        }
        this.baselineWeeks = baselineWeeks;
    }

    /** True when {@code mentions} on a day stands out against that weekday's {@code baseline}. */
    public static boolean isSpike(long mentions, double baseline) {
        return ReportAnalytics.isSpike(mentions, baseline);
    }

    /** Reads the report's data for {@code week}; an empty week gives an empty (but complete) report. */
    public WeeklyReportData read(ReportScope scope, IsoWeek week) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(week, "week");
        try {
            long started = System.nanoTime();
            SearchResponse<Void> mentions = client.search(
                    ReportRequests.mentions(
                            scope.watch(), week, scope.zone(), scope.locale().getLanguage(), baselineWeeks),
                    Void.class);
            SearchResponse<JsonNode> changes =
                    client.search(ReportRequests.pageChanges(scope.watch(), week, scope.zone()), JsonNode.class);
            SearchResponse<Void> alerts =
                    client.search(ReportRequests.alerts(scope.watch(), week, scope.zone()), Void.class);
            WeeklyReportData data = assemble(scope, week, mentions, changes, alerts);
            LOG.info(
                    "Read report data of watch {} for {}: {} mentions, {} page changes in {} ms",
                    scope.watch(),
                    week,
                    data.totals().mentions(),
                    data.totals().pageChanges(),
                    (System.nanoTime() - started) / 1_000_000);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read week " + week + " of watch " + scope.watch() + " from Elasticsearch", e);
        }
    }

    private WeeklyReportData assemble(
            ReportScope scope,
            IsoWeek week,
            SearchResponse<Void> mentions,
            SearchResponse<JsonNode> changes,
            SearchResponse<Void> alertLedger) {
        Map<String, Aggregate> top = mentions.aggregations();
        Map<String, Aggregate> cur = ReportAggregations.week(top, "week");
        Map<String, Aggregate> prev = ReportAggregations.week(top, "previous");
        long weekCount = ReportAggregations.mentions(top, "week");
        long prevCount = ReportAggregations.mentions(top, "previous");

        Map<LocalDate, Long> perDay = ReportAggregations.perDay(top, scope.zone());
        List<Integer> historyWeeks = ReportAnalytics.historyWeeks(perDay, week, baselineWeeks);
        List<DayVolume> days = ReportAnalytics.days(perDay, week, historyWeeks);

        List<String> brands = scope.allBrands();
        Map<String, BrandCounts> brandsNow = ReportAnalytics.byBrand(brands, ReportAggregations.brands(cur));
        Map<String, BrandCounts> brandsBefore = ReportAnalytics.byBrand(brands, ReportAggregations.brands(prev));

        Totals totals = new Totals(
                weekCount,
                prevCount,
                ReportAggregations.cardinality(cur, "authors"),
                ReportAggregations.cardinality(prev, "authors"),
                ReportAggregations.cardinality(cur, "sources"),
                ReportAggregations.sum(cur, "reach"),
                ReportAggregations.sum(prev, "reach"),
                ReportAggregations.pageChangeCount(changes));

        return new WeeklyReportData(
                scope.watch(),
                scope.brand(),
                week,
                totals,
                ReportAnalytics.shares(brands, scope.brand(), brandsNow, brandsBefore),
                days,
                ReportAnalytics.sentiments(brands, scope.brand(), brandsNow, brandsBefore),
                ReportAggregations.stories(cur),
                ReportAggregations.authors(cur),
                ReportAnalytics.themeTrends(
                        scope.themeLabels(), ReportAggregations.themes(cur), ReportAggregations.themes(prev)),
                ReportAggregations.pageChanges(changes),
                ReportAggregations.alerts(cur),
                ReportAnalytics.spikes(days, historyWeeks.size(), ReportAggregations.dayCauses(cur, scope.zone())),
                historyWeeks.size(),
                ReportAnalytics.topSources(
                        ReportAggregations.outlets(cur), ReportAggregations.outletCounts(prev), weekCount),
                ReportAnalytics.activeRules(ReportAggregations.alertRules(alertLedger.aggregations())));
    }
}
