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
 * Reddit search listing ({@code /search.json} or {@code /r/:sub/search.json}, {@code sort=new}), paginated with the
 * listing's {@code after}; pagination stops at the first item not newer than the cursor (the newest
 * {@code created_utc} already read). Posts (t3) and comments (t1, with nested replies) are both read.
 *
 * @param baseUrl {@link #DEFAULT_BASE_URL} or {@code https://oauth.reddit.com} with a token
 * @param query search text
 * @param subreddit restrict to one subreddit, {@code null} for all
 * @param pageSize items per page (1..100)
 */
public record RedditSearch(String baseUrl, String query, String subreddit, int pageSize) implements MentionQuery {
    public static final String DEFAULT_BASE_URL = "https://www.reddit.com";
    public static final int DEFAULT_PAGE_SIZE = 100;

    public RedditSearch {
        baseUrl = QueryUrls.base("baseUrl", baseUrl);
        query = QueryUrls.required("query", query);
        if (subreddit != null) {
            subreddit = subreddit.strip().replaceFirst("^/?r/", "");
            if (!subreddit.matches("[A-Za-z0-9_]{2,21}")) {
                throw new IllegalArgumentException("not a subreddit name: '" + subreddit + "'");
            }
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be within 1..100: " + pageSize);
        }
    }

    public RedditSearch(String query, String subreddit) {
        this(DEFAULT_BASE_URL, query, subreddit, DEFAULT_PAGE_SIZE);
    }

    /** Where Reddit's pages are; permalinks are made absolute against it, as the outlets' addresses. */
    static final String REDDIT = "https://www.reddit.com";

    @Override
    public String label() {
        return "\"" + query + "\" on " + (subreddit == null ? "Reddit" : "r/" + subreddit);
    }

    /**
     * A post's outlet is its subreddit ({@code r/france}), or the profile it was posted to ({@code u/someone});
     * the searched subreddit, else Reddit, when the listing does not say.
     */
    private Source outlet(JsonNode d) {
        String prefixed = Json.text(d, "subreddit_name_prefixed");
        String name = Json.text(d, "subreddit");
        if (prefixed == null && name != null) {
            prefixed = name.startsWith("u_") ? "u/" + name.substring(2) : "r/" + name;
        }
        if (prefixed == null && subreddit != null) {
            prefixed = "r/" + subreddit;
        }
        if (prefixed == null || !prefixed.matches("[ru]/[A-Za-z0-9_-]{1,40}")) {
            return new Source(SourceType.REDDIT, "Reddit", REDDIT, label());
        }
        return new Source(SourceType.REDDIT, prefixed, REDDIT + "/" + prefixed, label());
    }

    private String endpoint() {
        return baseUrl + (subreddit == null ? "" : "/r/" + subreddit) + "/search.json";
    }

    @Override
    public FetchRequest firstRequest(MentionCursor since) {
        return FetchRequest.of(
                endpoint() + "?q=" + Json.encode(query) + "&sort=new&limit=" + pageSize + "&raw_json=1"
                        + (subreddit == null ? "" : "&restrict_sr=1"),
                Purpose.API);
    }

    @Override
    public MentionPage parse(FetchResult.Ok response, MentionCursor since) {
        try {
            JsonNode root = Json.parse(response.body());
            List<JsonNode> things = new ArrayList<>();
            String after = listing(root, things, 0);
            long cursor = since.isStart() ? Long.MIN_VALUE : Long.parseLong(since.value());
            List<Mention> mentions = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            Long newest = null;
            boolean reached = false;
            for (JsonNode thing : things) {
                JsonNode d = thing.get("data");
                Long created = Json.number(d, "created_utc");
                if (created != null && created <= cursor) {
                    reached = true;
                    continue;
                }
                try {
                    mentions.add(toMention(thing.get("kind").asText(), d, response.fetchedAt()));
                    if (created != null && (newest == null || created > newest)) {
                        newest = created;
                    }
                } catch (RuntimeException e) {
                    errors.add(Json.text(d, "name") + ": " + e.getMessage());
                }
            }
            FetchRequest next = after == null || reached || things.isEmpty()
                    ? null
                    : FetchRequest.of(
                            QueryUrls.withParam(response.finalUrl().toString(), "after", Json.encode(after)),
                            Purpose.API);
            return new MentionPage(
                    mentions, next, newest == null ? null : new MentionCursor(newest.toString()), reached, errors);
        } catch (IOException | RuntimeException e) {
            return new MentionPage(List.of(), null, null, false, List.of(response.finalUrl() + ": " + e.getMessage()));
        }
    }

    /** Collects t3/t1 things of a Listing (or array of Listings, as a comments page), returns the first 'after'. */
    private static String listing(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 100) {
            return null;
        }
        if (node.isArray()) {
            String after = null;
            for (JsonNode n : node) {
                String a = listing(n, out, depth + 1);
                after = after == null ? a : after;
            }
            return after;
        }
        if (!"Listing".equals(Json.text(node, "kind"))) {
            return null;
        }
        JsonNode data = node.get("data");
        if (data != null && data.has("children")) {
            for (JsonNode child : data.get("children")) {
                String kind = Json.text(child, "kind");
                if ("t3".equals(kind) || "t1".equals(kind)) {
                    out.add(child);
                    JsonNode replies = child.get("data").get("replies");
                    if (replies != null && replies.isObject()) {
                        listing(replies, out, depth + 1);
                    }
                }
            }
        }
        return Json.text(data, "after");
    }

    private Mention toMention(String kind, JsonNode d, Instant fetchedAt) {
        String name = Json.text(d, "name");
        if (name == null) {
            name = kind + "_" + Json.text(d, "id");
        }
        String permalink = Json.text(d, "permalink");
        String url = permalink != null ? (permalink.startsWith("http") ? permalink : REDDIT + permalink) : null;
        String linkId = Json.text(d, "link_id");
        if (url == null && !kind.equals("t3") && linkId != null && Json.text(d, "subreddit") != null) {
            // older listings give comments without permalink: Reddit's canonical comment URL from its parts
            url = REDDIT + "/r/" + Json.text(d, "subreddit") + "/comments/" + linkId.replaceFirst("^t3_", "") + "/_/"
                    + Json.text(d, "id") + "/";
        }
        if (url == null) {
            url = Json.text(d, "url");
        }
        if (url == null) {
            throw new IllegalArgumentException("no permalink");
        }
        Long created = Json.number(d, "created_utc");
        boolean post = kind.equals("t3");
        String title = post ? PlainText.of(Json.text(d, "title")) : null;
        String text = PlainText.of(Json.text(d, post ? "selftext" : "body"));
        if (text.isEmpty() && title != null) {
            text = title;
        }
        String author = Json.text(d, "author");
        Engagement engagement = new Engagement(
                null, Json.number(d, "num_crossposts"), Json.number(d, "num_comments"), Json.number(d, "score"));
        return new Mention(
                "reddit:" + name,
                outlet(d),
                url,
                title,
                text,
                new Author(author, author == null || author.equals("[deleted]") ? null : "u/" + author, null),
                created != null ? Instant.ofEpochSecond(created) : fetchedAt,
                created == null,
                fetchedAt,
                null,
                engagement,
                null);
    }
}
