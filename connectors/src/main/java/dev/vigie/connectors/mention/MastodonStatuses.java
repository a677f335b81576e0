package dev.vigie.connectors.mention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.connectors.http.FetchRequest;
import dev.vigie.connectors.http.Purpose;
import dev.vigie.connectors.http.Validators;
import dev.vigie.connectors.internal.Json;
import dev.vigie.connectors.internal.PlainText;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps Mastodon status JSON (timelines, a status, v2 search) to mentions; shared by the Mastodon queries. */
final class MastodonStatuses {
    private MastodonStatuses() {}

    /**
     * The statuses of a body: an array (timelines), an object with {@code statuses} (search) or one status. Other
     * arrays the API returns (trending tags, link cards) hold no status and give none.
     */
    static List<JsonNode> statuses(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(n -> {
                if (n.has("content")) {
                    out.add(n);
                }
            });
        } else if (root.has("statuses")) {
            root.get("statuses").forEach(out::add);
        } else if (root.has("content") && root.has("id")) {
            out.add(root);
        }
        return out;
    }

    static MentionPage page(
            List<JsonNode> statuses,
            String instance,
            String search,
            MentionCursor since,
            Instant fetchedAt,
            dev.vigie.connectors.http.FetchRequest next) {
        List<Mention> mentions = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String newest = null;
        boolean reached = false;
        for (JsonNode s : statuses) {
            String id = Json.text(s, "id");
            try {
                if (id == null) {
                    throw new IllegalArgumentException("status without id");
                }
                if (!since.isStart() && compareIds(id, since.value()) <= 0) {
                    reached = true;
                    continue;
                }
                if (newest == null || compareIds(id, newest) > 0) {
                    newest = id;
                }
                mentions.add(toMention(s, instance, search, fetchedAt));
            } catch (RuntimeException e) {
                errors.add("status " + id + ": " + e.getMessage());
            }
        }
        return new MentionPage(
                mentions,
                statuses.isEmpty() ? null : next,
                newest == null ? null : new MentionCursor(newest),
                reached,
                errors);
    }

    static Mention toMention(JsonNode status, String instance, String search, Instant fetchedAt) {
        JsonNode s = status.hasNonNull("reblog") && status.get("reblog").isObject() ? status.get("reblog") : status;
        String uri = Json.text(s, "uri");
        String url = Json.text(s, "url") != null ? Json.text(s, "url") : uri;
        if (url == null && Json.text(s, "id") != null) {
            // a status known only by its local id: the instance's web view of it
            url = instance + "/web/statuses/" + Json.text(s, "id");
        }
        if (url == null) {
            throw new IllegalArgumentException("status has no url, uri nor id");
        }
        String id = "mastodon:" + (uri != null ? uri : url);
        Instant created = Json.instant(s, "created_at");
        String spoiler = Json.text(s, "spoiler_text");
        String text = PlainText.of(Json.text(s, "content"));
        if (spoiler != null) {
            text = PlainText.tidy(spoiler) + "\n" + text;
        }
        JsonNode account = s.get("account");
        Long followers = Json.number(account, "followers_count");
        String acct = Json.text(account, "acct");
        if (acct != null && !acct.contains("@")) {
            String host = host(Json.text(account, "url"));
            acct = host == null ? acct : acct + "@" + host;
        }
        String name = Json.text(account, "display_name") != null
                ? Json.text(account, "display_name")
                : Json.text(account, "username");
        Engagement engagement = new Engagement(
                Json.number(s, "favourites_count"),
                Json.plus(Json.number(s, "reblogs_count"), Json.number(s, "quotes_count")),
                Json.number(s, "replies_count"),
                null);
        Author author = new Author(name, acct == null ? null : "@" + acct, followers);
        return new Mention(
                id,
                outlet(s, instance, search),
                url,
                null,
                text,
                author,
                created != null ? created : fetchedAt,
                created == null,
                fetchedAt,
                Json.text(s, "language"),
                engagement,
                followers);
    }

    /**
     * The instance the status's author posts from: a status of {@code alice@piaille.fr} read on mastodon.social's
     * timeline was published on piaille.fr. Taken from the account's URL, else its {@code acct}, else the status's
     * URI, else the instance that was asked.
     */
    static Source outlet(JsonNode status, String instance, String search) {
        JsonNode account = status.get("account");
        URI home = uri(Json.text(account, "url"));
        if (home == null) {
            String acct = Json.text(account, "acct");
            int at = acct == null ? -1 : acct.lastIndexOf('@');
            home = at < 0 ? null : uri("https://" + acct.substring(at + 1));
        }
        if (home == null) {
            home = uri(Json.text(status, "uri"));
        }
        if (home == null) {
            home = URI.create(instance);
        }
        return new Source(
                SourceType.MASTODON, home.getHost(), home.getScheme() + "://" + home.getRawAuthority(), search);
    }

    /** An API request, with the instance's access token when one is configured (status search needs one). */
    static FetchRequest request(String url, String accessToken) {
        return new FetchRequest(
                FetchRequest.parse(url),
                Purpose.API,
                Validators.NONE,
                accessToken == null ? Map.of() : Map.of("Authorization", "Bearer " + accessToken));
    }

    /** Mastodon ids are decimal strings (snowflakes): compare numerically, falling back to text order. */
    static int compareIds(String a, String b) {
        try {
            return new BigInteger(a).compareTo(new BigInteger(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static String host(String url) {
        URI uri = uri(url);
        return uri == null ? null : uri.getHost();
    }

    /** An absolute http(s) URL with a host, or {@code null}. */
    private static URI uri(String url) {
        try {
            URI uri = url == null ? null : new URI(url);
            if (uri == null
                    || uri.getHost() == null
                    || uri.getScheme() == null
                    || !uri.getScheme().toLowerCase(java.util.Locale.ROOT).startsWith("http")) {
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
