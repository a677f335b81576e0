package dev.vigie.jobs.demo.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigie.jobs.demo.DemoPhase;
import java.net.URI;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four mention APIs, answering from the bundled posts with the paging and incremental semantics of the real
 * services, so a connector that works against the demo works against them:
 * <ul>
 *   <li>Mastodon {@code GET /api/v1/timelines/tag/:hashtag} ({@code max_id}, {@code since_id}, {@code min_id},
 *   {@code limit}, {@code Link} header with {@code next}/{@code prev}) and {@code GET /api/v2/search}
 *   ({@code q}, {@code type}, {@code limit}, {@code offset}, {@code min_id}, {@code max_id});</li>
 *   <li>Bluesky {@code GET /xrpc/app.bsky.feed.searchPosts} ({@code q}, {@code limit}, {@code cursor},
 *   {@code since}, {@code until}, {@code sort});</li>
 *   <li>Reddit {@code GET /search.json} and {@code /r/:subreddits/search.json} ({@code q}, {@code sort},
 *   {@code limit}, {@code after}, {@code before}, {@code restrict_sr});</li>
 *   <li>Hacker News (Algolia) {@code GET /api/v1/search} and {@code /api/v1/search_by_date} ({@code query},
 *   {@code tags}, {@code numericFilters}, {@code page}, {@code hitsPerPage}).</li>
 * </ul>
 * A search matches a post when every word of the query occurs in its text, ignoring case and accents.
 */
public final class MentionApis {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAG_PATH = Pattern.compile("/api/v1/timelines/tag/([^/]+)");
    private static final Pattern SUBREDDIT_SEARCH = Pattern.compile("/r/([A-Za-z0-9_+]+)/search(?:\\.json)?/?");
    private static final Pattern NUMERIC_FILTER = Pattern.compile("(\\w+)\\s*(>=|<=|>|<|=)\\s*(-?\\d+)");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");

    private final URI base;
    private final Map<DemoPhase, Posts> byPhase = new EnumMap<>(DemoPhase.class);

    /** Posts of one phase, newest first. */
    private record Posts(
            List<ObjectNode> mastodon,
            List<ObjectNode> bluesky,
            List<ObjectNode> reddit,
            List<ObjectNode> hackernews) {}

    /**
     * @param base   the server's base URL, for {@code Link} headers
     * @param anchor what the templates' {@code ago} counts back from
     */
    public MentionApis(URI base, Instant anchor) {
        this.base = base;
        for (DemoPhase phase : DemoPhase.values()) {
            byPhase.put(
                    phase,
                    new Posts(
                            load(
                                    "mastodon/statuses",
                                    phase,
                                    anchor,
                                    Comparator.comparing(MentionApis::mastodonId)
                                            .reversed()),
                            load(
                                    "bluesky/posts",
                                    phase,
                                    anchor,
                                    Comparator.comparing((ObjectNode n) ->
                                                    n.path("indexedAt").asText())
                                            .reversed()),
                            load(
                                    "reddit/posts",
                                    phase,
                                    anchor,
                                    Comparator.comparing((ObjectNode n) -> n.path("data")
                                                    .path("created_utc")
                                                    .asDouble())
                                            .reversed()),
                            load(
                                    "hackernews/hits",
                                    phase,
                                    anchor,
                                    Comparator.comparing((ObjectNode n) ->
                                                    n.path("created_at_i").asLong())
                                            .reversed())));
        }
    }

    /** The answer to {@code request}, or empty when its path is not one of the APIs. */
    public Optional<DemoReply> answer(DemoRequest request, DemoPhase phase) {
        Posts posts = byPhase.get(phase);
        String path = request.path();
        Matcher tag = TAG_PATH.matcher(path);
        if (tag.matches()) {
            return Optional.of(mastodonTag(request, posts.mastodon(), tag.group(1)));
        }
        if (path.equals("/api/v2/search")) {
            return Optional.of(mastodonSearch(request, posts.mastodon()));
        }
        if (path.equals("/xrpc/app.bsky.feed.searchPosts")) {
            return Optional.of(blueskySearch(request, posts.bluesky()));
        }
        if (path.equals("/search.json") || path.equals("/search") || path.equals("/search/")) {
            return Optional.of(redditSearch(request, posts.reddit(), null));
        }
        Matcher sub = SUBREDDIT_SEARCH.matcher(path);
        if (sub.matches()) {
            return Optional.of(redditSearch(request, posts.reddit(), sub.group(1)));
        }
        if (path.equals("/api/v1/search") || path.equals("/api/v1/search_by_date")) {
            return Optional.of(hackerNews(request, posts.hackernews(), path.endsWith("by_date")));
        }
        return Optional.empty();
    }

    /** Every bundled post of {@code phase}, for tests: platform name to wire objects. */
    public Map<String, List<ObjectNode>> all(DemoPhase phase) {
        Posts p = byPhase.get(phase);
        Map<String, List<ObjectNode>> all = new LinkedHashMap<>();
        all.put("mastodon", p.mastodon());
        all.put("bluesky", p.bluesky());
        all.put("reddit", p.reddit());
        all.put("hackernews", p.hackernews());
        return all;
    }

    // ---------------------------------------------------------------- Mastodon

    private DemoReply mastodonTag(DemoRequest request, List<ObjectNode> statuses, String hashtag) {
        String wanted = normalise(java.net.URLDecoder.decode(hashtag, java.nio.charset.StandardCharsets.UTF_8));
        List<ObjectNode> tagged = statuses.stream()
                .filter(s -> {
                    for (JsonNode t : s.path("tags")) {
                        if (normalise(t.path("name").asText()).equals(wanted)) {
                            return true;
                        }
                    }
                    return false;
                })
                .toList();
        int limit = request.intParam("limit", 20, 1, 40);
        List<ObjectNode> page = mastodonPage(request, tagged, limit);
        Map<String, String> headers = rateLimitHeaders();
        if (!page.isEmpty()) {
            String self = base.resolve("/api/v1/timelines/tag/" + hashtag).toString();
            String limitParam =
                    request.param("limit").map(l -> "&limit=" + limit).orElse("");
            headers.put(
                    "Link",
                    "<" + self + "?max_id="
                            + page.get(page.size() - 1).path("id").asText() + limitParam
                            + ">; rel=\"next\", <" + self + "?min_id="
                            + page.get(0).path("id").asText() + limitParam
                            + ">; rel=\"prev\"");
        }
        return DemoReply.ok(DemoReply.JSON, write(array(page)), headers);
    }

    private DemoReply mastodonSearch(DemoRequest request, List<ObjectNode> statuses) {
        Optional<String> q = request.param("q");
        String type = request.param("type").orElse("");
        ObjectNode body = JSON.createObjectNode();
        body.putArray("accounts");
        List<ObjectNode> found = List.of();
        if (q.isPresent() && (type.isEmpty() || type.equals("statuses"))) {
            List<ObjectNode> matching = statuses.stream()
                    .filter(matches(q.get(), MentionApis::mastodonText))
                    .toList();
            int limit = request.intParam("limit", 20, 1, 40);
            int offset = request.intParam("offset", 0, 0, Integer.MAX_VALUE);
            List<ObjectNode> window = mastodonPage(request, matching, Integer.MAX_VALUE);
            found = window.subList(Math.min(offset, window.size()), Math.min(window.size(), offset + limit));
        }
        body.set("statuses", array(found));
        body.putArray("hashtags");
        return DemoReply.ok(DemoReply.JSON, write(body), rateLimitHeaders());
    }

    /** Mastodon's id paging: newest first, or the oldest ones just after {@code min_id}. */
    private static List<ObjectNode> mastodonPage(DemoRequest request, List<ObjectNode> newestFirst, int limit) {
        long maxId = request.param("max_id").map(MentionApis::parseId).orElse(Long.MAX_VALUE);
        long sinceId = request.param("since_id").map(MentionApis::parseId).orElse(Long.MIN_VALUE);
        Optional<Long> minId = request.param("min_id").map(MentionApis::parseId);
        List<ObjectNode> window = newestFirst.stream()
                .filter(s -> {
                    long id = mastodonId(s);
                    return id < maxId && id > sinceId && id > minId.orElse(Long.MIN_VALUE);
                })
                .toList();
        if (minId.isPresent() && window.size() > limit) {
            return window.subList(window.size() - limit, window.size());
        }
        return window.subList(0, Math.min(limit, window.size()));
    }

    private static Map<String, String> rateLimitHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", "300");
        headers.put("X-RateLimit-Remaining", "299");
        return headers;
    }

    private static long mastodonId(ObjectNode status) {
        return parseId(status.path("id").asText());
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static String mastodonText(ObjectNode status) {
        return HTML_TAG.matcher(status.path("content").asText()).replaceAll(" ");
    }

    // ---------------------------------------------------------------- Bluesky

    private DemoReply blueskySearch(DemoRequest request, List<ObjectNode> posts) {
        Optional<String> q = request.param("q");
        if (q.isEmpty()) {
            return DemoReply.error(
                    400,
                    DemoReply.JSON,
                    "{\"error\":\"InvalidRequest\",\"message\":\"Error: Params must have the property \\\"q\\\"\"}");
        }
        Optional<Instant> since = request.param("since").flatMap(MentionApis::instant);
        Optional<Instant> until = request.param("until").flatMap(MentionApis::instant);
        List<ObjectNode> matching = new ArrayList<>(posts.stream()
                .filter(matches(q.get(), p -> p.path("record").path("text").asText()))
                .filter(p -> {
                    Instant at = instant(p.path("indexedAt").asText()).orElse(Instant.EPOCH);
                    return since.map(s -> !at.isBefore(s)).orElse(true)
                            && until.map(at::isBefore).orElse(true);
                })
                .toList());
        if (request.param("sort").orElse("latest").equals("top")) {
            matching.sort(
                    Comparator.comparing((ObjectNode p) -> p.path("likeCount").asInt())
                            .reversed());
        }
        int limit = request.intParam("limit", 25, 1, 100);
        int offset = request.intParam("cursor", 0, 0, Integer.MAX_VALUE);
        int end = Math.min(matching.size(), offset + limit);
        ObjectNode body = JSON.createObjectNode();
        body.set("posts", array(matching.subList(Math.min(offset, end), end)));
        if (end < matching.size()) {
            body.put("cursor", Integer.toString(end));
        }
        return DemoReply.ok(
                DemoReply.JSON, write(body), Map.of("RateLimit-Limit", "3000", "RateLimit-Policy", "3000;w=300"));
    }

    // ---------------------------------------------------------------- Reddit

    private DemoReply redditSearch(DemoRequest request, List<ObjectNode> things, String subreddits) {
        String q = request.param("q").orElse("");
        boolean restrict = subreddits != null
                && request.param("restrict_sr")
                        .map(v -> v.equals("1") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true"))
                        .orElse(false);
        List<String> subs = subreddits == null
                ? List.of()
                : Arrays.stream(subreddits.split("\\+"))
                        .map(s -> s.toLowerCase(Locale.ROOT))
                        .toList();
        List<ObjectNode> matching = new ArrayList<>(things.stream()
                .filter(matches(
                        q,
                        t -> t.path("data").path("title").asText() + " "
                                + t.path("data").path("selftext").asText()))
                .filter(t -> !restrict
                        || subs.contains(
                                t.path("data").path("subreddit").asText().toLowerCase(Locale.ROOT)))
                .toList());
        String sort = request.param("sort").orElse("relevance");
        if (!sort.equals("new")) {
            matching.sort(Comparator.comparing(
                            (ObjectNode t) -> t.path("data").path("score").asInt())
                    .reversed());
        }
        int limit = request.intParam("limit", 25, 1, 100);
        int from = 0;
        int to = matching.size();
        Optional<String> after = request.param("after");
        Optional<String> before = request.param("before");
        if (after.isPresent()) {
            from = indexOfName(matching, after.get()) + 1;
        } else if (before.isPresent()) {
            int at = indexOfName(matching, before.get());
            to = at < 0 ? 0 : at;
            from = Math.max(0, to - limit);
        }
        to = Math.min(to, from + limit);
        List<ObjectNode> page = matching.subList(Math.min(from, to), to);
        ObjectNode data = JSON.createObjectNode();
        data.put("after", to < matching.size() && !page.isEmpty() ? fullname(page.get(page.size() - 1)) : null);
        data.put("dist", page.size());
        data.putObject("facets");
        data.putNull("modhash");
        data.set("children", array(page));
        data.put("before", from > 0 && !page.isEmpty() ? fullname(page.get(0)) : null);
        ObjectNode listing = JSON.createObjectNode();
        listing.put("kind", "Listing");
        listing.set("data", data);
        return DemoReply.ok(
                "application/json; charset=UTF-8",
                write(listing),
                Map.of("x-ratelimit-remaining", "99.0", "x-ratelimit-used", "1", "x-ratelimit-reset", "600"));
    }

    private static int indexOfName(List<ObjectNode> things, String fullname) {
        for (int i = 0; i < things.size(); i++) {
            if (fullname(things.get(i)).equals(fullname)) {
                return i;
            }
        }
        return -1;
    }

    private static String fullname(ObjectNode thing) {
        return thing.path("data").path("name").asText();
    }

    // ---------------------------------------------------------------- Hacker News

    private DemoReply hackerNews(DemoRequest request, List<ObjectNode> hits, boolean byDate) {
        String query = request.param("query").orElse("");
        Predicate<ObjectNode> tags = tagFilter(request.param("tags").orElse(""));
        Predicate<ObjectNode> numeric =
                numericFilter(request.param("numericFilters").orElse(""));
        List<ObjectNode> matching = new ArrayList<>(hits.stream()
                .filter(matches(
                        query,
                        h -> String.join(
                                " ",
                                h.path("title").asText(""),
                                h.path("url").asText(""),
                                h.path("story_text").asText(""),
                                h.path("comment_text").asText(""),
                                h.path("author").asText(""))))
                .filter(tags)
                .filter(numeric)
                .toList());
        if (!byDate) {
            matching.sort(
                    Comparator.comparing((ObjectNode h) -> h.path("points").asInt())
                            .reversed());
        }
        int perPage = request.intParam("hitsPerPage", 20, 1, 1000);
        int page = request.intParam("page", 0, 0, Integer.MAX_VALUE);
        int from = Math.min(matching.size(), page * perPage);
        int to = Math.min(matching.size(), from + perPage);
        ObjectNode body = JSON.createObjectNode();
        body.set("hits", array(matching.subList(from, to)));
        body.put("nbHits", matching.size());
        body.put("page", page);
        body.put("nbPages", (matching.size() + perPage - 1) / perPage);
        body.put("hitsPerPage", perPage);
        body.put("exhaustiveNbHits", true);
        body.put("query", query);
        body.put("params", request.rawQuery());
        body.put("processingTimeMS", 1);
        return DemoReply.ok(DemoReply.JSON, write(body), Map.of());
    }

    /** Algolia tags: comma means AND, a parenthesised group means OR. */
    private static Predicate<ObjectNode> tagFilter(String tags) {
        Predicate<ObjectNode> all = h -> true;
        for (String part : tags.split(",(?![^(]*\\))")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            List<String> anyOf = Arrays.stream(
                            p.replace("(", "").replace(")", "").split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
            all = all.and(h -> {
                for (JsonNode t : h.path("_tags")) {
                    if (anyOf.contains(t.asText())) {
                        return true;
                    }
                }
                return false;
            });
        }
        return all;
    }

    private static Predicate<ObjectNode> numericFilter(String filters) {
        Predicate<ObjectNode> all = h -> true;
        Matcher m = NUMERIC_FILTER.matcher(filters);
        while (m.find()) {
            String field = m.group(1);
            String op = m.group(2);
            long value = Long.parseLong(m.group(3));
            all = all.and(h -> {
                JsonNode node = h.get(field);
                if (node == null || !node.isNumber()) {
                    return false;
                }
                long v = node.asLong();
                return switch (op) {
                    case ">" -> v > value;
                    case ">=" -> v >= value;
                    case "<" -> v < value;
                    case "<=" -> v <= value;
                    default -> v == value;
                };
            });
        }
        return all;
    }

    // ---------------------------------------------------------------- common

    /** Every word of {@code query} (quotes, operators and {@code #}/{@code @} dropped) occurs in the text. */
    static Predicate<ObjectNode> matches(String query, java.util.function.Function<ObjectNode, String> text) {
        List<String> words = Arrays.stream(normalise(query).replace("\"", " ").split("\\s+"))
                .map(w -> w.replaceAll("^[#@]+", ""))
                .filter(w -> !w.isEmpty() && !w.equals("or") && !w.equals("and"))
                .toList();
        return node -> {
            String haystack = normalise(text.apply(node));
            return words.stream().allMatch(haystack::contains);
        };
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.LocalDate.parse(text)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static List<ObjectNode> load(String name, DemoPhase phase, Instant anchor, Comparator<ObjectNode> order) {
        List<ObjectNode> all = new ArrayList<>(parse(name + ".json", phase, anchor));
        if (phase == DemoPhase.SECOND && DemoTemplates.exists(name + ".phase2.json")) {
            all.addAll(parse(name + ".phase2.json", phase, anchor));
        }
        all.sort(order);
        return List.copyOf(all);
    }

    private static List<ObjectNode> parse(String file, DemoPhase phase, Instant anchor) {
        String text = DemoTemplates.render(DemoTemplates.load(file), phase, anchor, anchor, () -> 0);
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isArray()) {
                throw new IllegalStateException("demo file " + file + " must hold a JSON array");
            }
            List<ObjectNode> out = new ArrayList<>();
            node.forEach(n -> out.add((ObjectNode) n));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("demo file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ArrayNode array(List<ObjectNode> nodes) {
        ArrayNode array = JSON.createArrayNode();
        nodes.forEach(n -> array.add(n.deepCopy()));
        return array;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
