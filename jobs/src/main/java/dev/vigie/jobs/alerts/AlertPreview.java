package dev.vigie.jobs.alerts;

import static dev.vigie.dashboards.fields.Fields.at;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.fields.MentionFields;
import dev.vigie.nlp.alert.AlertDocument;
import dev.vigie.nlp.alert.AlertFields;
import dev.vigie.nlp.alert.AlertMatch;
import dev.vigie.nlp.alert.AlertMatcher;
import dev.vigie.nlp.alert.AlertPrefilter;
import dev.vigie.nlp.alert.AlertResult;
import dev.vigie.nlp.alert.AlertRule;
import dev.vigie.nlp.alert.Highlight;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs an alert rule over the mentions already indexed for a watch, with the job's own parser and matcher: what the
 * rule would have caught. Elasticsearch is asked only for the mentions that satisfy the rule's
 * {@link AlertPrefilter} (a necessary condition: nothing the rule matches is left out), page after page
 * ({@code search_after}, {@value #PAGE_SIZE} at a time), and each page goes through the real {@link AlertMatcher}
 * (highlights included). Memory stays bounded: counts per week and the first matches only.
 */
public final class AlertPreview {

    /** Mentions per page read from Elasticsearch. */
    public static final int PAGE_SIZE = 1_000;

    private static final String INDEX = IndexTemplates.MENTIONS;
    private static final List<String> FIELDS = List.of(
            MentionFields.TITLE,
            MentionFields.TEXT,
            MentionFields.URL,
            MentionFields.AUTHOR_NAME,
            MentionFields.AUTHOR_HANDLE,
            MentionFields.LANG,
            MentionFields.SENTIMENT_LABEL,
            MentionFields.PUBLISHED_AT,
            MentionFields.SOURCE_NAME);

    /**
     * A mention the rule matched.
     *
     * @param id          its document id
     * @param publishedAt its publication time
     * @param source      its source name
     * @param title       its title (may be empty)
     * @param text        its text (may be empty)
     * @param url         its link, or {@code null}
     * @param terms       the words that matched
     * @param highlights  where they are in the title and text
     */
    public record Match(
            String id,
            Instant publishedAt,
            String source,
            String title,
            String text,
            String url,
            List<String> terms,
            List<Highlight> highlights) {
        /** Copies. */
        public Match {
            terms = List.copyOf(terms);
            highlights = List.copyOf(highlights);
        }
    }

    /**
     * What the rule caught.
     *
     * @param inWindow    mentions of the watch in the window
     * @param candidates  those that passed the prefilter (each matched for real)
     * @param matched     those the rule matched
     * @param perWeek     matches per ISO week ({@code 2026-W47}), every week of the window listed
     * @param first       the first matches, oldest first
     * @param prefilter   the prefilter used
     * @param requests    requests sent to Elasticsearch
     */
    public record Result(
            long inWindow,
            long candidates,
            long matched,
            Map<String, Long> perWeek,
            List<Match> first,
            AlertPrefilter prefilter,
            int requests) {
        /** Copies. */
        public Result {
            perWeek = java.util.Collections.unmodifiableMap(new TreeMap<>(perWeek));
            first = List.copyOf(first);
        }
    }

    private final ElasticsearchClient client;

    /** @param client the Elasticsearch the watch's mentions are indexed in */
    public AlertPreview(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Runs {@code rule} over the mentions of its watch published since {@code since}.
     *
     * @param rule      the rule (its watch, query, languages and sentiments)
     * @param since     start of the window
     * @param zone      the watch's time zone (weeks are cut in it)
     * @param showFirst how many matches to keep
     * @throws IOException when Elasticsearch cannot be read
     * @throws dev.vigie.nlp.alert.AlertQuerySyntaxException when the query is malformed
     */
    public Result run(AlertRule rule, Instant since, Instant until, ZoneId zone, int showFirst) throws IOException {
        AlertPrefilter prefilter = AlertPrefilter.of(rule.query());
        Query inWindow = Query.of(q -> q.bool(b -> b.filter(
                        f -> f.term(t -> t.field(MentionFields.WATCH).value(rule.watch())))
                .filter(f -> f.range(r -> r.date(d -> d.field(MentionFields.PUBLISHED_AT)
                        .gte(since.toString())
                        .lt(until.toString()))))));
        long inWindowCount = client.count(c -> c.index(INDEX)
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .query(inWindow))
                .count();
        int requests = 1;
        Map<String, Long> perWeek = new TreeMap<>();
        for (ZonedDateTime w = since.atZone(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                w.toInstant().isBefore(until);
                w = w.plusWeeks(1)) {
            perWeek.put(week(w.toInstant(), zone), 0L);
        }
        List<Match> first = new ArrayList<>();
        long candidates = 0;
        long matched = 0;
        if (inWindowCount > 0) {
            Query query = Query.of(q -> q.bool(b -> {
                b.filter(inWindow).filter(ElasticsearchPrefilter.toQuery(prefilter));
                if (!rule.languages().isEmpty()) {
                    b.filter(f -> f.terms(t -> t.field(MentionFields.LANG)
                            .terms(v -> v.value(rule.languages().stream()
                                    .map(FieldValue::of)
                                    .toList()))));
                }
                if (!rule.sentiments().isEmpty()) {
                    b.filter(f -> f.terms(t -> t.field(MentionFields.SENTIMENT_LABEL)
                            .terms(v -> v.value(rule.sentiments().stream()
                                    .map(FieldValue::of)
                                    .toList()))));
                }
                return b;
            }));
            try (AlertMatcher matcher = AlertMatcher.open(List.of(rule))) {
                if (!matcher.rejectedRules().isEmpty()) {
                    throw new IllegalArgumentException(
                            "rule refused: " + matcher.rejectedRules().get(0));
                }
                List<FieldValue> after = null;
                while (true) {
                    List<FieldValue> searchAfter = after;
                    SearchResponse<JsonNode> page = client.search(
                            s -> {
                                s.index(INDEX)
                                        .ignoreUnavailable(true)
                                        .allowNoIndices(true)
                                        .size(PAGE_SIZE)
                                        .query(query)
                                        .trackTotalHits(t -> t.enabled(false))
                                        .source(src -> src.filter(f -> f.includes(FIELDS)))
                                        .sort(o -> o.field(f -> f.field(MentionFields.PUBLISHED_AT)
                                                .order(SortOrder.Asc)))
                                        .sort(o -> o.field(
                                                f -> f.field(MentionFields.ID).order(SortOrder.Asc)));
                                if (searchAfter != null) {
                                    s.searchAfter(searchAfter);
                                }
                                return s;
                            },
                            JsonNode.class);
                    requests++;
                    List<Hit<JsonNode>> hits = page.hits().hits();
                    List<AlertDocument> docs = new ArrayList<>(hits.size());
                    List<JsonNode> sources = new ArrayList<>(hits.size());
                    for (Hit<JsonNode> hit : hits) {
                        if (hit.source() != null) {
                            docs.add(document(rule.watch(), hit.id(), hit.source()));
                            sources.add(hit.source());
                        }
                    }
                    candidates += docs.size();
                    List<AlertResult> results = matcher.match(docs);
                    for (int i = 0; i < results.size(); i++) {
                        AlertResult r = results.get(i);
                        if (r.matches().isEmpty()) {
                            continue;
                        }
                        matched++;
                        JsonNode src = sources.get(i);
                        Instant at = Instant.parse(
                                src.path(MentionFields.PUBLISHED_AT).asText());
                        perWeek.merge(week(at, zone), 1L, Long::sum);
                        if (first.size() < showFirst) {
                            AlertMatch m = r.matches().get(0);
                            AlertDocument d = docs.get(i);
                            first.add(new Match(
                                    d.id(),
                                    at,
                                    at(src, MentionFields.SOURCE_NAME).asText(""),
                                    d.title() == null ? "" : d.title(),
                                    d.text() == null ? "" : d.text(),
                                    d.url(),
                                    m.matchedTerms(),
                                    m.highlights()));
                        }
                    }
                    if (hits.size() < PAGE_SIZE) {
                        break;
                    }
                    after = hits.get(hits.size() - 1).sort();
                }
            }
        }
        return new Result(inWindowCount, candidates, matched, perWeek, first, prefilter, requests);
    }

    /**
     * Why a mention matches the rule or not.
     *
     * @param rule       the rule
     * @param documentId the mention's document id
     * @return the explanation lines, or an empty list when the mention is not indexed for the rule's watch
     * @throws IOException when Elasticsearch cannot be read
     */
    public List<String> explain(AlertRule rule, String documentId) throws IOException {
        SearchResponse<JsonNode> found = client.search(
                s -> s.index(INDEX)
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .size(1)
                        .source(src -> src.filter(f -> f.includes(FIELDS)))
                        .query(q -> q.bool(b -> b.filter(f ->
                                        f.term(t -> t.field(MentionFields.WATCH).value(rule.watch())))
                                .filter(f -> f.ids(i -> i.values(documentId))))),
                JsonNode.class);
        if (found.hits().hits().isEmpty() || found.hits().hits().get(0).source() == null) {
            return List.of();
        }
        JsonNode src = found.hits().hits().get(0).source();
        AlertDocument doc = document(rule.watch(), documentId, src);
        List<String> lines = new ArrayList<>();
        lines.add("Mention " + documentId + " ("
                + at(src, MentionFields.SOURCE_NAME).asText("?") + ", "
                + src.path(MentionFields.PUBLISHED_AT).asText("?") + ", lang " + doc.language() + ", sentiment "
                + doc.sentiment() + ")");
        lines.add("  title: " + (doc.title() == null ? "" : doc.title()));
        boolean matches;
        try (AlertMatcher matcher = AlertMatcher.open(List.of(rule))) {
            AlertResult result = matcher.match(doc);
            matches = !result.matches().isEmpty();
            lines.add(
                    matches
                            ? "MATCHES, on: "
                                    + String.join(", ", result.matches().get(0).matchedTerms())
                            : "DOES NOT MATCH");
        }
        boolean language = rule.languages().isEmpty() || rule.languages().contains(doc.language());
        boolean sentiment = rule.sentiments().isEmpty() || rule.sentiments().contains(doc.sentiment());
        if (!rule.languages().isEmpty()) {
            lines.add("  languages " + rule.languages() + ": "
                    + (language ? "yes" : "no, the mention is " + doc.language()));
        }
        if (!rule.sentiments().isEmpty()) {
            lines.add("  sentiments " + rule.sentiments() + ": "
                    + (sentiment ? "yes" : "no, the mention is " + doc.sentiment()));
        }
        lines.add("  query clauses (as the matcher reads them, words folded and lightly stemmed):");
        for (String clause : AlertPrefilter.explain(rule.query(), doc)) {
            lines.add("    " + clause);
        }
        return lines;
    }

    private static AlertDocument document(String watch, String id, JsonNode src) {
        String name = at(src, MentionFields.AUTHOR_NAME).isTextual()
                ? at(src, MentionFields.AUTHOR_NAME).asText()
                : null;
        String handle = at(src, MentionFields.AUTHOR_HANDLE).isTextual()
                ? at(src, MentionFields.AUTHOR_HANDLE).asText()
                : null;
        String author = name == null ? handle : handle == null ? name : name + " " + handle;
        return AlertDocument.builder(watch, id)
                .title(text(src, MentionFields.TITLE))
                .text(text(src, MentionFields.TEXT))
                .author(author)
                .url(text(src, MentionFields.URL))
                .language(src.path(MentionFields.LANG).asText("unknown"))
                .sentiment(
                        at(src, MentionFields.SENTIMENT_LABEL).isTextual()
                                ? at(src, MentionFields.SENTIMENT_LABEL).asText()
                                : null)
                .build();
    }

    private static String text(JsonNode src, String field) {
        JsonNode n = src.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The ISO week of an instant in a zone: {@code 2026-W07}. */
    static String week(Instant at, ZoneId zone) {
        ZonedDateTime z = at.atZone(zone);
        return String.format("%d-W%02d", z.get(IsoFields.WEEK_BASED_YEAR), z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The field names an {@link AlertPrefilter} word condition reads in {@code vigie-mentions}. */
    static List<String> fieldsOf(String alertField) {
        return switch (alertField) {
            case AlertFields.TITLE -> List.of(MentionFields.TITLE);
            case AlertFields.TEXT -> List.of(MentionFields.TEXT);
            default -> List.of(MentionFields.TITLE, MentionFields.TEXT);
        };
    }
}
