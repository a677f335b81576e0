package dev.vigie.connectors.mention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.connectors.http.FetchResult;
import dev.vigie.connectors.http.Validators;
import dev.vigie.connectors.testing.CorpusData;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every recorded API body of {@code api-samples/} through the matching platform parser, with its recorded headers:
 * each must give mentions with an id, a URL, text and a date. Four bodies hold no posts by nature and must give
 * none without error: Mastodon's trending tags and trending links (link cards, not posts), a search that found
 * only accounts, and an empty search result.
 */
class ApiSamplesTest {
    private static final Set<String> NO_POSTS = Set.of(
            "mastodon.social_v1_trends_tags_01.json",
            "localdev_v2_search_type_statuses_empty.json",
            "mastodon.social_v1_trends_links_01.json",
            "localdev_v2_search_01.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MentionQuery queryFor(String platform) {
        return switch (platform) {
            case "mastodon" -> new MastodonTagTimeline("https://mastodon.social", "hoot");
            case "bluesky" -> new BlueskySearch("redistricting");
            case "reddit" -> new RedditSearch("praw", null);
            case "hackernews" -> new HackerNewsSearch("vigie");
            default -> throw new IllegalArgumentException(platform);
        };
    }

    /** What a social-listening user reads as the outlet of each platform's posts. */
    private static final Map<String, String> OUTLETS = Map.of(
            "mastodon", "[a-z0-9.-]+",
            "reddit", "[ru]/[A-Za-z0-9_-]+",
            "hackernews", "Hacker News",
            "bluesky", "bsky\\.app");

    @Test
    void everyRecordedBodyParsesIntoCompleteMentions() throws Exception {
        Path root = CorpusData.folder("api-samples");
        List<Path> bodies;
        try (Stream<Path> s = Files.walk(root)) {
            bodies = s.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().endsWith(".meta.json"))
                    .sorted()
                    .toList();
        }
        Instant fetched = Instant.parse("2026-01-01T00:00:00Z");
        int total = 0;
        java.util.Set<String> outlets = new java.util.TreeSet<>();
        for (Path body : bodies) {
            String platform = root.relativize(body).getName(0).toString();
            MentionQuery query = queryFor(platform);
            Map<String, List<String>> headers = new HashMap<>();
            String uri = "https://example.org/recorded";
            Path meta = Path.of(body.toString().replace(".json", ".meta.json"));
            if (Files.exists(meta)) {
                JsonNode m = JSON.readTree(meta.toFile());
                uri = m.path("uri").asText(uri);
                m.path("headers").fields().forEachRemaining(e -> {
                    List<String> values = new ArrayList<>();
                    if (e.getValue().isArray()) {
                        e.getValue().forEach(v -> values.add(v.asText()));
                    } else {
                        values.add(e.getValue().asText());
                    }
                    headers.put(e.getKey(), values);
                });
            }
            FetchResult.Ok ok = new FetchResult.Ok(
                    URI.create(uri),
                    URI.create(uri),
                    200,
                    "application/json",
                    Files.readAllBytes(body),
                    Validators.NONE,
                    headers,
                    fetched);

            MentionPage page = query.parse(ok, MentionCursor.START);

            String name = body.getFileName().toString();
            assertThat(page.errors()).as(name).isEmpty();
            if (NO_POSTS.contains(name)) {
                assertThat(page.mentions()).as(name).isEmpty();
                continue;
            }
            assertThat(page.mentions()).as(name).isNotEmpty();
            for (Mention m : page.mentions()) {
                assertThat(m.id()).as(name).startsWith(platform + ":");
                assertThat(URI.create(m.url()).isAbsolute())
                        .as(name + " " + m.url())
                        .isTrue();
                assertThat(m.text()).as(name + " " + m.id()).isNotBlank();
                assertThat(m.publishedEstimated())
                        .as(name + " " + m.id() + " has its own date")
                        .isFalse();
                assertThat(m.source().type().id()).isEqualTo(platform);
                assertThat(m.source().name())
                        .as(name + " " + m.id() + " is named by its outlet")
                        .matches(OUTLETS.get(platform));
                assertThat(m.source().search()).as(name).isEqualTo(query.label());
                outlets.add(platform + " " + m.source().name());
            }
            total += page.mentions().size();
            System.out.printf(
                    "%-55s %4d mentions, next page: %s%n",
                    platform + "/" + name,
                    page.mentions().size(),
                    page.next() == null ? "-" : page.next().url());
        }
        assertThat(total).isGreaterThan(200);
        System.out.println(outlets.size() + " outlets: " + outlets);
        assertThat(outlets)
                .as("several instances and subreddits, not one name per search")
                .contains("mastodon mastodon.social", "reddit r/sysadmin", "hackernews Hacker News", "bluesky bsky.app")
                .hasSizeGreaterThan(10);
    }
}
