package dev.vigie.jobs.spike;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.fields.AlertHitFields;
import dev.vigie.dashboards.fields.MentionFields;
import dev.vigie.jobs.mail.internal.Ledger;
import dev.vigie.jobs.watch.SpikeKind;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What spike detection reads from Elasticsearch: the brand's mentions per hour (all, and negative), when the watch
 * began collecting, the spikes already in the ledger, and the causes of a spike. The arithmetic is in
 * {@link SpikeDetector}; this class only asks and unpacks.
 */
public final class SpikeQuery {
    /** Event stories, authors and outlets shown in a spike alert. */
    public static final int TOP_CAUSES = 5;
    /** Outlets named per story. */
    public static final int STORY_OUTLETS = 6;
    /** Sample mentions shown. */
    public static final int SAMPLES = 5;
    /** Most ledger entries of one rule read to find the spikes already alerted. */
    static final int MAX_ALERTED = 1_000;

    private static final String MENTIONS = IndexTemplates.MENTIONS;
    private static final String PUBLISHED_AT = MentionFields.PUBLISHED_AT;
    private static final String NEGATIVE = "negative";

    private final ElasticsearchClient es;
    private final Ledger.Calls calls;

    public SpikeQuery(ElasticsearchClient es, Ledger.Calls calls) {
        this.es = Objects.requireNonNull(es, "es");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /**
     * Makes the mentions the run just indexed visible to the counts: the sink does not wait for Elasticsearch's
     * periodic refresh, and a spike counted without the run's own mentions would be found one run late.
     */
    public void refresh() throws IOException, InterruptedException {
        calls.call(
                "refreshing " + MENTIONS + " before counting spikes",
                () -> es.indices()
                        .refresh(r -> r.index(MENTIONS).ignoreUnavailable(true).allowNoIndices(true)));
    }

    /** The brand's mentions of {@code watch} per UTC hour of publication in {@code [from, to)}, per kind. */
    public Map<SpikeKind, HourlyCounts> hourly(String watch, String brand, Instant from, Instant to)
            throws IOException, InterruptedException {
        SearchResponse<Void> response = calls.call(
                "counting the mentions per hour of watch " + watch,
                () -> es.search(
                        s -> s.index(MENTIONS)
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .size(0)
                                .trackTotalHits(t -> t.enabled(false))
                                .query(brandMentions(watch, brand, null, from, to))
                                .aggregations(
                                        "per_hour",
                                        a -> a.dateHistogram(h -> h.field(PUBLISHED_AT)
                                                        .fixedInterval(i -> i.time("1h"))
                                                        .minDocCount(1))
                                                .aggregations(
                                                        NEGATIVE,
                                                        n -> n.filter(
                                                                f -> f.term(t -> t.field(MentionFields.SENTIMENT_LABEL)
                                                                        .value(NEGATIVE))))),
                        Void.class));
        Map<Instant, Long> all = new HashMap<>();
        Map<Instant, Long> negative = new HashMap<>();
        Aggregate perHour =
                response.aggregations() == null ? null : response.aggregations().get("per_hour");
        if (perHour != null) {
            for (DateHistogramBucket b : perHour.dateHistogram().buckets().array()) {
                Instant hour = Instant.ofEpochMilli(b.key());
                all.put(hour, b.docCount());
                negative.put(hour, b.aggregations().get(NEGATIVE).filter().docCount());
            }
        }
        Map<SpikeKind, HourlyCounts> counts = new EnumMap<>(SpikeKind.class);
        counts.put(SpikeKind.VOLUME, HourlyCounts.of(from, to, all));
        counts.put(SpikeKind.NEGATIVE, HourlyCounts.of(from, to, negative));
        return counts;
    }

    /** When the watch began collecting: its earliest mention's {@code fetched_at}; {@code null} before any. */
    public Instant historyStart(String watch) throws IOException, InterruptedException {
        SearchResponse<Void> response = calls.call(
                "reading when watch " + watch + " began collecting",
                () -> es.search(
                        s -> s.index(MENTIONS)
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .size(0)
                                .trackTotalHits(t -> t.enabled(false))
                                .query(q ->
                                        q.term(t -> t.field(MentionFields.WATCH).value(watch)))
                                .aggregations("first", a -> a.min(m -> m.field(MentionFields.FETCHED_AT))),
                        Void.class));
        Aggregate first =
                response.aggregations() == null ? null : response.aggregations().get("first");
        if (first == null
                || Double.isNaN(first.min().value())
                || Double.isInfinite(first.min().value())) {
            return null;
        }
        return Instant.ofEpochMilli((long) first.min().value());
    }

    /** The start hours of the spikes of {@code kind} that {@code rule} already recorded since {@code since}. */
    @SuppressWarnings({"rawtypes"})
    public List<Instant> alertedStarts(String watch, String rule, SpikeKind kind, Instant since)
            throws IOException, InterruptedException {
        SearchResponse<Map> response = calls.call(
                "reading the spikes already alerted by rule " + rule,
                () -> es.search(
                        s -> s.index(Ledger.INDEX)
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .size(MAX_ALERTED)
                                .source(src -> src.filter(f -> f.includes(AlertHitFields.MENTION_ID)))
                                .query(q -> q.bool(b -> b.filter(f -> f.term(t ->
                                                t.field(AlertHitFields.WATCH).value(watch)))
                                        .filter(f -> f.term(t ->
                                                t.field(AlertHitFields.RULE).value(rule)))
                                        .filter(f -> f.prefix(p -> p.field(AlertHitFields.MENTION_ID)
                                                .value(SpikeDetector.idPrefix(kind))))
                                        .filter(f -> f.range(r -> r.date(d -> d.field(AlertHitFields.MATCHED_AT)
                                                .gte(since.toString()))))))
                                .sort(o -> o.field(
                                        f -> f.field(AlertHitFields.MATCHED_AT).order(SortOrder.Desc))),
                        Map.class));
        List<Instant> starts = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Object id = hit.source() == null ? null : hit.source().get(AlertHitFields.MENTION_ID);
            SpikeDetector.startOf(kind, id == null ? null : id.toString()).ifPresent(starts::add);
        }
        return starts;
    }

    /**
     * What caused a spike: the top event stories, authors and outlets of the brand's mentions (negative ones for a
     * negative spike) published in {@code [from, to)}, and sample mentions with their links.
     *
     * @param language the watch's language: a story's title is its earliest mention in it, else its earliest
     */
    public SpikeReport causes(
            String watch,
            String brand,
            SpikeDetector.Spike spike,
            double factor,
            Instant from,
            Instant to,
            String language)
            throws IOException, InterruptedException {
        String sentiment = spike.kind() == SpikeKind.NEGATIVE ? NEGATIVE : null;
        List<String> fields = List.of(
                MentionFields.TITLE,
                MentionFields.TEXT,
                MentionFields.URL,
                MentionFields.SOURCE_NAME,
                MentionFields.AUTHOR_NAME,
                MentionFields.AUTHOR_HANDLE,
                PUBLISHED_AT,
                MentionFields.SENTIMENT_LABEL);
        SearchResponse<JsonNode> response = calls.call(
                "reading the causes of a spike of watch " + watch,
                () -> es.search(
                        s -> s.index(MENTIONS)
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .size(SAMPLES)
                                .trackTotalHits(t -> t.enabled(false))
                                .query(brandMentions(watch, brand, sentiment, from, to))
                                .source(src -> src.filter(f -> f.includes(fields)))
                                .sort(o -> o.field(f -> f.field(MentionFields.CURATION_SCORE)
                                        .order(SortOrder.Desc)
                                        .unmappedType(FieldType.Float)))
                                .sort(o -> o.field(f -> f.field(PUBLISHED_AT).order(SortOrder.Desc)))
                                .aggregations("events", eventAggregation(language))
                                .aggregations("authors", topTerms(MentionFields.AUTHOR_NAME))
                                .aggregations("outlets", topTerms(MentionFields.SOURCE_NAME)),
                        JsonNode.class));
        Map<String, Aggregate> aggs = response.aggregations() == null ? Map.of() : response.aggregations();
        List<SpikeReport.Story> stories = new ArrayList<>();
        for (StringTermsBucket b : terms(aggs, "events")) {
            JsonNode doc = firstHit(
                    b.aggregations().get("in_language").filter().aggregations().get("earliest"));
            if (doc == null) {
                doc = firstHit(b.aggregations().get("earliest"));
            }
            List<String> outlets = terms(b.aggregations(), "outlets").stream()
                    .map(o -> o.key().stringValue())
                    .toList();
            stories.add(new SpikeReport.Story(
                    b.key().stringValue(),
                    doc == null ? "" : titleOf(doc),
                    doc == null ? "" : text(doc, "url"),
                    b.docCount(),
                    outlets));
        }
        List<SpikeReport.Sample> samples = new ArrayList<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            JsonNode doc = hit.source();
            if (doc == null) {
                continue;
            }
            String published = text(doc, PUBLISHED_AT);
            String author = text(doc, "author", "name");
            samples.add(new SpikeReport.Sample(
                    titleOf(doc),
                    text(doc, "url"),
                    text(doc, "source", "name"),
                    author == null || author.isBlank() ? text(doc, "author", "handle") : author,
                    published == null ? null : Instant.parse(published),
                    text(doc, "sentiment", "label")));
        }
        return new SpikeReport(
                spike.kind(),
                spike.start(),
                spike.windowStart(),
                spike.windowEnd(),
                spike.count(),
                spike.baseline(),
                spike.baselineWeeks(),
                factor,
                stories,
                counts(aggs, "authors"),
                counts(aggs, "outlets"),
                samples);
    }

    private static Query brandMentions(String watch, String brand, String sentiment, Instant from, Instant to) {
        return Query.of(q -> q.bool(b -> {
            b.filter(f -> f.term(t -> t.field(MentionFields.WATCH).value(watch)))
                    .filter(f -> f.term(t -> t.field(MentionFields.BRANDS).value(brand)))
                    .filter(f -> f.range(r -> r.date(
                            d -> d.field(PUBLISHED_AT).gte(from.toString()).lt(to.toString()))));
            if (sentiment != null) {
                b.filter(f -> f.term(t -> t.field(MentionFields.SENTIMENT_LABEL).value(sentiment)));
            }
            return b;
        }));
    }

    private static Aggregation eventAggregation(String language) {
        return Aggregation.of(a -> a.terms(t -> t.field(MentionFields.EVENT_ID)
                        .size(TOP_CAUSES)
                        .order(List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))))
                .aggregations("outlets", topTerms(MentionFields.SOURCE_NAME, STORY_OUTLETS))
                .aggregations(
                        "in_language",
                        b -> b.filter(f ->
                                        f.term(t -> t.field(MentionFields.LANG).value(language)))
                                .aggregations("earliest", earliest()))
                .aggregations("earliest", earliest()));
    }

    private static Aggregation earliest() {
        return Aggregation.of(h -> h.topHits(th -> th.size(1)
                .sort(o -> o.field(f -> f.field(PUBLISHED_AT).order(SortOrder.Asc)))
                .source(src ->
                        src.filter(f -> f.includes(MentionFields.TITLE, MentionFields.TEXT, MentionFields.URL)))));
    }

    private static Aggregation topTerms(String field) {
        return topTerms(field, TOP_CAUSES);
    }

    private static Aggregation topTerms(String field, int size) {
        return Aggregation.of(a -> a.terms(t -> t.field(field)
                .size(size)
                .order(List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc)))));
    }

    private static List<StringTermsBucket> terms(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        return a == null || !a.isSterms() ? List.of() : a.sterms().buckets().array();
    }

    private static List<SpikeReport.Count> counts(Map<String, Aggregate> aggs, String name) {
        return terms(aggs, name).stream()
                .map(b -> new SpikeReport.Count(b.key().stringValue(), b.docCount()))
                .toList();
    }

    private static JsonNode firstHit(Aggregate topHits) {
        List<Hit<JsonData>> hits = topHits.topHits().hits().hits();
        return hits.isEmpty() || hits.get(0).source() == null
                ? null
                : hits.get(0).source().to(JsonNode.class);
    }

    /** A mention's title, or the start of its text for posts that have none. */
    private static String titleOf(JsonNode doc) {
        String title = text(doc, "title");
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        String body = text(doc, "text");
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        int cut = flat.lastIndexOf(' ', 139);
        return flat.length() <= 140 ? flat : flat.substring(0, cut > 80 ? cut : 139) + "…";
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
}
