package dev.vigie.jobs.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.dashboards.IndexTemplates;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one week of a watch from Elasticsearch into {@link WeeklyReportData}.
 *
 * <p>Only aggregations are used (one request on {@code vigie-mentions}, one on the {@code vigie-alerts} ledger,
 * one bounded request on {@code vigie-page-changes}), so the cost does not grow with the number of mentions: an
 * agency's busiest client costs the same three requests as a quiet one. Every query is filtered on the watch id, so
 * nothing of one client can appear in another's report. Days and weeks are those of the watch's time zone.
 */
public final class WeeklyReportQuery {

    /** Weeks before the report's week used for the day-of-week baseline of the spike detection. */
    public static final int DEFAULT_BASELINE_WEEKS = 4;
    /** A day is a spike when it has at least this many mentions... */
    public static final long MIN_SPIKE_MENTIONS = 5;
    /** ...and at least this multiple of its day-of-week baseline. */
    public static final double SPIKE_RATIO = 2.0;

    static final int TOP_STORIES = 8;
    /** Outlets named per story (the count says how many there are in all). */
    static final int STORY_OUTLETS = 6;
    static final int TOP_AUTHORS = 8;
    static final int TOP_SOURCES = 8;
    static final int MATCHED_TERMS = 3;
    static final int ALERT_EXAMPLES = 3;
    static final int MAX_PAGE_CHANGES = 40;
    static final int SPIKE_CAUSES = 3;

    /** Field names of the data contract (dashboards/templates/vigie-mentions.json and vigie-page-changes.json). */
    static final String MENTIONS = IndexTemplates.MENTIONS;
    static final String PAGE_CHANGES = IndexTemplates.PAGE_CHANGES;
    static final String WATCH = "watch";
    static final String PUBLISHED_AT = "published_at";
    static final String BRANDS = "brands";
    static final String SENTIMENT_LABEL = "sentiment.label";
    static final String THEMES = "themes";
    static final String STORY_ID = "event.id";
    static final String LANG = "lang";
    static final String SOURCE_NAME = "source.name";
    static final String SOURCE_TYPE = "source.type";
    static final String AUTHOR_NAME = "author.name";
    static final String AUTHOR_HANDLE = "author.handle";
    static final String AUTHOR_FOLLOWERS = "author.followers";
    static final String REACH = "reach";
    static final String CURATION_SCORE = "curation_score";
    static final String ALERTS = "alerts";
    static final String CHANGED_AT = "changed_at";
    /** Fields of {@code dashboards/templates/vigie-alerts.json}. */
    static final String ALERTS_INDEX = IndexTemplates.ALERTS;
    static final String RULE = "rule";
    static final String EVERY = "every";
    static final String STATUS = "status";
    static final String MENTION_ID = "mention_id";
    static final String MATCHED_AT = "matched_at";
    static final String SENT_AT = "sent_at";
    static final String RECIPIENTS = "recipients";
    static final String MATCHED_TERMS_FIELD = "matched_terms";
    static final String PENDING = "pending";

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
        return mentions >= MIN_SPIKE_MENTIONS && mentions >= SPIKE_RATIO * Math.max(baseline, 1.0);
    }

    /** Reads the report's data for {@code week}; an empty week gives an empty (but complete) report. */
    public WeeklyReportData read(ReportScope scope, IsoWeek week) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(week, "week");
        try {
            long started = System.nanoTime();
            SearchResponse<Void> mentions = searchMentions(scope.watch(), week, scope.zone(), scope.locale().getLanguage());
            SearchResponse<JsonNode> changes = searchPageChanges(scope.watch(), week, scope.zone());
            SearchResponse<Void> alerts = searchAlerts(scope.watch(), week, scope.zone());
            WeeklyReportData data = assemble(scope, week, mentions, changes, alerts);
            LOG.info("Read report data of watch {} for {}: {} mentions, {} page changes in {} ms", scope.watch(),
                    week, data.totals().mentions(), data.totals().pageChanges(),
                    (System.nanoTime() - started) / 1_000_000);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read week " + week + " of watch " + scope.watch()
                    + " from Elasticsearch", e);
        }
    }

    // ---- requests

    private SearchResponse<Void> searchMentions(String watch, IsoWeek week, ZoneId zone, String lang)
            throws IOException {
        IsoWeek first = week.minusWeeks(baselineWeeks);
        Query inRange = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field(WATCH).value(watch)))
                .filter(f -> f.range(r -> r.date(d -> d.field(PUBLISHED_AT)
                        .gte(first.start(zone).toString()).lt(week.end(zone).toString()))))));
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put("per_day", Aggregation.of(a -> a.dateHistogram(h -> h.field(PUBLISHED_AT)
                .calendarInterval(CalendarInterval.Day).minDocCount(0).timeZone(zone.getId())
                .extendedBounds(e -> e.min(FieldDateMath.of(m -> m.expr(first.monday().toString())))
                        .max(FieldDateMath.of(m -> m.expr(week.sunday().toString()))))
                .format("yyyy-MM-dd"))));
        aggs.put("week", Aggregation.of(a -> a.filter(publishedIn(week, zone)).aggregations(weekAggregations(zone, lang))));
        aggs.put("previous", Aggregation.of(a -> a.filter(publishedIn(week.previous(), zone))
                .aggregations(weekAggregations(null, lang))));
        return client.search(s -> s.index(MENTIONS).ignoreUnavailable(true).allowNoIndices(true)
                .size(0).trackTotalHits(t -> t.enabled(false)).query(inRange).aggregations(aggs), Void.class);
    }

    private static Query publishedIn(IsoWeek week, ZoneId zone) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(PUBLISHED_AT)
                .gte(week.start(zone).toString()).lt(week.end(zone).toString()))));
    }

    /**
     * Aggregations of one week; the details (stories, authors, alerts, days) only when {@code zone} is given. Stories
     * are event stories ({@code event.id}: one event across outlets and languages), titled by their earliest mention
     * in the report's language {@code lang}, else by their best-curated one.
     */
    private static Map<String, Aggregation> weekAggregations(ZoneId zone, String lang) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put("brands", Aggregation.of(a -> a.terms(t -> t.field(BRANDS).size(100))
                .aggregations("sentiment", s -> s.terms(t -> t.field(SENTIMENT_LABEL).size(10)))));
        aggs.put("themes", Aggregation.of(a -> a.terms(t -> t.field(THEMES).size(100))));
        aggs.put("authors", Aggregation.of(a -> a.cardinality(c -> c.field(AUTHOR_NAME))));
        aggs.put("reach", Aggregation.of(a -> a.sum(s -> s.field(REACH))));
        // the week's top outlets, and enough of last week's to compare them with
        aggs.put("outlets", Aggregation.of(a -> a.terms(t -> t.field(SOURCE_NAME).size(zone == null ? 500 : TOP_SOURCES)
                        .order(List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))))
                .aggregations("type", b -> b.terms(t -> t.field(SOURCE_TYPE).size(1)))));
        if (zone == null) {
            return aggs;
        }
        aggs.put("sources", Aggregation.of(a -> a.cardinality(c -> c.field(SOURCE_NAME))));
        aggs.put("stories", Aggregation.of(a -> a.terms(t -> t.field(STORY_ID).size(TOP_STORIES * 3)
                        .order(List.of(NamedValue.of("_count", SortOrder.Desc),
                                NamedValue.of("best", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))))
                .aggregations("best", b -> b.max(m -> m.field(CURATION_SCORE)))
                .aggregations("sources", b -> b.cardinality(c -> c.field(SOURCE_NAME)))
                .aggregations("outlets", b -> b.terms(t -> t.field(SOURCE_NAME).size(STORY_OUTLETS)
                        .order(List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc)))))
                .aggregations("languages", b -> b.terms(t -> t.field(LANG).size(10)))
                .aggregations("first_seen", b -> b.min(m -> m.field(PUBLISHED_AT)))
                .aggregations("reach", b -> b.sum(m -> m.field(REACH)))
                .aggregations("in_language", b -> b.filter(f -> f.term(t -> t.field(LANG).value(lang)))
                        .aggregations("earliest", h -> h.topHits(th -> th.size(1)
                                .sort(o -> o.field(f -> f.field(PUBLISHED_AT).order(SortOrder.Asc)))
                                .sort(o -> o.field(f -> f.field(CURATION_SCORE).order(SortOrder.Desc)))
                                .source(src -> src.filter(f -> f.includes("title", "text", "url"))))))
                .aggregations("top", b -> b.topHits(h -> h.size(1)
                        .sort(o -> o.field(f -> f.field(CURATION_SCORE).order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field(PUBLISHED_AT).order(SortOrder.Asc)))
                        .source(src -> src.filter(f -> f.includes("title", "text", "url")))))));
        aggs.put("top_authors", Aggregation.of(a -> a.terms(t -> t.field(AUTHOR_NAME).size(TOP_AUTHORS)
                        .order(List.of(NamedValue.of("reach", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))))
                .aggregations("reach", b -> b.sum(m -> m.field(REACH)))
                .aggregations("followers", b -> b.max(m -> m.field(AUTHOR_FOLLOWERS)))
                .aggregations("top", b -> b.topHits(h -> h.size(1)
                        .sort(o -> o.field(f -> f.field(PUBLISHED_AT).order(SortOrder.Desc)))
                        .source(src -> src.filter(f -> f.includes("author.handle", "source.type")))))));
        aggs.put("alerts", Aggregation.of(a -> a.terms(t -> t.field(ALERTS).size(50)
                        .order(List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))))
                .aggregations("latest", b -> b.topHits(h -> h.size(ALERT_EXAMPLES)
                        .sort(o -> o.field(f -> f.field(PUBLISHED_AT).order(SortOrder.Desc)))
                        .source(src -> src.filter(f -> f.includes("title", "text", "url", "source.name",
                                "published_at")))))));
        aggs.put("days", Aggregation.of(a -> a.dateHistogram(h -> h.field(PUBLISHED_AT)
                        .calendarInterval(CalendarInterval.Day).minDocCount(1).timeZone(zone.getId()))
                .aggregations("stories", b -> b.terms(t -> t.field(STORY_ID).size(SPIKE_CAUSES)
                                .order(List.of(NamedValue.of("_count", SortOrder.Desc),
                                        NamedValue.of("_key", SortOrder.Asc))))
                        .aggregations("top", h -> h.topHits(th -> th.size(1)
                                .sort(o -> o.field(f -> f.field(CURATION_SCORE).order(SortOrder.Desc)))
                                .sort(o -> o.field(f -> f.field(PUBLISHED_AT).order(SortOrder.Asc)))
                                .source(src -> src.filter(f -> f.includes("title", "text", "url"))))))
                .aggregations("authors", b -> b.terms(t -> t.field(AUTHOR_NAME).size(SPIKE_CAUSES)
                        .order(List.of(NamedValue.of("_count", SortOrder.Desc),
                                NamedValue.of("_key", SortOrder.Asc)))))));
        return aggs;
    }

    private SearchResponse<JsonNode> searchPageChanges(String watch, IsoWeek week, ZoneId zone)
            throws IOException {
        return client.search(s -> s.index(PAGE_CHANGES).ignoreUnavailable(true).allowNoIndices(true)
                .size(MAX_PAGE_CHANGES).trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field(WATCH).value(watch)))
                        .filter(f -> f.range(r -> r.date(d -> d.field(CHANGED_AT)
                                .gte(week.start(zone).toString()).lt(week.end(zone).toString()))))))
                .sort(o -> o.field(f -> f.field("magnitude").order(SortOrder.Desc).unmappedType(FieldType.Float)))
                .sort(o -> o.field(f -> f.field(CHANGED_AT).order(SortOrder.Asc))), JsonNode.class);
    }

    /**
     * What the alert rules did: entries of the ledger matched this week or the week before, or sent this week (a
     * daily or weekly digest sends on Monday what was matched on Sunday).
     */
    private SearchResponse<Void> searchAlerts(String watch, IsoWeek week, ZoneId zone) throws IOException {
        Query matched = inWeek(MATCHED_AT, week, zone);
        Query matchedBefore = inWeek(MATCHED_AT, week.previous(), zone);
        Query sent = inWeek(SENT_AT, week, zone);
        Aggregation perRule = Aggregation.of(a -> a.terms(t -> t.field(RULE).size(100))
                .aggregations("every", b -> b.terms(t -> t.field(EVERY).size(1)))
                .aggregations("matched", b -> b.filter(matched)
                        .aggregations("mentions", c -> c.cardinality(x -> x.field(MENTION_ID)))
                        .aggregations("pending", c -> c.filter(f -> f.term(x -> x.field(STATUS).value(PENDING)))
                                .aggregations("mentions", d -> d.cardinality(x -> x.field(MENTION_ID))))
                        .aggregations("terms", c -> c.terms(x -> x.field(MATCHED_TERMS_FIELD).size(MATCHED_TERMS)
                                .order(List.of(NamedValue.of("_count", SortOrder.Desc),
                                        NamedValue.of("_key", SortOrder.Asc))))))
                .aggregations("previous", b -> b.filter(matchedBefore)
                        .aggregations("mentions", c -> c.cardinality(x -> x.field(MENTION_ID))))
                .aggregations("sent", b -> b.filter(sent)
                        .aggregations("mentions", c -> c.cardinality(x -> x.field(MENTION_ID)))
                        // one digest per recipient and dispatch: the distinct sent_at of each recipient
                        .aggregations("recipients", c -> c.terms(x -> x.field(RECIPIENTS).size(1000))
                                .aggregations("emails", d -> d.cardinality(x -> x.field(SENT_AT))))));
        return client.search(s -> s.index(ALERTS_INDEX).ignoreUnavailable(true).allowNoIndices(true)
                .size(0).trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(WATCH).value(watch)))
                        .should(matched).should(matchedBefore).should(sent).minimumShouldMatch("1")))
                .aggregations("rules", perRule), Void.class);
    }

    private static Query inWeek(String field, IsoWeek week, ZoneId zone) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(field)
                .gte(week.start(zone).toString()).lt(week.end(zone).toString()))));
    }

    // ---- assembly

    private WeeklyReportData assemble(ReportScope scope, IsoWeek week, SearchResponse<Void> mentions,
                                      SearchResponse<JsonNode> changes, SearchResponse<Void> alertLedger) {
        Map<String, Aggregate> top = mentions.aggregations();
        Map<String, Aggregate> cur = subAggs(top, "week");
        Map<String, Aggregate> prev = subAggs(top, "previous");
        long weekCount = docCount(top, "week");
        long prevCount = docCount(top, "previous");

        Map<LocalDate, Long> perDay = new HashMap<>();
        if (top.containsKey("per_day")) {
            for (DateHistogramBucket b : top.get("per_day").dateHistogram().buckets().array()) {
                perDay.put(Instant.ofEpochMilli(b.key()).atZone(scope.zone()).toLocalDate(), b.docCount());
            }
        }
        // Without any earlier week there is no baseline, and calling every busy day a spike would be noise.
        List<Integer> historyWeeks = new ArrayList<>();
        for (int w = 1; w <= baselineWeeks; w++) {
            LocalDate monday = week.minusWeeks(w).monday();
            long total = 0;
            for (int d = 0; d < 7; d++) {
                total += perDay.getOrDefault(monday.plusDays(d), 0L);
            }
            if (total > 0) {
                historyWeeks.add(w); // weeks before the watch collected anything do not count as quiet weeks
            }
        }
        List<DayVolume> days = new ArrayList<>(7);
        for (int d = 0; d < 7; d++) {
            LocalDate day = week.monday().plusDays(d);
            double sum = 0;
            for (int w : historyWeeks) {
                sum += perDay.getOrDefault(day.minusWeeks(w), 0L);
            }
            double baseline = historyWeeks.isEmpty() ? 0 : sum / historyWeeks.size();
            days.add(new DayVolume(day, perDay.getOrDefault(day, 0L), perDay.getOrDefault(day.minusWeeks(1), 0L),
                    baseline));
        }

        Map<String, StringTermsBucket> brandsNow = brandBuckets(cur, scope);
        Map<String, StringTermsBucket> brandsBefore = brandBuckets(prev, scope);
        long sovNow = brandsNow.values().stream().mapToLong(StringTermsBucket::docCount).sum();
        long sovBefore = brandsBefore.values().stream().mapToLong(StringTermsBucket::docCount).sum();
        List<BrandShare> shares = new ArrayList<>();
        List<BrandSentiment> sentiments = new ArrayList<>();
        for (String name : scope.allBrands()) {
            boolean own = name.equals(scope.brand());
            long now = count(brandsNow.get(name));
            long before = count(brandsBefore.get(name));
            shares.add(new BrandShare(name, own, now, before, ratio(now, sovNow), ratio(before, sovBefore)));
            Map<String, Long> labels = sentimentCounts(brandsNow.get(name));
            Map<String, Long> labelsBefore = sentimentCounts(brandsBefore.get(name));
            sentiments.add(new BrandSentiment(name, own, labels.getOrDefault("positive", 0L),
                    labels.getOrDefault("neutral", 0L), labels.getOrDefault("negative", 0L),
                    net(labels), net(labelsBefore)));
        }

        Totals totals = new Totals(weekCount, prevCount, cardinality(cur, "authors"), cardinality(prev, "authors"),
                cardinality(cur, "sources"), sum(cur, "reach"), sum(prev, "reach"),
                changes.hits().total() == null ? 0 : changes.hits().total().value());

        return new WeeklyReportData(scope.watch(), scope.brand(), week, totals, shares, days, sentiments,
                stories(cur), authors(cur), themes(scope, cur, prev), pageChanges(changes), alerts(cur),
                historyWeeks.isEmpty() ? List.of() : spikes(cur, days, scope.zone()), historyWeeks.size(),
                topSources(cur, prev, weekCount), alertActivity(alertLedger.aggregations()));
    }

    private static List<TopSource> topSources(Map<String, Aggregate> cur, Map<String, Aggregate> prev,
                                              long weekCount) {
        Map<String, Long> before = new HashMap<>();
        terms(prev, "outlets").forEach(b -> before.put(b.key().stringValue(), b.docCount()));
        List<TopSource> sources = new ArrayList<>();
        for (StringTermsBucket b : terms(cur, "outlets")) {
            List<StringTermsBucket> type = terms(b.aggregations(), "type");
            sources.add(new TopSource(b.key().stringValue(), type.isEmpty() ? null : type.get(0).key().stringValue(),
                    b.docCount(), before.getOrDefault(b.key().stringValue(), 0L),
                    weekCount == 0 ? 0 : Math.min(1.0, (double) b.docCount() / weekCount)));
        }
        return sources;
    }

    /** Rules by hits this week, then by name; rules active only the week before are left out. */
    private static List<AlertActivity> alertActivity(Map<String, Aggregate> aggs) {
        List<AlertActivity> rules = new ArrayList<>();
        for (StringTermsBucket b : terms(aggs, "rules")) {
            Map<String, Aggregate> matched = subAggs(b.aggregations(), "matched");
            Map<String, Aggregate> sent = subAggs(b.aggregations(), "sent");
            long hits = cardinality(matched, "mentions");
            long emailed = cardinality(sent, "mentions");
            if (hits == 0 && emailed == 0) {
                continue;
            }
            long emails = 0;
            List<StringTermsBucket> recipients = terms(sent, "recipients");
            for (StringTermsBucket r : recipients) {
                emails += r.aggregations().get("emails").cardinality().value();
            }
            List<StringTermsBucket> every = terms(b.aggregations(), "every");
            String frequency = every.isEmpty() ? null : every.get(0).key().stringValue();
            long previous = cardinality(subAggs(b.aggregations(), "previous"), "mentions");
            rules.add(new AlertActivity(b.key().stringValue(), frequency, hits, previous, emailed, emails,
                    recipients.size(), cardinality(subAggs(matched, "pending"), "mentions"),
                    terms(matched, "terms").stream().map(t -> t.key().stringValue()).toList()));
        }
        rules.sort(Comparator.comparingLong(AlertActivity::hits).reversed().thenComparing(AlertActivity::rule));
        return rules;
    }

    private static List<Story> stories(Map<String, Aggregate> cur) {
        List<Story> stories = new ArrayList<>();
        for (StringTermsBucket b : terms(cur, "stories")) {
            JsonNode doc = firstHit(b.aggregations().get("in_language").filter().aggregations().get("earliest"));
            String title = titleOf(doc);
            if (title == null) {
                doc = firstHit(b.aggregations().get("top"));
                title = titleOf(doc);
            }
            if (title == null) {
                continue;
            }
            double best = b.aggregations().get("best").max().value();
            List<String> outlets = new ArrayList<>();
            terms(b.aggregations(), "outlets").forEach(o -> outlets.add(o.key().stringValue()));
            List<String> languages = new ArrayList<>();
            terms(b.aggregations(), "languages").forEach(l -> languages.add(l.key().stringValue()));
            double firstSeen = b.aggregations().get("first_seen").min().value();
            stories.add(new Story(b.key().stringValue(), title, text(doc, "url"), b.docCount(),
                    (long) b.aggregations().get("sources").cardinality().value(),
                    Double.isFinite(best) ? Math.round(best * 1e4) / 1e4 : 0, // stored as float: 0.95 not 0.9499999
                    (long) b.aggregations().get("reach").sum().value(), outlets, languages,
                    Double.isFinite(firstSeen) ? Instant.ofEpochMilli((long) firstSeen) : null));
            if (stories.size() == TOP_STORIES) {
                break;
            }
        }
        return stories;
    }

    private static List<Author> authors(Map<String, Aggregate> cur) {
        List<Author> authors = new ArrayList<>();
        for (StringTermsBucket b : terms(cur, "top_authors")) {
            JsonNode doc = firstHit(b.aggregations().get("top"));
            double followers = b.aggregations().get("followers").max().value();
            authors.add(new Author(b.key().stringValue(), text(doc, "author", "handle"), text(doc, "source", "type"),
                    Double.isFinite(followers) ? (long) followers : 0,
                    (long) b.aggregations().get("reach").sum().value(), b.docCount()));
        }
        return authors;
    }

    private static List<ThemeTrend> themes(ReportScope scope, Map<String, Aggregate> cur,
                                           Map<String, Aggregate> prev) {
        Map<String, Long> now = new HashMap<>();
        Map<String, Long> before = new HashMap<>();
        terms(cur, "themes").forEach(b -> now.put(b.key().stringValue(), b.docCount()));
        terms(prev, "themes").forEach(b -> before.put(b.key().stringValue(), b.docCount()));
        TreeSet<String> ids = new TreeSet<>(now.keySet());
        ids.addAll(before.keySet());
        List<ThemeTrend> trends = new ArrayList<>();
        for (String id : ids) {
            trends.add(new ThemeTrend(id, scope.themeLabels().getOrDefault(id, id), now.getOrDefault(id, 0L),
                    before.getOrDefault(id, 0L)));
        }
        trends.sort(Comparator.comparingLong(ThemeTrend::delta).reversed()
                .thenComparing(Comparator.comparingLong(ThemeTrend::mentions).reversed())
                .thenComparing(ThemeTrend::id));
        return trends;
    }

    private static List<AlertHits> alerts(Map<String, Aggregate> cur) {
        List<AlertHits> alerts = new ArrayList<>();
        for (StringTermsBucket b : terms(cur, "alerts")) {
            List<MentionRef> examples = new ArrayList<>();
            for (Hit<JsonData> hit : b.aggregations().get("latest").topHits().hits().hits()) {
                JsonNode doc = hit.source() == null ? null : hit.source().to(JsonNode.class);
                String title = titleOf(doc);
                if (title != null) {
                    String published = text(doc, "published_at");
                    examples.add(new MentionRef(title, text(doc, "url"), text(doc, "source", "name"),
                            published == null ? null : Instant.parse(published)));
                }
            }
            alerts.add(new AlertHits(b.key().stringValue(), b.docCount(), examples));
        }
        return alerts;
    }

    private static List<Spike> spikes(Map<String, Aggregate> cur, List<DayVolume> days, ZoneId zone) {
        Map<LocalDate, DateHistogramBucket> buckets = new HashMap<>();
        if (cur.containsKey("days")) {
            for (DateHistogramBucket b : cur.get("days").dateHistogram().buckets().array()) {
                buckets.put(Instant.ofEpochMilli(b.key()).atZone(zone).toLocalDate(), b);
            }
        }
        List<Spike> spikes = new ArrayList<>();
        for (DayVolume day : days) {
            DateHistogramBucket b = buckets.get(day.day());
            if (b == null || !isSpike(day.mentions(), day.baseline())) {
                continue;
            }
            List<NamedCount> stories = new ArrayList<>();
            for (StringTermsBucket s : terms(b.aggregations(), "stories")) {
                JsonNode doc = firstHit(s.aggregations().get("top"));
                String title = titleOf(doc);
                if (title != null) {
                    stories.add(new NamedCount(title, text(doc, "url"), s.docCount()));
                }
            }
            List<NamedCount> authors = new ArrayList<>();
            for (StringTermsBucket a : terms(b.aggregations(), "authors")) {
                authors.add(new NamedCount(a.key().stringValue(), null, a.docCount()));
            }
            spikes.add(new Spike(day.day(), day.mentions(), day.baseline(), stories, authors));
        }
        return spikes;
    }

    private static List<PageChange> pageChanges(SearchResponse<JsonNode> changes) {
        List<PageChange> list = new ArrayList<>();
        for (Hit<JsonNode> hit : changes.hits().hits()) {
            JsonNode doc = hit.source();
            String changedAt = text(doc, "changed_at");
            String competitor = text(doc, "competitor");
            String url = text(doc, "url");
            if (doc == null || changedAt == null || competitor == null || url == null) {
                LOG.warn("Skipping page change {} without competitor, url or changed_at", hit.id());
                continue;
            }
            String kind = text(doc, "kind");
            JsonNode magnitude = doc.get("magnitude");
            list.add(new PageChange(competitor, url, text(doc, "section"), Instant.parse(changedAt),
                    kind == null ? "other" : kind.toLowerCase(Locale.ROOT), lines(doc.get("added")),
                    lines(doc.get("removed")), magnitude == null ? 0 : magnitude.asDouble()));
        }
        list.sort(Comparator.comparing(PageChange::competitor).thenComparing(PageChange::changedAt)
                .thenComparing(PageChange::url));
        return list;
    }

    // ---- helpers

    private static Map<String, StringTermsBucket> brandBuckets(Map<String, Aggregate> aggs, ReportScope scope) {
        Map<String, StringTermsBucket> byName = new HashMap<>();
        for (StringTermsBucket b : terms(aggs, "brands")) {
            String key = b.key().stringValue();
            for (String name : scope.allBrands()) {
                if (name.equalsIgnoreCase(key) && !byName.containsKey(name)) {
                    byName.put(name, b);
                }
            }
        }
        return byName;
    }

    private static Map<String, Long> sentimentCounts(StringTermsBucket brand) {
        Map<String, Long> counts = new HashMap<>();
        if (brand != null) {
            for (StringTermsBucket b : brand.aggregations().get("sentiment").sterms().buckets().array()) {
                counts.merge(b.key().stringValue().toLowerCase(Locale.ROOT), b.docCount(), Long::sum);
            }
        }
        return counts;
    }

    private static Double net(Map<String, Long> labels) {
        long pos = labels.getOrDefault("positive", 0L);
        long neg = labels.getOrDefault("negative", 0L);
        long total = pos + neg + labels.getOrDefault("neutral", 0L);
        return total == 0 ? null : (double) (pos - neg) / total;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static long count(StringTermsBucket bucket) {
        return bucket == null ? 0 : bucket.docCount();
    }

    private static Map<String, Aggregate> subAggs(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        return a == null ? Map.of() : a.filter().aggregations();
    }

    private static long docCount(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        return a == null ? 0 : a.filter().docCount();
    }

    private static List<StringTermsBucket> terms(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        if (a == null || !a.isSterms()) {
            return List.of(); // an index without the field answers with unmapped (empty) terms
        }
        return a.sterms().buckets().array();
    }

    private static long cardinality(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        return a == null ? 0 : a.cardinality().value();
    }

    private static long sum(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        return a == null ? 0 : Math.round(a.sum().value());
    }

    private static JsonNode firstHit(Aggregate topHits) {
        List<Hit<JsonData>> hits = topHits.topHits().hits().hits();
        if (hits.isEmpty() || hits.get(0).source() == null) {
            return null;
        }
        return hits.get(0).source().to(JsonNode.class);
    }

    /** A mention's title, or the start of its text for posts that have none (Mastodon, Bluesky). */
    private static String titleOf(JsonNode doc) {
        String title = text(doc, "title");
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        String body = text(doc, "text");
        if (body == null || body.isBlank()) {
            return null;
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 140 ? flat : flat.substring(0, flat.lastIndexOf(' ', 139) > 80
                ? flat.lastIndexOf(' ', 139) : 139) + "…";
    }

    private static String text(JsonNode doc, String... path) {
        JsonNode node = doc;
        for (String p : path) {
            if (node == null) {
                return null;
            }
            node = node.get(p);
        }
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static List<String> lines(JsonNode node) {
        List<String> lines = new ArrayList<>();
        if (node == null || node.isNull()) {
            return lines;
        }
        if (node.isArray()) {
            node.forEach(n -> {
                if (!n.isNull() && !n.asText().isBlank()) {
                    lines.add(n.asText().strip());
                }
            });
        } else if (!node.asText().isBlank()) {
            node.asText().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        return lines;
    }
}
