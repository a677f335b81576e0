package dev.vigie.connectors.mention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.connectors.http.FetchRequest;
import dev.vigie.connectors.http.FetchResult;
import dev.vigie.connectors.http.Purpose;
import dev.vigie.connectors.internal.Json;
import dev.vigie.connectors.internal.PlainText;
import dev.vigie.connectors.internal.QueryUrls;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hacker News through the Algolia API ({@code /api/v1/search_by_date}, stories and comments, newest first), paged
 * with {@code page}; later runs add {@code numericFilters=created_at_i>cursor} so only newer items are returned. The
 * parser also reads {@code /api/v1/search} hits and {@code /api/v1/items/:id} trees.
 *
 * @param baseUrl {@link #DEFAULT_BASE_URL}
 * @param query search text
 * @param pageSize hits per page (1..1000)
 */
public record HackerNewsSearch(String baseUrl, String query, int pageSize) implements MentionQuery {
    public static final String DEFAULT_BASE_URL = "https://hn.algolia.com";
    public static final int DEFAULT_PAGE_SIZE = 100;

    public HackerNewsSearch {
        baseUrl = QueryUrls.base("baseUrl", baseUrl);
        query = QueryUrls.required("query", query);
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be within 1..1000: " + pageSize);
        }
    }

    public HackerNewsSearch(String query) {
        this(DEFAULT_BASE_URL, query, DEFAULT_PAGE_SIZE);
    }

    /**
     * Stories and comments are published on Hacker News itself, whatever a story links to: that is the outlet a
     * share of voice counts (the linked article, when it names the brand, comes through the feeds).
     */
    static final String OUTLET = "Hacker News";

    static final String OUTLET_URL = "https://news.ycombinator.com";

    @Override
    public String label() {
        return "\"" + query + "\" on Hacker News";
    }

    @Override
    public FetchRequest firstRequest(MentionCursor since) {
        String url = baseUrl + "/api/v1/search_by_date?query=" + Json.encode(query) + "&tags="
                + Json.encode("(story,comment)") + "&hitsPerPage=" + pageSize;
        if (!since.isStart()) {
            url += "&numericFilters=" + Json.encode("created_at_i>" + since.value());
        }
        return FetchRequest.of(url + "&page=0", Purpose.API);
    }

    @Override
    public MentionPage parse(FetchResult.Ok response, MentionCursor since) {
        try {
            JsonNode root = Json.parse(response.body());
            List<JsonNode> items = new ArrayList<>();
            if (root.has("hits")) {
                root.get("hits").forEach(items::add);
            } else {
                tree(root, items, 0);
            }
            long cursor = since.isStart() ? Long.MIN_VALUE : Long.parseLong(since.value());
            List<Mention> mentions = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            Long newest = null;
            boolean reached = false;
            for (JsonNode item : items) {
                Long created = Json.number(item, "created_at_i");
                if (created != null && created <= cursor) {
                    reached = true;
                    continue;
                }
                try {
                    mentions.add(toMention(item, response.fetchedAt()));
                    if (created != null && (newest == null || created > newest)) {
                        newest = created;
                    }
                } catch (RuntimeException e) {
                    errors.add("item " + Json.text(item, "objectID") + ": " + e.getMessage());
                }
            }
            FetchRequest next = null;
            Long page = Json.number(root, "page");
            Long pages = Json.number(root, "nbPages");
            if (page != null && pages != null && page + 1 < pages && !items.isEmpty() && !reached) {
                next = FetchRequest.of(
                        QueryUrls.withParam(response.finalUrl().toString(), "page", Long.toString(page + 1)),
                        Purpose.API);
            }
            return new MentionPage(
                    mentions, next, newest == null ? null : new MentionCursor(newest.toString()), reached, errors);
        } catch (IOException | RuntimeException e) {
            return new MentionPage(List.of(), null, null, false, List.of(response.finalUrl() + ": " + e.getMessage()));
        }
    }

    private static void tree(JsonNode item, List<JsonNode> out, int depth) {
        if (item == null || !item.isObject() || depth > 500) {
            return;
        }
        if (item.has("id") || item.has("objectID")) {
            out.add(item);
        }
        if (item.has("children") && item.get("children").isArray()) {
            item.get("children").forEach(c -> tree(c, out, depth + 1));
        }
    }

    private Mention toMention(JsonNode item, Instant fetchedAt) {
        String id = Json.text(item, "objectID") != null ? Json.text(item, "objectID") : Json.text(item, "id");
        if (id == null) {
            throw new IllegalArgumentException("item without id");
        }
        String title = Json.text(item, "title");
        String text = Json.text(item, "comment_text") != null
                ? Json.text(item, "comment_text")
                : Json.text(item, "story_text") != null ? Json.text(item, "story_text") : Json.text(item, "text");
        String plain = PlainText.of(text);
        if (plain.isEmpty()) {
            plain = title != null
                    ? PlainText.of(title)
                    : Json.text(item, "story_title") != null ? PlainText.of(Json.text(item, "story_title")) : "";
        }
        Long created = Json.number(item, "created_at_i");
        Instant date = created != null ? Instant.ofEpochSecond(created) : Json.instant(item, "created_at");
        Engagement engagement =
                new Engagement(null, null, Json.number(item, "num_comments"), Json.number(item, "points"));
        String author = Json.text(item, "author");
        return new Mention(
                "hackernews:" + id,
                new Source(SourceType.HACKERNEWS, OUTLET, OUTLET_URL, label()),
                OUTLET_URL + "/item?id=" + id,
                title == null ? null : PlainText.of(title),
                plain,
                new Author(author, author, null),
                date != null ? date : fetchedAt,
                date == null,
                fetchedAt,
                null,
                engagement,
                null);
    }
}
