package dev.vigie.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo server over real HTTP on loopback: validators, 304s and the mention APIs' paging. */
class DemoServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private DemoServer server;

    @BeforeEach
    void start() {
        server = DemoServer.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/json");
        return JSON.readTree(response.body());
    }

    @Test
    void servesOnLoopbackOnly() {
        assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.baseUri().getPort()).isPositive();
    }

    @Test
    void skipsUnchangedFeedWhenServerAnswers304InTheSecondPhase() throws Exception {
        HttpResponse<String> first = get("/veloetville/atom.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        server.phase(DemoPhase.SECOND);
        assertThat(get("/veloetville/atom.xml", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(get("/veloetville/atom.xml", "If-Modified-Since", lastModified)
                        .statusCode())
                .isEqualTo(304);
        assertThat(get("/veloetville/atom.xml", "If-None-Match", "\"other\"").statusCode())
                .isEqualTo(200);
        assertThat(server.count(DemoPhase.SECOND, 304)).isEqualTo(2);
    }

    @Test
    void changedFeedAnswers200WithNewValidatorsInTheSecondPhase() throws Exception {
        HttpResponse<String> first = get("/news/rss.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(get("/news/rss.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
        server.phase(DemoPhase.SECOND);
        HttpResponse<String> second = get("/news/rss.xml", "If-None-Match", etag);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Roulequai relève le prix");
        assertThat(second.headers().firstValue("ETag")).get().isNotEqualTo(etag);
        assertThat(get("/news/rss.xml", "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).get().asString().startsWith("application/rss+xml");
    }

    @Test
    void pageWithNoiseNeverAnswers304() throws Exception {
        HttpResponse<String> first = get("/cyclanthe/pricing");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/cyclanthe/pricing", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isNotEqualTo(first.body()).contains("people viewed this page today");
    }

    @Test
    void mastodonTagTimelinePagesWithLinkHeadersAndMinId() throws Exception {
        HttpResponse<String> page1 = get("/api/v1/timelines/tag/ventelune?limit=5");
        JsonNode statuses = JSON.readTree(page1.body());
        assertThat(statuses).hasSize(5);
        String link = page1.headers().firstValue("Link").orElseThrow();
        Matcher next = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(link);
        assertThat(next.find()).isTrue();
        assertThat(link).contains("rel=\"prev\"");
        Set<String> ids = new HashSet<>();
        List<Long> order = new ArrayList<>();
        statuses.forEach(s -> {
            ids.add(s.path("id").asText());
            order.add(s.path("id").asLong());
        });
        URI nextUri = URI.create(next.group(1));
        JsonNode page2 = json(nextUri.getPath() + "?" + nextUri.getRawQuery());
        page2.forEach(s -> assertThat(ids.add(s.path("id").asText())).isTrue());
        assertThat(order).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        statuses.forEach(s -> assertThat(s.path("tags").toString()).contains("ventelune"));

        String newest = statuses.get(0).path("id").asText();
        assertThat(json("/api/v1/timelines/tag/ventelune?min_id=" + newest)).isEmpty();
        assertThat(get("/api/v1/timelines/tag/ventelune?min_id=" + newest)
                        .headers()
                        .firstValue("Link"))
                .isEmpty();
        server.phase(DemoPhase.SECOND);
        JsonNode fresh = json("/api/v1/timelines/tag/ventelune?since_id=" + newest);
        assertThat(fresh).hasSize(2);
        assertThat(fresh.get(0).path("content").asText()).contains("CEO");
    }

    @Test
    void mastodonSearchFindsStatusesByWordIgnoringAccentsAndCase() throws Exception {
        JsonNode result = json("/api/v2/search?q=ROULEQUAI&type=statuses&limit=40");
        assertThat(result.has("accounts")).isTrue();
        assertThat(result.path("statuses")).isNotEmpty();
        result.path("statuses")
                .forEach(s ->
                        assertThat(s.path("content").asText().toLowerCase()).contains("roulequai"));
        JsonNode accents = json("/api/v2/search?q=donnees&type=statuses");
        assertThat(accents.path("statuses")).isNotEmpty();
        assertThat(json("/api/v2/search?q=ventelune&type=accounts").path("statuses"))
                .isEmpty();
    }

    @Test
    void blueskySearchPagesWithCursorAndFiltersWithSince() throws Exception {
        JsonNode page1 = json("/xrpc/app.bsky.feed.searchPosts?q=ventelune&limit=5");
        assertThat(page1.path("posts")).hasSize(5);
        String cursor = page1.path("cursor").asText();
        assertThat(cursor).isNotBlank();
        JsonNode page2 = json("/xrpc/app.bsky.feed.searchPosts?q=ventelune&limit=5&cursor=" + cursor);
        assertThat(page2.path("posts").get(0).path("uri").asText())
                .isNotEqualTo(page1.path("posts").get(0).path("uri").asText());
        JsonNode all = json("/xrpc/app.bsky.feed.searchPosts?q=ventelune&limit=100");
        assertThat(all.has("cursor")).isFalse();
        String newest = all.path("posts").get(0).path("indexedAt").asText();
        Instant after = Instant.parse(newest).plusMillis(1);
        assertThat(json("/xrpc/app.bsky.feed.searchPosts?q=ventelune&since=" + after)
                        .path("posts"))
                .isEmpty();
        server.phase(DemoPhase.SECOND);
        JsonNode fresh = json("/xrpc/app.bsky.feed.searchPosts?q=ventelune&since=" + after);
        assertThat(fresh.path("posts")).hasSize(2);
        assertThat(get("/xrpc/app.bsky.feed.searchPosts").statusCode()).isEqualTo(400);
    }

    @Test
    void redditSearchIsAListingPagedWithAfterAndBefore() throws Exception {
        JsonNode page1 = json("/search.json?q=ventelune&sort=new&limit=3");
        assertThat(page1.path("kind").asText()).isEqualTo("Listing");
        assertThat(page1.path("data").path("children")).hasSize(3);
        String after = page1.path("data").path("after").asText();
        assertThat(after).startsWith("t3_");
        JsonNode page2 = json("/search.json?q=ventelune&sort=new&limit=3&after=" + after);
        assertThat(page2.path("data")
                        .path("children")
                        .get(0)
                        .path("data")
                        .path("name")
                        .asText())
                .isNotEqualTo(after);
        String newest = page1.path("data")
                .path("children")
                .get(0)
                .path("data")
                .path("name")
                .asText();
        assertThat(json("/search.json?q=ventelune&sort=new&before=" + newest)
                        .path("data")
                        .path("children"))
                .isEmpty();
        server.phase(DemoPhase.SECOND);
        assertThat(json("/search.json?q=ventelune&sort=new&before=" + newest)
                        .path("data")
                        .path("children"))
                .hasSize(1);
        JsonNode restricted = json("/r/lyon/search.json?q=ventelune&restrict_sr=1&sort=new");
        restricted
                .path("data")
                .path("children")
                .forEach(c ->
                        assertThat(c.path("data").path("subreddit").asText()).isEqualTo("lyon"));
        assertThat(restricted.path("data").path("children")).isNotEmpty();
    }

    @Test
    void hackerNewsSearchByDateHonoursTagsAndNumericFilters() throws Exception {
        JsonNode all = json("/api/v1/search_by_date?query=ventelune&tags=(story,comment)&hitsPerPage=50");
        assertThat(all.path("nbHits").asInt())
                .isEqualTo(all.path("hits").size())
                .isGreaterThan(3);
        long newest = all.path("hits").get(0).path("created_at_i").asLong();
        JsonNode stories = json("/api/v1/search_by_date?query=ventelune&tags=story");
        stories.path("hits").forEach(h -> assertThat(h.path("_tags").toString()).contains("\"story\""));
        assertThat(json("/api/v1/search_by_date?query=ventelune&numericFilters=created_at_i%3E" + newest)
                        .path("hits"))
                .isEmpty();
        server.phase(DemoPhase.SECOND);
        JsonNode fresh = json("/api/v1/search_by_date?query=ventelune&numericFilters=created_at_i%3E" + newest);
        assertThat(fresh.path("hits")).hasSize(1);
        JsonNode paged = json("/api/v1/search?query=ventelune&hitsPerPage=2&page=1");
        assertThat(paged.path("page").asInt()).isEqualTo(1);
        assertThat(paged.path("nbPages").asInt()).isGreaterThan(1);
    }

    @Test
    void unknownPathsAre404AndEveryRequestIsRecorded() throws Exception {
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get("/robots.txt").body()).contains("Allow: /");
        assertThat(server.requests())
                .extracting(DemoServer.ServedRequest::path)
                .containsExactly("/nothing-here", "/robots.txt");
        assertThat(server.count(DemoPhase.FIRST, 404)).isEqualTo(1);
    }
}
