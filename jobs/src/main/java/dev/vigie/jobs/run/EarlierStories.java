package dev.vigie.jobs.run;

import static dev.vigie.dashboards.fields.Fields.at;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.dashboards.fields.MentionFields;
import dev.vigie.jobs.run.internal.Backoff;
import dev.vigie.nlp.dedup.StorySignature;
import dev.vigie.nlp.dedup.StorySigner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, in {@code vigie-mentions}, the mentions of earlier runs that may be copies of this run's: same watch,
 * published in the window, sharing an LSH band key ({@code story_bands}) with one of them. Band keys go by thousands
 * in one {@code terms} query, never one request per mention; a watch with nothing indexed in the window costs one
 * count request.
 *
 * <p>Elasticsearch being unreachable or overloaded (connection errors, 429, 5xx) is retried with back-off for up to
 * the run's retry duration, then fails the run, which commits nothing and can simply be run again.
 */
final class EarlierStories {

    /** Band keys per {@code terms} query (Elasticsearch accepts up to 65,536): 512 mentions' worth. */
    static final int BAND_KEYS_PER_QUERY = 16_384;
    /** Hits per page of a lookup. */
    static final int PAGE_SIZE = 1_000;
    /** Story ids per aggregation of their sources: times {@link #MAX_SOURCES} stays under Elasticsearch's buckets. */
    static final int STORIES_PER_QUERY = 50;
    /** Distinct sources counted per story; more is "a thousand sources" for anyone reading a digest. */
    static final int MAX_SOURCES = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(EarlierStories.class);
    private static final String INDEX = MentionDocuments.INDEX;
    private static final List<String> FIELDS = List.of(
            MentionFields.ID,
            MentionFields.STORY_ID,
            MentionFields.DUPLICATE_OF,
            MentionFields.SOURCE_NAME,
            MentionFields.PUBLISHED_AT,
            MentionFields.STORY_SIGNATURE);
    private static final List<String> EVENT_FIELDS = List.of(
            MentionFields.STORY_ID,
            MentionFields.EVENT_ID,
            MentionFields.EVENT_KEYS,
            MentionFields.SOURCE_NAME,
            MentionFields.PUBLISHED_AT,
            MentionFields.LANG,
            MentionFields.TITLE,
            MentionFields.TEXT);
    /** Walk order of the copy lookup: by document id. */
    private static final List<SortOptions> BY_ID = List.of(byId());
    /** Walk order of the event lookup: the most recent first, then by document id. */
    private static final List<SortOptions> MOST_RECENT_FIRST = List.of(
            SortOptions.of(o -> o.field(f -> f.field(MentionFields.PUBLISHED_AT).order(SortOrder.Desc))), byId());
    /** Event keys per {@code terms} query. */
    static final int EVENT_KEYS_PER_QUERY = 16_384;

    /**
     * A mention of an earlier run sharing a band key with this run's.
     *
     * @param id          its document id
     * @param storyId     its story id
     * @param duplicateOf the mention it copies, or {@code null}
     * @param publishedAt its publication time
     * @param sourceName  its source
     * @param signature   its signature, rebuilt from {@code story_signature}
     */
    record Found(
            String id,
            String storyId,
            String duplicateOf,
            Instant publishedAt,
            String sourceName,
            StorySignature signature) {}

    /**
     * A mention of an earlier run sharing an event key with this run's.
     *
     * @param id          its document id
     * @param eventId     its event story id
     * @param storyId     its near-copy story id
     * @param publishedAt its publication time
     * @param sourceName  its source
     * @param lang        its language
     * @param title       its title (or first words)
     * @param keys        its event keys
     */
    record FoundEvent(
            String id,
            String eventId,
            String storyId,
            Instant publishedAt,
            String sourceName,
            String lang,
            String title,
            List<String> keys) {}

    /** What an event lookup found: the most recent first, at most the cap. */
    record EventLookup(List<FoundEvent> found, int unreadable, int requests, boolean capped) {}

    /** What a lookup found, and how many stored documents could not be read (counted, never fatal). */
    record Lookup(List<Found> found, int unreadable, int requests) {}

    private final ElasticsearchClient client;
    private final StorySigner signer;
    private final Backoff backoff;

    EarlierStories(ElasticsearchClient client, StorySigner signer, Duration maxRetry) {
        this.client = client;
        this.signer = signer;
        this.backoff = new Backoff(maxRetry, Duration.ofMillis(250), Duration.ofSeconds(10));
    }

    /**
     * The mentions of {@code watch} published since {@code since} that share a band key with one of
     * {@code signatures}. Band keys are made and sent {@link #BAND_KEYS_PER_QUERY} at a time, so a large batch never
     * holds them all.
     *
     * @return each at most once
     * @throws IOException when Elasticsearch could not answer within the retry duration
     */
    Lookup find(String watch, Collection<StorySignature> signatures, Instant since) throws IOException {
        List<Found> found = new ArrayList<>();
        Query inWindow = Query.of(q -> q.bool(b -> b.filter(
                        f -> f.term(t -> t.field(MentionFields.WATCH).value(watch)))
                .filter(f -> f.range(
                        r -> r.date(d -> d.field(MentionFields.PUBLISHED_AT).gte(since.toString()))))
                .filter(f -> f.exists(e -> e.field(MentionFields.STORY_BANDS)))));
        long indexed = retrying(
                "counting earlier mentions of watch " + watch,
                () -> client.count(c -> c.index(INDEX)
                                .ignoreUnavailable(true)
                                .allowNoIndices(true)
                                .query(inWindow))
                        .count());
        Lookup lookup = new Lookup(found, 0, 1);
        if (indexed == 0) {
            return lookup;
        }
        Set<String> seen = new HashSet<>();
        Set<String> chunk = new LinkedHashSet<>();
        for (StorySignature signature : signatures) {
            chunk.addAll(signature.bandKeys());
            if (chunk.size() >= BAND_KEYS_PER_QUERY) {
                lookup = lookUp(watch, inWindow, chunk, seen, lookup);
                chunk.clear();
            }
        }
        return chunk.isEmpty() ? lookup : lookUp(watch, inWindow, chunk, seen, lookup);
    }

    /** One {@code terms} query on some band keys, page after page; adds to {@code so far}. */
    private Lookup lookUp(String watch, Query inWindow, Set<String> bandKeys, Set<String> seen, Lookup soFar)
            throws IOException {
        List<FieldValue> keys = bandKeys.stream().map(FieldValue::of).toList();
        Query query = Query.of(q -> q.bool(b -> b.filter(inWindow)
                .filter(f -> f.terms(t -> t.field(MentionFields.STORY_BANDS).terms(v -> v.value(keys))))));
        int unreadable = soFar.unreadable();
        int requests = soFar.requests();
        List<FieldValue> after = null;
        while (true) {
            List<Hit<JsonNode>> hits =
                    page("looking up earlier copies for watch " + watch, query, FIELDS, PAGE_SIZE, BY_ID, after);
            requests++;
            for (Hit<JsonNode> hit : hits) {
                if (hit.source() != null && seen.add(hit.id())) {
                    Found f = read(hit.id(), hit.source());
                    if (f == null) {
                        unreadable++;
                    } else {
                        soFar.found().add(f);
                    }
                }
            }
            if (hits.size() < PAGE_SIZE) {
                return new Lookup(soFar.found(), unreadable, requests);
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /**
     * The mentions of {@code watch} published since {@code since} that share an event key ({@code event.keys}) with
     * this run, the most recent first, at most {@code max} (a watch's busiest days cost a bounded read, and the
     * event stories they continue are the recent ones).
     *
     * @throws IOException when Elasticsearch could not answer within the retry duration
     */
    EventLookup findEvents(String watch, Collection<String> keys, Instant since, int max) throws IOException {
        List<FoundEvent> found = new ArrayList<>();
        if (keys.isEmpty()) {
            return new EventLookup(found, 0, 0, false);
        }
        List<String> all = new ArrayList<>(keys);
        Set<String> seen = new HashSet<>();
        int unreadable = 0;
        int requests = 0;
        boolean capped = false;
        for (int from = 0; from < all.size() && !capped; from += EVENT_KEYS_PER_QUERY) {
            List<FieldValue> chunk = all.subList(from, Math.min(all.size(), from + EVENT_KEYS_PER_QUERY)).stream()
                    .map(FieldValue::of)
                    .toList();
            Query query = Query.of(q -> q.bool(b -> b.filter(
                            f -> f.term(t -> t.field(MentionFields.WATCH).value(watch)))
                    .filter(f -> f.range(
                            r -> r.date(d -> d.field(MentionFields.PUBLISHED_AT).gte(since.toString()))))
                    .filter(f -> f.terms(t -> t.field(MentionFields.EVENT_KEYS).terms(v -> v.value(chunk))))));
            List<FieldValue> after = null;
            while (true) {
                int size = Math.min(PAGE_SIZE, max - found.size());
                List<Hit<JsonNode>> hits = page(
                        "looking up earlier event stories for watch " + watch,
                        query,
                        EVENT_FIELDS,
                        size,
                        MOST_RECENT_FIRST,
                        after);
                requests++;
                for (Hit<JsonNode> hit : hits) {
                    if (hit.source() != null && seen.add(hit.id())) {
                        FoundEvent f = readEvent(hit.id(), hit.source());
                        if (f == null) {
                            unreadable++;
                        } else {
                            found.add(f);
                        }
                    }
                }
                if (found.size() >= max) {
                    capped = true;
                    break;
                }
                if (hits.size() < size) {
                    break;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        }
        return new EventLookup(found, unreadable, requests, capped);
    }

    /**
     * One page of a {@code search_after} walk over the mentions: {@code size} hits of {@code query} with
     * {@code fields}, in {@code sort} order (which ends on the unique {@code id}), after the sort values of the
     * previous page's last hit ({@code null} for the first page).
     */
    private List<Hit<JsonNode>> page(
            String what, Query query, List<String> fields, int size, List<SortOptions> sort, List<FieldValue> after)
            throws IOException {
        SearchResponse<JsonNode> page = retrying(
                what,
                () -> client.search(
                        s -> {
                            s.index(INDEX)
                                    .ignoreUnavailable(true)
                                    .allowNoIndices(true)
                                    .size(size)
                                    .query(query)
                                    .trackTotalHits(t -> t.enabled(false))
                                    .source(src -> src.filter(f -> f.includes(fields)))
                                    .sort(sort);
                            if (after != null) {
                                s.searchAfter(after);
                            }
                            return s;
                        },
                        JsonNode.class));
        return page.hits().hits();
    }

    /** A stored mention as the event stage needs it, or {@code null} (logged) when it cannot be read. */
    private static FoundEvent readEvent(String docId, JsonNode source) {
        try {
            String eventId = at(source, MentionFields.EVENT_ID).asText("");
            if (eventId.isEmpty()) {
                throw new IllegalArgumentException("no event.id");
            }
            List<String> keys = new ArrayList<>();
            at(source, MentionFields.EVENT_KEYS).forEach(k -> keys.add(k.asText()));
            String title = source.path(MentionFields.TITLE).asText("");
            if (title.isBlank()) {
                String text = source.path(MentionFields.TEXT).asText("");
                title = text.length() <= 140 ? text : text.substring(0, 140) + "…";
            }
            return new FoundEvent(
                    docId,
                    eventId,
                    source.path(MentionFields.STORY_ID).asText(docId),
                    Instant.parse(source.path(MentionFields.PUBLISHED_AT).asText()),
                    at(source, MentionFields.SOURCE_NAME).asText(docId),
                    source.path(MentionFields.LANG).asText("unknown"),
                    title,
                    keys);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            LOG.warn(
                    "Earlier mention {} cannot be compared with new ones and is left out of the event stage: {}",
                    docId,
                    e.getMessage());
            return null;
        }
    }

    /**
     * The distinct sources of the mentions of {@code watch} indexed under each of {@code storyIds}.
     *
     * @return story id to source names (absent when none is indexed)
     * @throws IOException when Elasticsearch could not answer within the retry duration
     */
    Map<String, Set<String>> sourcesOf(String watch, Collection<String> storyIds) throws IOException {
        return sourcesOf(watch, MentionFields.STORY_ID, storyIds);
    }

    /**
     * The distinct sources of the mentions of {@code watch} indexed under each of {@code ids} of a story field
     * ({@code story_id} or {@code event.id}).
     *
     * @return id to source names (absent when none is indexed)
     * @throws IOException when Elasticsearch could not answer within the retry duration
     */
    Map<String, Set<String>> sourcesOf(String watch, String field, Collection<String> storyIds) throws IOException {
        Map<String, Set<String>> sources = new HashMap<>();
        List<FieldValue> ids = storyIds.stream().distinct().map(FieldValue::of).toList();
        for (int from = 0; from < ids.size(); from += STORIES_PER_QUERY) {
            List<FieldValue> chunk = ids.subList(from, Math.min(ids.size(), from + STORIES_PER_QUERY));
            SearchResponse<Void> response = retrying(
                    "counting the sources of earlier stories of watch " + watch,
                    () -> client.search(
                            s -> s.index(INDEX)
                                    .ignoreUnavailable(true)
                                    .allowNoIndices(true)
                                    .size(0)
                                    .query(q -> q.bool(b -> b.filter(f -> f.term(t ->
                                                    t.field(MentionFields.WATCH).value(watch)))
                                            .filter(f ->
                                                    f.terms(t -> t.field(field).terms(v -> v.value(chunk))))))
                                    .aggregations(
                                            "stories",
                                            a -> a.terms(t -> t.field(field).size(chunk.size()))
                                                    .aggregations(
                                                            "sources",
                                                            b -> b.terms(t -> t.field(MentionFields.SOURCE_NAME)
                                                                    .size(MAX_SOURCES)))),
                            Void.class));
            if (response.aggregations().get("stories") == null) {
                continue; // no index yet
            }
            for (StringTermsBucket story :
                    response.aggregations().get("stories").sterms().buckets().array()) {
                Set<String> names = sources.computeIfAbsent(story.key().stringValue(), k -> new HashSet<>());
                for (StringTermsBucket source :
                        story.aggregations().get("sources").sterms().buckets().array()) {
                    names.add(source.key().stringValue());
                }
            }
        }
        return sources;
    }

    /** A stored mention as the story stage needs it, or {@code null} (logged) when it cannot be read. */
    private Found read(String docId, JsonNode source) {
        try {
            String storyId = source.path(MentionFields.STORY_ID).asText("");
            byte[] stored = source.path(MentionFields.STORY_SIGNATURE).binaryValue();
            if (storyId.isEmpty() || stored == null) {
                throw new IllegalArgumentException("no story_id or story_signature");
            }
            JsonNode duplicateOf = source.get(MentionFields.DUPLICATE_OF);
            return new Found(
                    docId,
                    storyId,
                    duplicateOf == null || duplicateOf.isNull() ? null : duplicateOf.asText(),
                    Instant.parse(source.path(MentionFields.PUBLISHED_AT).asText()),
                    at(source, MentionFields.SOURCE_NAME).asText(docId),
                    signer.fromBytes(stored));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            LOG.warn(
                    "Earlier mention {} cannot be compared with new ones and is left out of the story stage: {}",
                    docId,
                    e.getMessage());
            return null;
        }
    }

    private static SortOptions byId() {
        return SortOptions.of(o -> o.field(f -> f.field(MentionFields.ID).order(SortOrder.Asc)));
    }

    private <T> T retrying(String what, Backoff.Call<T> call) throws IOException {
        try {
            return backoff.call(what, EarlierStories::retryable, call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what, e);
        } catch (IOException e) {
            throw new IOException("Elasticsearch " + e.getMessage(), e.getCause());
        }
    }

    /** A failure worth retrying: no answer, too many requests, or a server error. */
    static boolean retryable(Exception e) {
        return e instanceof IOException
                || e instanceof ElasticsearchException es && (es.status() == 429 || es.status() >= 500);
    }
}
