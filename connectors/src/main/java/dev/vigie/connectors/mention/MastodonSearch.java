package dev.vigie.connectors.mention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.connectors.http.FetchRequest;
import dev.vigie.connectors.http.FetchResult;
import dev.vigie.connectors.internal.Json;
import dev.vigie.connectors.internal.QueryUrls;
import java.io.IOException;
import java.util.List;

/**
 * Mastodon full-text status search ({@code GET /api/v2/search?type=statuses}), paginated by {@code offset}; later
 * runs pass {@code min_id} so only statuses after the cursor are returned. Most instances answer full-text search
 * only to authenticated users: give an access token.
 *
 * @param instance instance base URL
 * @param query search text
 * @param pageSize statuses per page (1..40)
 * @param accessToken bearer token, {@code null} for public access
 */
public record MastodonSearch(String instance, String query, int pageSize, String accessToken) implements MentionQuery {
    public static final int DEFAULT_PAGE_SIZE = 40;

    public MastodonSearch {
        instance = QueryUrls.base("instance", instance);
        query = QueryUrls.required("query", query);
        if (pageSize < 1 || pageSize > 40) {
            throw new IllegalArgumentException("pageSize must be within 1..40: " + pageSize);
        }
    }

    public MastodonSearch(String instance, String query) {
        this(instance, query, DEFAULT_PAGE_SIZE, null);
    }

    @Override
    public String label() {
        return "\"" + query + "\" on " + QueryUrls.authority(instance);
    }

    @Override
    public FetchRequest firstRequest(MentionCursor since) {
        String url =
                instance + "/api/v2/search?q=" + Json.encode(query) + "&type=statuses&resolve=false&limit=" + pageSize;
        if (!since.isStart()) {
            url += "&min_id=" + Json.encode(since.value());
        }
        return MastodonStatuses.request(url + "&offset=0", accessToken);
    }

    @Override
    public MentionPage parse(FetchResult.Ok response, MentionCursor since) {
        try {
            JsonNode root = Json.parse(response.body());
            List<JsonNode> statuses = MastodonStatuses.statuses(root);
            FetchRequest next = null;
            if (statuses.size() >= pageSize) {
                String current = response.finalUrl().toString();
                String offset = QueryUrls.param(current, "offset");
                int at = offset == null ? 0 : Integer.parseInt(offset);
                next = MastodonStatuses.request(
                        QueryUrls.withParam(current, "offset", Integer.toString(at + statuses.size())), accessToken);
            }
            return MastodonStatuses.page(statuses, instance, label(), since, response.fetchedAt(), next);
        } catch (IOException | IllegalArgumentException e) {
            return new MentionPage(List.of(), null, null, false, List.of(response.finalUrl() + ": " + e.getMessage()));
        }
    }

    @Override
    public int compare(String a, String b) {
        return MastodonStatuses.compareIds(a, b);
    }

    @Override
    public String toString() {
        return "MastodonSearch[" + instance + " \"" + query + "\"" + (accessToken == null ? "" : ", token") + "]";
    }
}
