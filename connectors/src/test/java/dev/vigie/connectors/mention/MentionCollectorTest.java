package dev.vigie.connectors.mention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.connectors.http.HttpFetcher;
import dev.vigie.connectors.testing.LoopbackServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pagination and incremental runs against loopback servers speaking each platform's wire format: a second run asks
 * only for what is newer than the stored cursor.
 */
class MentionCollectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private LoopbackServer server;
    private HttpFetcher fetcher;
    private MentionCollector collector;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        fetcher = HttpFetcher.open(FetchConfig.builder()
                .allowPrivateAddresses(true)
                .perHostMinDelay(Duration.ZERO)
                .perHostConcurrency(4)
                .build());
        collector = new MentionCollector(fetcher, 10, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> p = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    private static ObjectNode status(long id, String base) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", Long.toString(id));
        s.put("created_at", T0.plusSeconds(id).toString());
        s.put("uri", base + "/users/ann/statuses/" + id);
        s.put("url", base + "/@ann/" + id);
        s.put("content", "<p>Vigie <a href=\"" + base + "/tags/vigie\">#<span>vigie</span></a> n°" + id + "</p>");
        s.put("language", "fr");
        s.put("favourites_count", 3);
        s.put("reblogs_count", 2);
        s.put("replies_count", 1);
        ObjectNode account = s.putObject("account");
        account.put("acct", "ann");
        account.put("username", "ann");
        account.put("display_name", "Ann");
        account.put("url", base + "/@ann");
        account.put("followers_count", 1200);
        return s;
    }

    @Test
    void mastodonNeverFollowsAPageLinkToAnotherOriginWithItsToken() throws Exception {
        String path = "/api/v1/timelines/tag/vigie";
        try (LoopbackServer elsewhere = new LoopbackServer("127.0.0.2")) {
            elsewhere.route(path, ex -> LoopbackServer.send(ex, 200, "application/json", "[]", StandardCharsets.UTF_8));
            server.route(path, ex -> {
                ArrayNode body = JSON.createArrayNode();
                body.add(status(101, server.base()));
                ex.getResponseHeaders().set("Link", "<" + elsewhere.url(path) + "?limit=4&max_id=101>; rel=\"next\"");
                LoopbackServer.send(ex, 200, "application/json", body.toString(), StandardCharsets.UTF_8);
            });

            MentionBatch batch = collector
                    .collect(new MastodonTagTimeline(server.base(), "vigie", 4, "tok-123"), MentionCursor.START)
                    .join();

            assertThat(batch.mentions()).hasSize(1);
            assertThat(server.seen().get(0).header("Authorization")).isEqualTo("Bearer tok-123");
            assertThat(elsewhere.seen()).as("requests sent to 127.0.0.2").isEmpty();
        }
    }

    @Test
    void mastodonSecondRunAsksOnlyForStatusesAfterTheCursor() {
        List<Long> ids = new CopyOnWriteArrayList<>();
        for (long i = 101; i <= 110; i++) {
            ids.add(i);
        }
        String path = "/api/v1/timelines/tag/vigie";
        server.route(path, ex -> {
            Map<String, String> p = params(ex.getRequestURI().getRawQuery());
            int limit = Integer.parseInt(p.get("limit"));
            List<Long> page = new ArrayList<>();
            if (p.containsKey("min_id")) {
                long min = Long.parseLong(p.get("min_id"));
                ids.stream().filter(i -> i > min).sorted().limit(limit).forEach(page::add);
            } else {
                long max = p.containsKey("max_id") ? Long.parseLong(p.get("max_id")) : Long.MAX_VALUE;
                ids.stream()
                        .filter(i -> i < max)
                        .sorted((a, b) -> Long.compare(b, a))
                        .limit(limit)
                        .forEach(page::add);
            }
            page.sort((a, b) -> Long.compare(b, a));
            ArrayNode body = JSON.createArrayNode();
            page.forEach(i -> body.add(status(i, server.base())));
            if (!page.isEmpty()) {
                ex.getResponseHeaders()
                        .set(
                                "Link",
                                "<" + server.url(path) + "?limit=" + limit + "&max_id="
                                        + page.get(page.size() - 1) + ">; rel=\"next\", <" + server.url(path)
                                        + "?limit=" + limit
                                        + "&min_id=" + page.get(0) + ">; rel=\"prev\"");
            }
            ex.getResponseHeaders().set("X-RateLimit-Remaining", "299");
            ex.getResponseHeaders().set("X-RateLimit-Reset", T0.toString());
            LoopbackServer.send(ex, 200, "application/json; charset=utf-8", body.toString(), StandardCharsets.UTF_8);
        });
        MastodonTagTimeline query = new MastodonTagTimeline(server.base(), "#vigie", 4, null);

        MentionBatch first = collector.collect(query, MentionCursor.START).join();

        assertThat(first.failure()).isNull();
        assertThat(first.mentions()).hasSize(10);
        assertThat(first.cursor().value()).isEqualTo("110");
        Mention m = first.mentions().get(0);
        assertThat(m.id()).isEqualTo("mastodon:" + server.base() + "/users/ann/statuses/110");
        assertThat(m.text()).isEqualTo("Vigie #vigie n°110");
        assertThat(m.author().handle()).isEqualTo("@ann@127.0.0.1");
        assertThat(m.author().followers()).isEqualTo(1200L);
        assertThat(m.engagement()).isEqualTo(new Engagement(3L, 2L, 1L, null));
        assertThat(m.publishedAt()).isEqualTo(T0.plusSeconds(110));
        assertThat(m.lang()).isEqualTo("fr");

        for (long i = 111; i <= 116; i++) {
            ids.add(i);
        }
        int before = server.seen().size();
        MentionBatch second = collector.collect(query, first.cursor()).join();

        assertThat(second.mentions())
                .extracting(Mention::id)
                .hasSize(6)
                .allSatisfy(id -> assertThat(Long.parseLong(id.substring(id.lastIndexOf('/') + 1)))
                        .isGreaterThan(110));
        assertThat(second.cursor().value()).isEqualTo("116");
        assertThat(server.seen().subList(before, server.seen().size()))
                .allSatisfy(s -> assertThat(s.query()).contains("min_id=").doesNotContain("max_id"));
    }

    @Test
    void hackerNewsSecondRunFiltersOnCreatedAtAndPagesThroughResults() {
        List<Long> times = new CopyOnWriteArrayList<>(List.of(1000L, 1100L, 1200L, 1300L, 1400L));
        server.route("/api/v1/search_by_date", ex -> {
            Map<String, String> p = params(ex.getRequestURI().getRawQuery());
            long after = p.containsKey("numericFilters")
                    ? Long.parseLong(p.get("numericFilters").replace("created_at_i>", ""))
                    : Long.MIN_VALUE;
            int perPage = Integer.parseInt(p.get("hitsPerPage"));
            int page = Integer.parseInt(p.get("page"));
            List<Long> matching = times.stream()
                    .filter(t -> t > after)
                    .sorted((a, b) -> Long.compare(b, a))
                    .toList();
            ObjectNode body = JSON.createObjectNode();
            ArrayNode hits = body.putArray("hits");
            matching.stream().skip((long) page * perPage).limit(perPage).forEach(t -> {
                ObjectNode h = hits.addObject();
                h.put("objectID", Long.toString(t));
                h.put("created_at_i", t);
                h.put("created_at", Instant.ofEpochSecond(t).toString());
                h.put("author", "pg");
                h.put("comment_text", "I tried <i>Vigie</i> &amp; liked it");
                h.put("story_title", "Show HN: Vigie");
                h.put("points", (Integer) null);
            });
            body.put("page", page);
            body.put("nbPages", (matching.size() + perPage - 1) / perPage);
            body.put("hitsPerPage", perPage);
            LoopbackServer.send(ex, 200, "application/json", body.toString(), StandardCharsets.UTF_8);
        });
        HackerNewsSearch query = new HackerNewsSearch(server.base(), "vigie", 2);

        MentionBatch first = collector.collect(query, MentionCursor.START).join();
        times.add(1500L);
        times.add(1600L);
        int before = server.seen().size();
        MentionBatch second = collector.collect(query, first.cursor()).join();

        assertThat(first.mentions()).hasSize(5);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.cursor().value()).isEqualTo("1400");
        assertThat(first.mentions().get(0).text()).isEqualTo("I tried Vigie & liked it");
        assertThat(first.mentions().get(0).url()).isEqualTo("https://news.ycombinator.com/item?id=1400");
        assertThat(second.mentions()).extracting(Mention::id).containsExactly("hackernews:1600", "hackernews:1500");
        assertThat(second.cursor().value()).isEqualTo("1600");
        assertThat(server.seen().subList(before, server.seen().size()))
                .allSatisfy(
                        s -> assertThat(params(s.query()).get("numericFilters")).isEqualTo("created_at_i>1400"));
    }

    @Test
    void redditWaitsForASpentRateLimitWindowAndStopsAtTheCursor() throws InterruptedException {
        server.route("/r/marketing/search.json", ex -> {
            Map<String, String> p = params(ex.getRequestURI().getRawQuery());
            boolean firstPage = !p.containsKey("after");
            ObjectNode body = JSON.createObjectNode();
            body.put("kind", "Listing");
            ObjectNode data = body.putObject("data");
            ArrayNode children = data.putArray("children");
            long[] created = firstPage ? new long[] {5000, 4900} : new long[] {4800, 4700};
            for (long c : created) {
                ObjectNode d = children.addObject().put("kind", "t3").putObject("data");
                d.put("name", "t3_" + c);
                d.put("id", Long.toString(c));
                d.put("title", "Acme &amp; Vigie " + c);
                d.put("selftext", "");
                d.put("permalink", "/r/marketing/comments/" + c + "/acme/");
                d.put("created_utc", (double) c);
                d.put("author", "bob");
                d.put("score", 12);
                d.put("num_comments", 4);
            }
            data.put("after", firstPage ? "t3_4900" : null);
            ex.getResponseHeaders().set("x-ratelimit-remaining", firstPage ? "0.0" : "99.0");
            ex.getResponseHeaders().set("x-ratelimit-reset", "1");
            LoopbackServer.send(ex, 200, "application/json", body.toString(), StandardCharsets.UTF_8);
        });
        RedditSearch query = new RedditSearch(server.base(), "acme", "marketing", 2);
        // the next page runs on the collector's waiting executor: this one records the wait asked for and holds
        // the page until the test lets it go, so the wait is checked without sleeping
        List<Duration> waits = new CopyOnWriteArrayList<>();
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch windowReset = new CountDownLatch(1);
        MentionCollector waiting =
                new MentionCollector(fetcher, 10, Duration.ofSeconds(5), Clock.fixed(T0, ZoneOffset.UTC), wait -> {
                    waits.add(wait);
                    asked.countDown();
                    return page -> new Thread(() -> {
                                try {
                                    windowReset.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                page.run();
                            })
                            .start();
                });

        CompletableFuture<MentionBatch> collecting = waiting.collect(query, MentionCursor.START);
        assertThat(asked.await(10, TimeUnit.SECONDS)).as("a wait was asked for").isTrue();
        assertThat(waits).as("until the window resets, 1 s later").containsExactly(Duration.ofSeconds(1));
        assertThat(server.hits("/r/marketing/search.json"))
                .as("no second page before the window resets")
                .isEqualTo(1);
        assertThat(collecting).isNotDone();
        windowReset.countDown();
        MentionBatch first = collecting.join();
        MentionBatch again = collector.collect(query, new MentionCursor("4900")).join();

        assertThat(first.mentions())
                .extracting(Mention::id)
                .containsExactly("reddit:t3_5000", "reddit:t3_4900", "reddit:t3_4800", "reddit:t3_4700");
        assertThat(first.mentions().get(0).title()).isEqualTo("Acme & Vigie 5000");
        assertThat(first.mentions().get(0).engagement().score()).isEqualTo(12L);
        assertThat(first.cursor().value()).isEqualTo("5000");
        assertThat(again.mentions()).extracting(Mention::id).containsExactly("reddit:t3_5000");
        assertThat(again.pages()).as("stops at the cursor, no second page").isEqualTo(1);
        assertThat(again.cursor().value()).isEqualTo("5000");
    }

    @Test
    void blueskyFollowsTheCursorAndPassesSinceOnTheNextRun() {
        server.route("/xrpc/app.bsky.feed.searchPosts", ex -> {
            Map<String, String> p = params(ex.getRequestURI().getRawQuery());
            ObjectNode body = JSON.createObjectNode();
            ArrayNode posts = body.putArray("posts");
            boolean secondPage = "p2".equals(p.get("cursor"));
            int from = secondPage ? 2 : 4;
            Instant since = p.containsKey("since") ? Instant.parse(p.get("since")) : Instant.MIN;
            for (int i = from; i > from - 2; i--) {
                Instant created = T0.plusSeconds(i * 60L);
                if (!created.isBefore(since)) {
                    ObjectNode post = posts.addObject();
                    post.put("uri", "at://did:plc:abc/app.bsky.feed.post/rk" + i);
                    post.putObject("author")
                            .put("did", "did:plc:abc")
                            .put("handle", "ann.bsky.social")
                            .put("displayName", "Ann");
                    ObjectNode record = post.putObject("record");
                    record.put("$type", "app.bsky.feed.post");
                    record.put("text", "Vigie post " + i);
                    record.put("createdAt", created.toString());
                    record.putArray("langs").add("fr");
                    post.put("likeCount", 5)
                            .put("repostCount", 1)
                            .put("quoteCount", 1)
                            .put("replyCount", 0);
                    post.put("indexedAt", created.plusSeconds(1).toString());
                }
            }
            if (!secondPage && !p.containsKey("since")) {
                body.put("cursor", "p2");
            }
            LoopbackServer.send(ex, 200, "application/json", body.toString(), StandardCharsets.UTF_8);
        });
        BlueskySearch query = new BlueskySearch(server.base(), "vigie", 2);

        MentionBatch first = collector.collect(query, MentionCursor.START).join();
        int before = server.seen().size();
        MentionBatch second = collector.collect(query, first.cursor()).join();

        assertThat(first.mentions())
                .extracting(Mention::url)
                .containsExactly(
                        "https://bsky.app/profile/ann.bsky.social/post/rk4",
                                "https://bsky.app/profile/ann.bsky.social/post/rk3",
                        "https://bsky.app/profile/ann.bsky.social/post/rk2",
                                "https://bsky.app/profile/ann.bsky.social/post/rk1");
        assertThat(first.mentions().get(0).engagement()).isEqualTo(new Engagement(5L, 2L, 0L, null));
        assertThat(first.cursor().value()).isEqualTo(T0.plusSeconds(240).toString());
        assertThat(params(server.seen().get(before).query()).get("since"))
                .isEqualTo(first.cursor().value());
        assertThat(second.mentions())
                .as("the boundary post is not counted again")
                .isEmpty();
        assertThat(second.cursor()).isEqualTo(first.cursor());
    }

    @Test
    void eachMentionNamesTheOutletItWasPublishedInAndKeepsTheSearchThatFoundIt() {
        server.route("/api/v1/timelines/tag/velo", ex -> {
            ArrayNode body = JSON.createArrayNode();
            body.add(status(2, server.base()));
            ObjectNode remote = status(1, server.base());
            remote.put("uri", "https://piaille.fr/users/zoe/statuses/1");
            remote.put("url", "https://piaille.fr/@zoe/1");
            ((ObjectNode) remote.get("account")).put("acct", "zoe@piaille.fr").put("url", "https://piaille.fr/@zoe");
            body.add(remote);
            LoopbackServer.send(ex, 200, "application/json", body.toString(), StandardCharsets.UTF_8);
        });
        server.route("/search.json", ex -> {
            ObjectNode body = JSON.createObjectNode().put("kind", "Listing");
            ArrayNode children = body.putObject("data").putArray("children");
            String[][] posts = {{"france", "r/france"}, {"velotaf", null}, {"u_ann", "u/ann"}};
            for (int i = 0; i < posts.length; i++) {
                ObjectNode d = children.addObject().put("kind", "t3").putObject("data");
                d.put("name", "t3_" + i)
                        .put("title", "Acme " + i)
                        .put("selftext", "")
                        .put("author", "ann");
                d.put("permalink", "/r/" + posts[i][0] + "/comments/" + i + "/acme/")
                        .put("created_utc", 100.0 + i);
                d.put("subreddit", posts[i][0]);
                if (posts[i][1] != null) {
                    d.put("subreddit_name_prefixed", posts[i][1]);
                }
            }
            LoopbackServer.send(ex, 200, "application/json", body.toString(), StandardCharsets.UTF_8);
        });
        server.route("/api/v1/search_by_date", ex -> {
            ObjectNode body = JSON.createObjectNode().put("page", 0).put("nbPages", 1);
            body.putArray("hits")
                    .addObject()
                    .put("objectID", "42")
                    .put("created_at_i", 100)
                    .put("title", "Acme raises prices")
                    .put("url", "https://techcrunch.example/acme")
                    .put("author", "pg");
            LoopbackServer.send(ex, 200, "application/json", body.toString(), StandardCharsets.UTF_8);
        });
        server.route("/xrpc/app.bsky.feed.searchPosts", ex -> {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode post = body.putArray("posts").addObject().put("uri", "at://did:plc:abc/app.bsky.feed.post/rk1");
            post.putObject("author").put("did", "did:plc:abc").put("handle", "lemonde.fr");
            post.putObject("record").put("text", "Acme").put("createdAt", T0.toString());
            LoopbackServer.send(ex, 200, "application/json", body.toString(), StandardCharsets.UTF_8);
        });
        String host = java.net.URI.create(server.base()).getAuthority();

        List<Mention> mastodon = collector
                .collect(new MastodonTagTimeline(server.base(), "velo"), MentionCursor.START)
                .join()
                .mentions();
        List<Mention> reddit = collector
                .collect(new RedditSearch(server.base(), "acme", null, 10), MentionCursor.START)
                .join()
                .mentions();
        Mention hn = collector
                .collect(new HackerNewsSearch(server.base(), "acme", 10), MentionCursor.START)
                .join()
                .mentions()
                .get(0);
        Mention bluesky = collector
                .collect(new BlueskySearch(server.base(), "acme", 10), MentionCursor.START)
                .join()
                .mentions()
                .get(0);

        assertThat(mastodon).extracting(m -> m.source().name()).containsExactly("127.0.0.1", "piaille.fr");
        assertThat(mastodon.get(1).source().url()).isEqualTo("https://piaille.fr");
        assertThat(mastodon).allSatisfy(m -> assertThat(m.source().search()).isEqualTo("#velo on " + host));
        assertThat(reddit).extracting(m -> m.source().name()).containsExactly("r/france", "r/velotaf", "u/ann");
        assertThat(reddit.get(0).source().url()).isEqualTo("https://www.reddit.com/r/france");
        assertThat(reddit.get(0).source().search()).isEqualTo("\"acme\" on Reddit");
        assertThat(hn.source().name())
                .as("published on HN, whatever it links to")
                .isEqualTo("Hacker News");
        assertThat(hn.source().search()).isEqualTo("\"acme\" on Hacker News");
        assertThat(bluesky.source().name()).isEqualTo("bsky.app");
        assertThat(bluesky.source().url()).isEqualTo("https://bsky.app");
        assertThat(bluesky.source().search()).isEqualTo("\"acme\" on Bluesky");
    }

    @Test
    void queriesRefuseBadSettingsNamingThem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MastodonTagTimeline("mastodon.social", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mastodon.social");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MastodonTagTimeline("https://m.example", "a b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a b");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MastodonSearch("https://m.example", "q", 41, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("41");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BlueskySearch(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RedditSearch("acme", "not a sub!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a sub!");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HackerNewsSearch("ftp://hn.example", "q", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://hn.example");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MentionCollector(fetcher, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPages");
    }
}
