package dev.vigie.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.vigie.jobs.demo.internal.DemoReply;
import dev.vigie.jobs.demo.internal.DemoRequest;
import dev.vigie.jobs.demo.internal.DemoTemplates;
import dev.vigie.jobs.demo.internal.MentionApis;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo data is valid in its real formats, recent whatever the day, and its second phase differs from
 * the first exactly where the demo says it does.
 */
class DemoDataTest {

    private static final Instant ANCHOR = Instant.parse("2031-03-12T09:30:00Z");
    private static final Instant OLDEST = ANCHOR.minus(Duration.ofDays(28));
    private static DemoServer server;

    @BeforeAll
    static void start() {
        server = DemoServer.start(0, Clock.fixed(ANCHOR, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static DemoReply get(String path, DemoPhase phase) {
        server.phase(phase);
        return server.answer(DemoRequest.of(path, null, Map.of()));
    }

    private static SyndFeed feed(String path, DemoPhase phase) throws Exception {
        DemoReply reply = get(path, phase);
        assertThat(reply.status()).as(path).isEqualTo(200);
        return new SyndFeedInput().build(new StringReader(reply.text()));
    }

    @Test
    void everyFeedParsesWithRomeInBothPhasesWithRecentDatesAndUniqueLinks() throws Exception {
        Set<String> links = new HashSet<>();
        int items = 0;
        for (String path : DemoServer.FEEDS.keySet()) {
            for (DemoPhase phase : DemoPhase.values()) {
                SyndFeed feed = feed(path, phase);
                assertThat(feed.getTitle()).as(path).isNotBlank();
                assertThat(feed.getEntries()).as(path).hasSizeGreaterThanOrEqualTo(4);
                for (SyndEntry entry : feed.getEntries()) {
                    assertThat(entry.getTitle()).as(path).isNotBlank().doesNotContain("{{");
                    assertThat(entry.getLink()).as(path).startsWith("https://").contains(".example/");
                    Instant published = entry.getPublishedDate().toInstant();
                    assertThat(published).as(path + " " + entry.getTitle()).isBetween(OLDEST, ANCHOR);
                    String text = entry.getDescription() != null
                            ? entry.getDescription().getValue()
                            : entry.getContents().get(0).getValue();
                    assertThat(text).as(path).contains("<p>");
                    if (phase == DemoPhase.SECOND) {
                        assertThat(links.add(entry.getLink()))
                                .as("link %s is unique", entry.getLink())
                                .isTrue();
                        items++;
                    }
                }
            }
        }
        assertThat(items).isBetween(40, 80);
    }

    @Test
    void feedsCoverRssAndAtomInFrenchAndEnglish() throws Exception {
        Set<String> types = new HashSet<>();
        Set<String> languages = new HashSet<>();
        for (String path : DemoServer.FEEDS.keySet()) {
            SyndFeed feed = feed(path, DemoPhase.FIRST);
            types.add(feed.getFeedType().replaceAll("_.*", ""));
            languages.add(feed.getLanguage());
        }
        assertThat(types).containsExactlyInAnyOrder("rss", "atom");
        assertThat(languages).contains("fr", "en");
    }

    @Test
    void secondPhaseAddsItemsToSomeFeedsAndLeavesTheOthersByteForByte() throws Exception {
        Map<String, Integer> added = new HashMap<>();
        for (String path : DemoServer.FEEDS.keySet()) {
            String first = get(path, DemoPhase.FIRST).text();
            String second = get(path, DemoPhase.SECOND).text();
            int delta = feed(path, DemoPhase.SECOND).getEntries().size()
                    - feed(path, DemoPhase.FIRST).getEntries().size();
            added.put(path, delta);
            if (delta == 0) {
                assertThat(second).as(path).isEqualTo(first);
            } else {
                Set<String> before = feed(path, DemoPhase.FIRST).getEntries().stream()
                        .map(SyndEntry::getLink)
                        .collect(Collectors.toSet());
                assertThat(feed(path, DemoPhase.SECOND).getEntries().stream()
                                .map(SyndEntry::getLink)
                                .toList())
                        .containsAll(before);
            }
        }
        assertThat(added)
                .containsEntry("/news/rss.xml", 2)
                .containsEntry("/wire/atom.xml", 1)
                .containsEntry("/ventelune/blog/rss.xml", 1)
                .containsEntry("/veloetville/atom.xml", 0)
                .containsEntry("/roulequai/blog/atom.xml", 0)
                .containsEntry("/cyclanthe/blog/rss.xml", 0);
    }

    @Test
    void someStoriesAreCarriedByTwoOrThreeFeedsWithSmallEdits() throws Exception {
        Map<String, List<String>> byFirstWords = new HashMap<>();
        for (String path : DemoServer.FEEDS.keySet()) {
            for (SyndEntry entry : feed(path, DemoPhase.SECOND).getEntries()) {
                String text = Jsoup.parse(
                                entry.getDescription() != null
                                        ? entry.getDescription().getValue()
                                        : entry.getContents().get(0).getValue())
                        .text();
                String key = String.join(" ", List.of(text.split("\\s+")).subList(0, 6));
                byFirstWords.computeIfAbsent(key, k -> new ArrayList<>()).add(path);
            }
        }
        List<List<String>> syndicated =
                byFirstWords.values().stream().filter(l -> l.size() > 1).toList();
        assertThat(syndicated).hasSizeGreaterThanOrEqualTo(4);
        assertThat(syndicated).anyMatch(l -> l.size() >= 3);
    }

    @Test
    void everyMentionApiFileIsJsonInTheServiceShapeWithUniqueIdsAndRecentDates() {
        MentionApis apis = new MentionApis(URI.create("http://127.0.0.1:1"), ANCHOR);
        Map<String, Function<ObjectNode, String>> ids = Map.of(
                "mastodon", n -> n.path("id").asText(),
                "bluesky", n -> n.path("uri").asText(),
                "reddit", n -> n.path("data").path("name").asText(),
                "hackernews", n -> n.path("objectID").asText());
        Map<String, Function<ObjectNode, Instant>> dates = Map.of(
                "mastodon", n -> Instant.parse(n.path("created_at").asText()),
                "bluesky", n -> Instant.parse(n.path("record").path("createdAt").asText()),
                "reddit",
                        n -> Instant.ofEpochSecond(
                                n.path("data").path("created_utc").asLong()),
                "hackernews", n -> Instant.ofEpochSecond(n.path("created_at_i").asLong()));
        Map<String, List<ObjectNode>> first = apis.all(DemoPhase.FIRST);
        Map<String, List<ObjectNode>> second = apis.all(DemoPhase.SECOND);
        for (String platform : ids.keySet()) {
            List<String> all =
                    second.get(platform).stream().map(ids.get(platform)).toList();
            assertThat(all).as(platform).doesNotHaveDuplicates().allMatch(id -> !id.isBlank());
            assertThat(second.get(platform).stream().map(dates.get(platform)).toList())
                    .as(platform)
                    .allMatch(d -> d.isAfter(OLDEST) && d.isBefore(ANCHOR));
            assertThat(second.get(platform).size())
                    .as(platform)
                    .isGreaterThan(first.get(platform).size());
            assertThat(second.get(platform).toString()).as(platform).doesNotContain("{{");
        }
        int total = second.values().stream().mapToInt(List::size).sum();
        assertThat(total).isBetween(60, 120);
        ObjectNode status = first.get("mastodon").get(0);
        assertThat(status.path("account").path("acct").asText()).contains("@");
        assertThat(status.path("content").asText()).startsWith("<p>");
        assertThat(first.get("reddit").get(0).path("kind").asText()).isEqualTo("t3");
        assertThat(first.get("reddit").get(0).path("data").path("created_utc").isNumber())
                .isTrue();
        assertThat(first.get("hackernews").get(0).path("created_at_i").isNumber())
                .isTrue();
        assertThat(first.get("bluesky").get(0).path("record").path("$type").asText())
                .isEqualTo("app.bsky.feed.post");
    }

    @Test
    void newItemsOfTheSecondPhaseAreNewerThanEverythingOfTheFirst() {
        MentionApis apis = new MentionApis(URI.create("http://127.0.0.1:1"), ANCHOR);
        List<ObjectNode> first = apis.all(DemoPhase.FIRST).get("mastodon");
        List<ObjectNode> second = apis.all(DemoPhase.SECOND).get("mastodon");
        long newestFirst = first.stream()
                .mapToLong(n -> Long.parseLong(n.path("id").asText()))
                .max()
                .orElseThrow();
        List<ObjectNode> added = second.stream().filter(n -> !first.contains(n)).toList();
        assertThat(added).isNotEmpty().allMatch(n -> Long.parseLong(n.path("id").asText()) > newestFirst);
    }

    @Test
    void mentionsAreInFrenchAndEnglishAndIncludeACrisis() {
        MentionApis apis = new MentionApis(URI.create("http://127.0.0.1:1"), ANCHOR);
        List<ObjectNode> statuses = apis.all(DemoPhase.FIRST).get("mastodon");
        assertThat(statuses.stream().map(s -> s.path("language").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("fr", "en");
        String everything = apis.all(DemoPhase.FIRST).toString().toLowerCase();
        assertThat(everything).contains("panne", "outage", "fuite de données", "data leak");
        assertThat(everything).contains("roulequai", "cyclanthe");
    }

    @Test
    void datesFollowTheAnchorSoTheDataIsAlwaysRecent() {
        Instant later = ANCHOR.plus(Duration.ofDays(400));
        try (DemoServer other = DemoServer.start(0, Clock.fixed(later, ZoneOffset.UTC))) {
            String first = server.answer(DemoRequest.of("/news/rss.xml", null, Map.of()))
                    .text();
            String second = other.answer(DemoRequest.of("/news/rss.xml", null, Map.of()))
                    .text();
            assertThat(second).isNotEqualTo(first).doesNotContain("{{");
            assertThat(second).contains(DemoTemplates.format(later.minus(Duration.ofMinutes(20 * 60)), "rfc1123"));
        }
    }

    @Test
    void competitorPagesChangeAsTheDemoSaysOnceTheWatchSelectorsAreApplied() throws Exception {
        JsonNode watch = new YAMLMapper().readTree(DemoTemplates.load("demo-watch.yaml"));
        Map<String, String> before = new HashMap<>();
        Map<String, String> after = new HashMap<>();
        for (JsonNode competitor : watch.path("competitors")) {
            for (JsonNode page : competitor.path("pages")) {
                String path = URI.create(page.path("url").asText().replace("{{demo}}", "http://x"))
                        .getPath();
                String select = page.path("select").asText("body");
                String ignore = page.path("ignore").asText("");
                List<String> noise = new ArrayList<>();
                page.path("noise").forEach(n -> noise.add(n.asText()));
                before.put(path, section(get(path, DemoPhase.FIRST).text(), select, ignore, noise));
                after.put(path, section(get(path, DemoPhase.SECOND).text(), select, ignore, noise));
            }
        }
        assertThat(before.keySet()).containsExactlyInAnyOrderElementsOf(DemoServer.PAGES.keySet());
        assertThat(before.get("/roulequai/tarifs")).contains("39 € par mois").doesNotContain("44 €");
        assertThat(after.get("/roulequai/tarifs")).contains("44 € par mois").doesNotContain("39 €");
        assertThat(after.get("/roulequai/velos")).contains("Quai S3 Longtail");
        assertThat(before.get("/roulequai/velos")).doesNotContain("Quai S3 Longtail");
        assertThat(after.get("/cyclanthe/careers")).contains("Senior Data Engineer");
        assertThat(before.get("/cyclanthe/careers")).doesNotContain("Senior Data Engineer");
        assertThat(after.get("/roulequai/carrieres")).isEqualTo(before.get("/roulequai/carrieres"));
        assertThat(after.get("/cyclanthe/pricing")).isEqualTo(before.get("/cyclanthe/pricing"));
        String rawBefore = get("/cyclanthe/pricing", DemoPhase.FIRST).text();
        String rawAfter = get("/cyclanthe/pricing", DemoPhase.SECOND).text();
        assertThat(rawAfter).as("the noise-only page does change as bytes").isNotEqualTo(rawBefore);
    }

    @Test
    void demoWatchNamesOnlyTheDemoServerAndUnsetsSmtp() throws Exception {
        String yaml = DemoTemplates.load("demo-watch.yaml");
        JsonNode watch = new YAMLMapper().readTree(yaml);
        assertThat(watch.path("mail").has("smtp")).isFalse();
        assertThat(watch.path("alerts").findValuesAsText("id")).contains("crisis", "competitor-pricing");
        List<String> urls = new ArrayList<>();
        watch.path("sources").path("feeds").forEach(n -> urls.add(n.asText()));
        watch.path("competitors").forEach(c -> c.path("feeds").forEach(n -> urls.add(n.asText())));
        watch.path("competitors")
                .forEach(
                        c -> c.path("pages").forEach(p -> urls.add(p.path("url").asText())));
        assertThat(urls).isNotEmpty().allMatch(u -> u.startsWith("{{demo}}/"));
        for (String url : urls) {
            String path = url.substring("{{demo}}".length());
            assertThat(DemoServer.FEEDS.containsKey(path) || DemoServer.PAGES.containsKey(path))
                    .as(path)
                    .isTrue();
        }
        assertThat(new ObjectMapper().writeValueAsString(watch)).doesNotContain("http://", "https://");
    }

    private static String section(String html, String select, String ignore, List<String> noise) {
        Document doc = Jsoup.parse(html);
        Element part = doc.selectFirst(select);
        assertThat(part).as(select).isNotNull();
        if (!ignore.isBlank()) {
            part.select(ignore).remove();
        }
        String text = part.text();
        for (String pattern : noise) {
            text = text.replaceAll(pattern, "");
        }
        return text;
    }
}
