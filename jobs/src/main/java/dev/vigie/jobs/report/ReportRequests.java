package dev.vigie.jobs.report;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.util.NamedValue;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.fields.AlertHitFields;
import dev.vigie.dashboards.fields.MentionFields;
import dev.vigie.dashboards.fields.PageChangeFields;
import dev.vigie.jobs.mail.internal.Ledger;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three searches of the weekly report, built without sending them: aggregations only on {@code vigie-mentions}
 * and on the {@code vigie-alerts} ledger, one bounded page of {@code vigie-page-changes}. Every query is filtered on
 * the watch id, so nothing of one client can appear in another's report. {@link ReportAggregations} reads the answers
 * by the aggregation names used here.
 */
final class ReportRequests {

    static final int TOP_STORIES = 8;
    /** Outlets named per story (the count says how many there are in all). */
    static final int STORY_OUTLETS = 6;

    static final int TOP_AUTHORS = 8;
    static final int TOP_SOURCES = 8;
    static final int MATCHED_TERMS = 3;
    static final int ALERT_EXAMPLES = 3;
    static final int MAX_PAGE_CHANGES = 40;
    static final int SPIKE_CAUSES = 3;

    /** What a story, spike or alert example shows of a mention. */
    private static final List<String> SHOWN = List.of(MentionFields.TITLE, MentionFields.TEXT, MentionFields.URL);

    private ReportRequests() {}

    /**
     * Mentions of {@code watch}: mentions per day from {@code baselineWeeks} before {@code week} to its end (the
     * baseline), and the aggregations of the week (in detail) and of the week before (to compare).
     *
     * @param lang the report's language, in which stories are titled when they can be
     */
    static SearchRequest mentions(String watch, IsoWeek week, ZoneId zone, String lang, int baselineWeeks) {
        IsoWeek first = week.minusWeeks(baselineWeeks);
        Query inRange = Query.of(q -> q.bool(b -> b.filter(
                        f -> f.term(t -> t.field(MentionFields.WATCH).value(watch)))
                .filter(f -> f.range(r -> r.date(d -> d.field(MentionFields.PUBLISHED_AT)
                        .gte(first.start(zone).toString())
                        .lt(week.end(zone).toString()))))));
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put(
                "per_day",
                Aggregation.of(a -> a.dateHistogram(h -> h.field(MentionFields.PUBLISHED_AT)
                        .calendarInterval(CalendarInterval.Day)
                        .minDocCount(0)
                        .timeZone(zone.getId())
                        .extendedBounds(e -> e.min(FieldDateMath.of(
                                        m -> m.expr(first.monday().toString())))
                                .max(FieldDateMath.of(m -> m.expr(week.sunday().toString()))))
                        .format("yyyy-MM-dd"))));
        aggs.put(
                "week",
                Aggregation.of(a -> a.filter(publishedIn(week, zone)).aggregations(weekAggregations(zone, lang))));
        aggs.put(
                "previous",
                Aggregation.of(
                        a -> a.filter(publishedIn(week.previous(), zone)).aggregations(weekAggregations(null, lang))));
        return SearchRequest.of(s -> s.index(IndexTemplates.MENTIONS)
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .size(0)
                .trackTotalHits(t -> t.enabled(false))
                .query(inRange)
                .aggregations(aggs));
    }

    private static Query publishedIn(IsoWeek week, ZoneId zone) {
        return inWeek(MentionFields.PUBLISHED_AT, week, zone);
    }

    /**
     * Aggregations of one week; the details (stories, authors, alerts, days) only when {@code zone} is given. Stories
     * are event stories ({@code event.id}: one event across outlets and languages), titled by their earliest mention
     * in the report's language {@code lang}, else by their best-curated one.
     */
    private static Map<String, Aggregation> weekAggregations(ZoneId zone, String lang) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put(
                "brands",
                Aggregation.of(a -> a.terms(t -> t.field(MentionFields.BRANDS).size(100))
                        .aggregations(
                                "sentiment",
                                s -> s.terms(t ->
                                        t.field(MentionFields.SENTIMENT_LABEL).size(10)))));
        aggs.put(
                "themes",
                Aggregation.of(a -> a.terms(t -> t.field(MentionFields.THEMES).size(100))));
        aggs.put("authors", Aggregation.of(a -> a.cardinality(c -> c.field(MentionFields.AUTHOR_NAME))));
        aggs.put("reach", Aggregation.of(a -> a.sum(s -> s.field(MentionFields.REACH))));
        // the week's top outlets, and enough of last week's to compare them with
        aggs.put(
                "outlets",
                Aggregation.of(a -> a.terms(t -> t.field(MentionFields.SOURCE_NAME)
                                .size(zone == null ? 500 : TOP_SOURCES)
                                .order(byCountThenKey()))
                        .aggregations(
                                "type",
                                b -> b.terms(
                                        t -> t.field(MentionFields.SOURCE_TYPE).size(1)))));
        if (zone == null) {
            return aggs;
        }
        aggs.put("sources", Aggregation.of(a -> a.cardinality(c -> c.field(MentionFields.SOURCE_NAME))));
        aggs.put(
                "stories",
                Aggregation.of(a -> a.terms(t -> t.field(MentionFields.EVENT_ID)
                                .size(TOP_STORIES * 3)
                                .order(List.of(
                                        NamedValue.of("_count", SortOrder.Desc),
                                        NamedValue.of("best", SortOrder.Desc),
                                        NamedValue.of("_key", SortOrder.Asc))))
                        .aggregations("best", b -> b.max(m -> m.field(MentionFields.CURATION_SCORE)))
                        .aggregations("sources", b -> b.cardinality(c -> c.field(MentionFields.SOURCE_NAME)))
                        .aggregations(
                                "outlets",
                                b -> b.terms(t -> t.field(MentionFields.SOURCE_NAME)
                                        .size(STORY_OUTLETS)
                                        .order(byCountThenKey())))
                        .aggregations(
                                "languages",
                                b -> b.terms(t -> t.field(MentionFields.LANG).size(10)))
                        .aggregations("first_seen", b -> b.min(m -> m.field(MentionFields.PUBLISHED_AT)))
                        .aggregations("reach", b -> b.sum(m -> m.field(MentionFields.REACH)))
                        .aggregations(
                                "in_language",
                                b -> b.filter(f -> f.term(
                                                t -> t.field(MentionFields.LANG).value(lang)))
                                        .aggregations(
                                                "earliest",
                                                h -> h.topHits(th -> th.size(1)
                                                        .sort(o -> o.field(f -> f.field(MentionFields.PUBLISHED_AT)
                                                                .order(SortOrder.Asc)))
                                                        .sort(o -> o.field(f -> f.field(MentionFields.CURATION_SCORE)
                                                                .order(SortOrder.Desc)))
                                                        .source(src -> src.filter(f -> f.includes(SHOWN))))))
                        .aggregations(
                                "top",
                                b -> b.topHits(h -> h.size(1)
                                        .sort(o -> o.field(f -> f.field(MentionFields.CURATION_SCORE)
                                                .order(SortOrder.Desc)))
                                        .sort(o -> o.field(f -> f.field(MentionFields.PUBLISHED_AT)
                                                .order(SortOrder.Asc)))
                                        .source(src -> src.filter(f -> f.includes(SHOWN)))))));
        aggs.put(
                "top_authors",
                Aggregation.of(a -> a.terms(t -> t.field(MentionFields.AUTHOR_NAME)
                                .size(TOP_AUTHORS)
                                .order(List.of(
                                        NamedValue.of("reach", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))))
                        .aggregations("reach", b -> b.sum(m -> m.field(MentionFields.REACH)))
                        .aggregations("followers", b -> b.max(m -> m.field(MentionFields.AUTHOR_FOLLOWERS)))
                        .aggregations(
                                "top",
                                b -> b.topHits(h -> h.size(1)
                                        .sort(o -> o.field(f -> f.field(MentionFields.PUBLISHED_AT)
                                                .order(SortOrder.Desc)))
                                        .source(src -> src.filter(f -> f.includes(
                                                MentionFields.AUTHOR_HANDLE, MentionFields.SOURCE_TYPE)))))));
        aggs.put(
                "alerts",
                Aggregation.of(a -> a.terms(
                                t -> t.field(MentionFields.ALERTS).size(50).order(byCountThenKey()))
                        .aggregations(
                                "latest",
                                b -> b.topHits(h -> h.size(ALERT_EXAMPLES)
                                        .sort(o -> o.field(f -> f.field(MentionFields.PUBLISHED_AT)
                                                .order(SortOrder.Desc)))
                                        .source(src -> src.filter(f -> f.includes(
                                                MentionFields.TITLE,
                                                MentionFields.TEXT,
                                                MentionFields.URL,
                                                MentionFields.SOURCE_NAME,
                                                MentionFields.PUBLISHED_AT)))))));
        aggs.put(
                "days",
                Aggregation.of(a -> a.dateHistogram(h -> h.field(MentionFields.PUBLISHED_AT)
                                .calendarInterval(CalendarInterval.Day)
                                .minDocCount(1)
                                .timeZone(zone.getId()))
                        .aggregations(
                                "stories",
                                b -> b.terms(t -> t.field(MentionFields.EVENT_ID)
                                                .size(SPIKE_CAUSES)
                                                .order(byCountThenKey()))
                                        .aggregations(
                                                "top",
                                                h -> h.topHits(th -> th.size(1)
                                                        .sort(o -> o.field(f -> f.field(MentionFields.CURATION_SCORE)
                                                                .order(SortOrder.Desc)))
                                                        .sort(o -> o.field(f -> f.field(MentionFields.PUBLISHED_AT)
                                                                .order(SortOrder.Asc)))
                                                        .source(src -> src.filter(f -> f.includes(SHOWN))))))
                        .aggregations(
                                "authors",
                                b -> b.terms(t -> t.field(MentionFields.AUTHOR_NAME)
                                        .size(SPIKE_CAUSES)
                                        .order(byCountThenKey())))));
        return aggs;
    }

    /** The week's page changes of {@code watch}, largest first, at most {@link #MAX_PAGE_CHANGES}, with the total. */
    static SearchRequest pageChanges(String watch, IsoWeek week, ZoneId zone) {
        return SearchRequest.of(s -> s.index(IndexTemplates.PAGE_CHANGES)
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .size(MAX_PAGE_CHANGES)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(
                                f -> f.term(t -> t.field(PageChangeFields.WATCH).value(watch)))
                        .filter(inWeek(PageChangeFields.CHANGED_AT, week, zone))))
                .sort(o -> o.field(f -> f.field(PageChangeFields.MAGNITUDE)
                        .order(SortOrder.Desc)
                        .unmappedType(FieldType.Float)))
                .sort(o -> o.field(f -> f.field(PageChangeFields.CHANGED_AT).order(SortOrder.Asc))));
    }

    /**
     * What the alert rules did: entries of the ledger matched this week or the week before, or sent this week (a
     * daily or weekly digest sends on Monday what was matched on Sunday).
     */
    static SearchRequest alerts(String watch, IsoWeek week, ZoneId zone) {
        Query matched = inWeek(AlertHitFields.MATCHED_AT, week, zone);
        Query matchedBefore = inWeek(AlertHitFields.MATCHED_AT, week.previous(), zone);
        Query sent = inWeek(AlertHitFields.SENT_AT, week, zone);
        Aggregation perRule = Aggregation.of(a -> a.terms(
                        t -> t.field(AlertHitFields.RULE).size(100))
                .aggregations(
                        "every", b -> b.terms(t -> t.field(AlertHitFields.EVERY).size(1)))
                .aggregations(
                        "matched",
                        b -> b.filter(matched)
                                .aggregations("mentions", c -> c.cardinality(x -> x.field(AlertHitFields.MENTION_ID)))
                                .aggregations(
                                        "pending",
                                        c -> c.filter(f -> f.term(x -> x.field(AlertHitFields.STATUS)
                                                        .value(Ledger.PENDING)))
                                                .aggregations(
                                                        "mentions",
                                                        d -> d.cardinality(x -> x.field(AlertHitFields.MENTION_ID))))
                                .aggregations(
                                        "terms",
                                        c -> c.terms(x -> x.field(AlertHitFields.MATCHED_TERMS)
                                                .size(MATCHED_TERMS)
                                                .order(byCountThenKey()))))
                .aggregations(
                        "previous",
                        b -> b.filter(matchedBefore)
                                .aggregations("mentions", c -> c.cardinality(x -> x.field(AlertHitFields.MENTION_ID))))
                .aggregations(
                        "sent",
                        b -> b.filter(sent)
                                .aggregations("mentions", c -> c.cardinality(x -> x.field(AlertHitFields.MENTION_ID)))
                                // one digest per recipient and dispatch: the distinct sent_at of each recipient
                                .aggregations(
                                        "recipients",
                                        c -> c.terms(x -> x.field(AlertHitFields.RECIPIENTS)
                                                        .size(1000))
                                                .aggregations(
                                                        "emails",
                                                        d -> d.cardinality(x -> x.field(AlertHitFields.SENT_AT))))));
        return SearchRequest.of(s -> s.index(IndexTemplates.ALERTS)
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .size(0)
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> b.filter(
                                f -> f.term(t -> t.field(AlertHitFields.WATCH).value(watch)))
                        .should(matched)
                        .should(matchedBefore)
                        .should(sent)
                        .minimumShouldMatch("1")))
                .aggregations("rules", perRule));
    }

    private static Query inWeek(String field, IsoWeek week, ZoneId zone) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(field)
                .gte(week.start(zone).toString())
                .lt(week.end(zone).toString()))));
    }

    private static List<NamedValue<SortOrder>> byCountThenKey() {
        return List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc));
    }
}
