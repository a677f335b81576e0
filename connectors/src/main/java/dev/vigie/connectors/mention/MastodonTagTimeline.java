package dev.vigie.connectors.mention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.connectors.http.FetchRequest;
import dev.vigie.connectors.http.FetchResult;
import dev.vigie.connectors.internal.Json;
import dev.vigie.connectors.internal.Links;
import dev.vigie.connectors.internal.QueryUrls;
import java.io.IOException;
import java.util.List;

/**
 * A Mastodon hashtag timeline ({@code GET /api/v1/timelines/tag/:hashtag}). The first run reads the newest pages,
 * following {@code Link: rel="next"}; later runs ask with {@code min_id} for statuses after the cursor and follow
 * {@code rel="prev"} towards newer ones, so nothing older than the cursor is requested again. Page links are
 * followed only on the instance's own origin (scheme, host, port), so the access token never goes elsewhere.
 *
 * @param instance instance base URL, e.g. {@code https://mastodon.social}
 * @param hashtag tag without '#'
 * @param pageSize statuses per page (1..40)
 * @param accessToken bearer token, {@code null} for public access
 */
public record MastodonTagTimeline(String instance, String hashtag, int pageSize, String accessToken)
        implements MentionQuery {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MastodonTagTimeline.class);
    public static final int DEFAULT_PAGE_SIZE = 40;

    public MastodonTagTimeline {
        instance = QueryUrls.base("instance", instance);
        hashtag = QueryUrls.required("hashtag", hashtag);
        if (hashtag.startsWith("#")) {
            hashtag = hashtag.substring(1);
        }
        if (hashtag.isEmpty() || !hashtag.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw new IllegalArgumentException("hashtag must be letters, digits or '_': '" + hashtag + "'");
        }
        if (pageSize < 1 || pageSize > 40) {
            throw new IllegalArgumentException("pageSize must be within 1..40: " + pageSize);
        }
    }

    public MastodonTagTimeline(String instance, String hashtag) {
        this(instance, hashtag, DEFAULT_PAGE_SIZE, null);
    }

    @Override
    public String label() {
        return "#" + hashtag + " on " + QueryUrls.authority(instance);
    }

    private String endpoint() {
        return instance + "/api/v1/timelines/tag/" + Json.encode(hashtag);
    }

    @Override
    public FetchRequest firstRequest(MentionCursor since) {
        String url = endpoint() + "?limit=" + pageSize;
        if (!since.isStart()) {
            url += "&min_id=" + Json.encode(since.value());
        }
        return MastodonStatuses.request(url, accessToken);
    }

    @Override
    public MentionPage parse(FetchResult.Ok response, MentionCursor since) {
        try {
            String link = response.header("link").orElse(null);
            String nextUrl = Links.find(link, since.isStart() ? "next" : "prev");
            List<JsonNode> statuses = MastodonStatuses.statuses(Json.parse(response.body()));
            MentionPage page = MastodonStatuses.page(
                    statuses,
                    instance,
                    label(),
                    since,
                    response.fetchedAt(),
                    nextUrl == null || !QueryUrls.sameOrigin(instance, nextUrl)
                            ? null
                            : MastodonStatuses.request(nextUrl, accessToken));
            if (nextUrl != null && page.next() == null && !page.reachedCursor()) {
                // the token goes only to the instance: a page link elsewhere ends this run's pagination
                LOG.warn(
                        "{}: next page link to another origin than {} not followed: {}",
                        response.finalUrl(),
                        instance,
                        nextUrl);
            }
            return page;
        } catch (IOException | IllegalArgumentException e) {
            return new MentionPage(List.of(), null, null, false, List.of(response.finalUrl() + ": " + e.getMessage()));
        }
    }

    @Override
    public boolean oldestFirst(MentionCursor since) {
        return !since.isStart();
    }

    @Override
    public int compare(String a, String b) {
        return MastodonStatuses.compareIds(a, b);
    }

    @Override
    public String toString() {
        return "MastodonTagTimeline[" + instance + " #" + hashtag + (accessToken == null ? "" : ", token") + "]";
    }
}
