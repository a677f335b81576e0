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
 * Bluesky post search ({@code GET /xrpc/app.bsky.feed.searchPosts}, newest first), paginated with the response's
 * {@code cursor}; later runs pass {@code since} = the newest {@code createdAt} already read. The parser also reads
 * the other post envelopes of the AppView ({@code getPosts}, feeds, threads).
 *
 * @param baseUrl AppView base URL ({@link #DEFAULT_BASE_URL})
 * @param query search text (Lucene-like syntax of the service)
 * @param pageSize posts per page (1..100)
 */
public record BlueskySearch(String baseUrl, String query, int pageSize) implements MentionQuery {
    public static final String DEFAULT_BASE_URL = "https://api.bsky.app";
    public static final int DEFAULT_PAGE_SIZE = 100;

    public BlueskySearch {
        baseUrl = QueryUrls.base("baseUrl", baseUrl);
        query = QueryUrls.required("query", query);
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be within 1..100: " + pageSize);
        }
    }

    public BlueskySearch(String query) {
        this(DEFAULT_BASE_URL, query, DEFAULT_PAGE_SIZE);
    }

    /** Every post is read through the AppView and shown on bsky.app, whichever server hosts its author. */
    static final String OUTLET = "bsky.app";

    static final String OUTLET_URL = "https://bsky.app";

    @Override
    public String label() {
        return "\"" + query + "\" on Bluesky";
    }

    @Override
    public FetchRequest firstRequest(MentionCursor since) {
        String url =
                baseUrl + "/xrpc/app.bsky.feed.searchPosts?q=" + Json.encode(query) + "&sort=latest&limit=" + pageSize;
        if (!since.isStart()) {
            url += "&since=" + Json.encode(since.value());
        }
        return FetchRequest.of(url, Purpose.API);
    }

    @Override
    public MentionPage parse(FetchResult.Ok response, MentionCursor since) {
        try {
            JsonNode root = Json.parse(response.body());
            List<JsonNode> posts = new ArrayList<>();
            collect(root, posts);
            Instant cursor = since.isStart() ? null : Instant.parse(since.value());
            List<Mention> mentions = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            Instant newest = null;
            boolean reached = false;
            for (JsonNode p : posts) {
                try {
                    Mention m = toMention(p, response.fetchedAt());
                    if (cursor != null && !m.publishedAt().isAfter(cursor)) {
                        reached = true;
                        continue;
                    }
                    if (!m.publishedEstimated()
                            && (newest == null || m.publishedAt().isAfter(newest))) {
                        newest = m.publishedAt();
                    }
                    mentions.add(m);
                } catch (RuntimeException e) {
                    errors.add("post " + Json.text(p, "uri") + ": " + e.getMessage());
                }
            }
            String next = Json.text(root, "cursor");
            FetchRequest nextRequest = next == null || posts.isEmpty() || reached
                    ? null
                    : FetchRequest.of(
                            QueryUrls.withParam(response.finalUrl().toString(), "cursor", Json.encode(next)),
                            Purpose.API);
            return new MentionPage(
                    mentions,
                    nextRequest,
                    newest == null ? null : new MentionCursor(newest.toString()),
                    reached,
                    errors);
        } catch (IOException | RuntimeException e) {
            return new MentionPage(List.of(), null, null, false, List.of(response.finalUrl() + ": " + e.getMessage()));
        }
    }

    @Override
    public int compare(String a, String b) {
        return Instant.parse(a).compareTo(Instant.parse(b));
    }

    private Mention toMention(JsonNode post, Instant fetchedAt) {
        String uri = Json.text(post, "uri");
        if (uri == null) {
            throw new IllegalArgumentException("post without uri");
        }
        JsonNode author = post.get("author");
        String handle = Json.text(author, "handle");
        String did = Json.text(author, "did");
        String rkey = uri.substring(uri.lastIndexOf('/') + 1);
        String url = "https://bsky.app/profile/" + (handle != null ? handle : did) + "/post/" + rkey;
        JsonNode record = post.get("record");
        Instant created = Json.instant(record, "createdAt");
        if (created == null) {
            created = Json.instant(post, "indexedAt");
        }
        String lang = null;
        if (record != null
                && record.has("langs")
                && record.get("langs").isArray()
                && record.get("langs").size() > 0) {
            lang = record.get("langs").get(0).asText();
            int dash = lang.indexOf('-');
            lang = dash > 0 ? lang.substring(0, dash) : lang;
        }
        Long followers = Json.number(author, "followersCount");
        Engagement engagement = new Engagement(
                Json.number(post, "likeCount"),
                Json.plus(Json.number(post, "repostCount"), Json.number(post, "quoteCount")),
                Json.number(post, "replyCount"),
                null);
        Source source = new Source(SourceType.BLUESKY, OUTLET, OUTLET_URL, label());
        return new Mention(
                "bluesky:" + uri,
                source,
                url,
                null,
                PlainText.tidy(Json.text(record, "text") == null ? "" : Json.text(record, "text")),
                new Author(Json.text(author, "displayName"), handle == null ? did : "@" + handle, followers),
                created != null ? created : fetchedAt,
                created == null,
                fetchedAt,
                lang,
                engagement,
                followers);
    }

    /** Post views of every AppView envelope: posts[], feed[].post, thread.post and its replies/parent. */
    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.has("posts") && node.get("posts").isArray()) {
            node.get("posts").forEach(out::add);
        }
        if (node.has("feed") && node.get("feed").isArray()) {
            node.get("feed").forEach(item -> {
                if (item.has("post")) {
                    out.add(item.get("post"));
                }
            });
        }
        if (node.has("thread")) {
            thread(node.get("thread"), out, 0);
        }
    }

    private static void thread(JsonNode t, List<JsonNode> out, int depth) {
        if (t == null || !t.isObject() || depth > 200) {
            return;
        }
        if (t.has("post") && t.get("post").has("uri")) {
            out.add(t.get("post"));
        }
        if (t.has("parent")) {
            thread(t.get("parent"), out, depth + 1);
        }
        if (t.has("replies") && t.get("replies").isArray()) {
            t.get("replies").forEach(r -> thread(r, out, depth + 1));
        }
    }
}
