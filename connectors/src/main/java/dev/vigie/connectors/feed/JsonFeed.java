package dev.vigie.connectors.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.connectors.internal.Ids;
import dev.vigie.connectors.internal.Json;
import dev.vigie.connectors.internal.PlainText;
import dev.vigie.connectors.internal.UrlCanonicalizer;
import dev.vigie.connectors.mention.Author;
import dev.vigie.connectors.mention.Engagement;
import dev.vigie.connectors.mention.Mention;
import dev.vigie.connectors.mention.Source;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Feed 1.0 and 1.1 ({@code https://jsonfeed.org/version/1.1}, served as {@code application/feed+json}), read
 * with the same rules as RSS and Atom: canonical URL and {@code url:} id when an item has a URL, else an id on the
 * item's own {@code id}; {@code content_text}, else {@code content_html} as plain text, else {@code summary}.
 */
final class JsonFeed {
    private JsonFeed() {}

    /** Whether the body is a JSON Feed: its media type says so, or it is JSON naming a jsonfeed.org version. */
    static boolean looks(String mediaType, String text) {
        if (mediaType.equals("application/feed+json")) {
            return true;
        }
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '{') {
            return false;
        }
        int version = text.indexOf("jsonfeed.org/version/", i);
        return version > 0 && version < i + 4096;
    }

    static FeedResult parse(
            String text, String feedUrl, URI base, String sourceName, Instant fetchedAt, List<String> recoveries) {
        JsonNode root;
        try {
            root = Json.parse(text.strip().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new FeedResult.Rejected(
                    feedUrl, FeedResult.Reason.MALFORMED, "malformed JSON Feed: " + e.getMessage());
        }
        String version = Json.text(root, "version");
        if (!root.isObject() || version == null || !version.contains("jsonfeed.org/version/")) {
            return new FeedResult.Rejected(
                    feedUrl, FeedResult.Reason.NOT_A_FEED, "JSON without a jsonfeed.org version: not a JSON Feed");
        }
        String format = version.endsWith("/1") ? "json_1.0" : "json_" + version.substring(version.lastIndexOf('/') + 1);
        String title = Json.text(root, "title") == null ? null : PlainText.of(Json.text(root, "title"));
        String lang = FeedParser.languageHint(Json.text(root, "language"));
        Source source = Source.feed(sourceName != null ? sourceName : title, feedUrl);
        String feedAuthor = author(root);
        List<Mention> mentions = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        JsonNode items = root.path("items");
        int index = 0;
        for (JsonNode item : items.isArray() ? items : List.<JsonNode>of()) {
            index++;
            try {
                mentions.add(mention(item, index, feedUrl, base, source, lang, feedAuthor, fetchedAt));
            } catch (RuntimeException e) {
                errors.add("item " + index + ": " + e.getMessage());
            }
        }
        return new FeedResult.Parsed(feedUrl, format, title, lang, mentions, errors, recoveries);
    }

    private static Mention mention(
            JsonNode item,
            int index,
            String feedUrl,
            URI base,
            Source source,
            String lang,
            String feedAuthor,
            Instant fetchedAt) {
        if (!item.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        String link = Json.text(item, "url") != null ? Json.text(item, "url") : Json.text(item, "external_url");
        String canonical = link == null ? null : UrlCanonicalizer.canonical(link, base);
        String title = Json.text(item, "title") == null ? null : PlainText.of(Json.text(item, "title"));
        String text = Json.text(item, "content_text") != null
                ? PlainText.tidy(Json.text(item, "content_text"))
                : Json.text(item, "content_html") != null
                        ? PlainText.of(Json.text(item, "content_html"))
                        : Json.text(item, "summary") != null ? PlainText.of(Json.text(item, "summary")) : "";
        String ownId = Json.text(item, "id");
        String id;
        if (canonical != null) {
            id = Ids.forUrl(canonical);
        } else {
            String identity = ownId != null
                    ? ownId
                    : title + "|" + Json.text(item, "date_published") + "|" + text
                            + (title == null && text.isEmpty() ? "|" + index : "");
            id = "feed:" + Ids.sha256(feedUrl + "\n" + identity);
        }
        Instant date = Json.instant(item, "date_published") != null
                ? Json.instant(item, "date_published")
                : Json.instant(item, "date_modified");
        String itemAuthor = author(item);
        String itemLang = FeedParser.languageHint(Json.text(item, "language"));
        return new Mention(
                id,
                source,
                canonical != null ? canonical : feedUrl,
                title,
                text,
                new Author(itemAuthor != null ? itemAuthor : feedAuthor, null, null),
                date != null ? date : fetchedAt,
                date == null,
                fetchedAt,
                itemLang != null ? itemLang : lang,
                Engagement.NONE,
                null);
    }

    /** The first author's name: {@code authors} (1.1) or {@code author} (1.0). */
    private static String author(JsonNode node) {
        JsonNode authors = node.path("authors");
        JsonNode a = authors.isArray() && !authors.isEmpty() ? authors.get(0) : node.path("author");
        String name = Json.text(a, "name");
        return name == null || PlainText.of(name).isBlank() ? null : PlainText.of(name);
    }
}
