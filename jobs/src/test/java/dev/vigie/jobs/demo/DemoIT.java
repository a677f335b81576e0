package dev.vigie.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.run.RunSummary;
import dev.vigie.jobs.run.SourceReport;
import dev.vigie.jobs.run.SourceStatus;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vigie demo} end to end, as a new user runs it: the real run job (embedded Flink) on the bundled demo data,
 * twice, against a real Elasticsearch node, then the weekly report. One demo is run for the whole class (it takes a
 * minute or two); each test checks one thing the README says the demo shows. CoreNLP is left out of English
 * sentiment ({@code NEVER}) to fit the 1 GB test heap: the lexicon still labels every mention.
 */
@ExtendWith(ElasticsearchExtension.class)
class DemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> SOURCE_TYPES = List.of("feed", "mastodon", "bluesky", "reddit", "hackernews");

    @TempDir
    static Path folder;

    private static URI es;
    private static int exit;
    private static String printed;
    private static FlinkDemoPipeline pipeline;
    private static DemoCommand command;

    @BeforeAll
    static void runTheDemo() throws Exception {
        es = ElasticsearchExtension.url();
        pipeline = new FlinkDemoPipeline(EnglishSentimentScorer.CoreNlpUse.NEVER);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command = new DemoCommand(pipeline, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        exit = new CommandLine(command)
                .execute(
                        "--es",
                        es.toString(),
                        "--outbox",
                        folder.resolve("outbox").toString(),
                        "--reports",
                        folder.resolve("reports").toString(),
                        "--models",
                        folder.resolve("models").toString());
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsBothPhasesAndTellsTheUserWhatToOpen() {
        assertThat(exit).as(printed).isZero();
        assertThat(pipeline.summaries()).hasSize(2);
        assertThat(pipeline.summaries())
                .allSatisfy(s -> assertThat(s.failedSources()).as(printed).isZero());
        assertThat(printed)
                .contains(
                        "Run 1 of 2",
                        "Run 2 of 2",
                        "vigie-mentions",
                        "What to open next",
                        folder.resolve("outbox").toString(),
                        folder.resolve("reports").toString());
    }

    @Test
    void frenchPostsAreReadByTheModelTheDemoTrainedWithVigieTrain() throws Exception {
        Path model = folder.resolve("models").resolve(DemoModel.FILE);
        assertThat(model).isRegularFile();
        assertThat(printed)
                .contains("vigie train --lang fr", "5-fold cross-validated macro-F1")
                .containsPattern("French mentions, sentiment by the trained model "
                        + java.util.regex.Pattern.quote(model.toString()) + ": [1-9]\\d* \\{.*negative=[1-9]");
        JsonNode french = search(
                        "vigie-mentions",
                        Map.of(
                                "size",
                                0,
                                "query",
                                Map.of(
                                        "bool",
                                        Map.of(
                                                "filter",
                                                List.of(
                                                        Map.of("term", Map.of("watch", DemoWatch.ID)),
                                                        Map.of("term", Map.of("lang", "fr")))))))
                .path("hits")
                .path("total");
        assertThat(french.path("value").asLong()).as("French mentions").isGreaterThan(20);
    }

    @Test
    void theFirstRunTakesABaselineOfEachCompetitorPage() {
        List<SourceReport> pages = pipeline.summaries().get(0).sources().stream()
                .filter(s -> s.ref().type().equals("page"))
                .toList();
        assertThat(pages).hasSize(DemoServer.PAGES.size()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(SourceStatus.BASELINE);
            assertThat(p.unchanged()).isZero();
        });
        assertThat(printed)
                .contains("baseline: first snapshot stored; changes are reported from the next run")
                .containsPattern("vigie-runs +\\d+  \\{.*baseline=" + DemoServer.PAGES.size());
    }

    @Test
    void mentionsAreNamedByTheOutletThatPublishedThemAndKeepTheirSearch() throws Exception {
        JsonNode hits = search(
                        "vigie-mentions", Map.of("size", 500, "query", Map.of("term", Map.of("watch", DemoWatch.ID))))
                .path("hits")
                .path("hits");
        Map<String, Set<String>> outlets = new java.util.TreeMap<>();
        for (JsonNode hit : hits) {
            JsonNode source = hit.path("_source").path("source");
            String type = source.path("type").asText();
            outlets.computeIfAbsent(type, t -> new java.util.TreeSet<>())
                    .add(source.path("name").asText());
            assertThat(source.has("search")).as("search of %s", hit.path("_id")).isEqualTo(!type.equals("feed"));
        }
        assertThat(outlets.get("reddit")).contains("r/france", "r/lyon").allMatch(n -> n.startsWith("r/"));
        assertThat(outlets.get("mastodon"))
                .contains("piaille.example", "lyon.social.example")
                .allMatch(n -> !n.contains(" "));
        assertThat(outlets.get("hackernews")).containsExactly("Hacker News");
        assertThat(outlets.get("bluesky")).containsExactly("bsky.app");
    }

    @Test
    void indexesEnrichedMentionsFromEverySourceType() throws Exception {
        JsonNode hits = search(
                        "vigie-mentions", Map.of("size", 500, "query", Map.of("term", Map.of("watch", DemoWatch.ID))))
                .path("hits")
                .path("hits");
        Set<String> types = new HashSet<>();
        for (JsonNode hit : hits) {
            JsonNode mention = hit.path("_source");
            String type = mention.path("source").path("type").asText();
            types.add(type);
            assertThat(mention.path("lang").asText())
                    .as("lang of %s", hit.path("_id"))
                    .isIn("fr", "en");
            assertThat(mention.path("sentiment").path("label").asText())
                    .as("sentiment of %s", hit.path("_id"))
                    .isIn("positive", "neutral", "negative");
            assertThat(mention.path("story_id").asText()).isNotBlank();
            String sourceName = mention.path("source").path("name").asText();
            if (type.equals("feed") && List.of("Roulequai", "Cyclanthe").contains(sourceName)) {
                // a competitor's own blog post counts for that competitor's share of voice, named or not
                assertThat(texts(mention.path("brands")))
                        .as("brands of %s", hit.path("_id"))
                        .contains(sourceName);
            }
            if (!type.equals("feed")) {
                // the APIs were searched for a brand's name: every post found names one
                assertThat(texts(mention.path("brands")))
                        .as("brands of %s", hit.path("_id"))
                        .containsAnyOf("Ventelune", "Roulequai", "Cyclanthe");
            }
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(SOURCE_TYPES);
        assertThat(hits.size()).isGreaterThan(100);
        JsonNode outage = search(
                        "vigie-mentions",
                        Map.of(
                                "size",
                                50,
                                "query",
                                Map.of(
                                        "bool",
                                        Map.of(
                                                "filter",
                                                List.of(
                                                        Map.of("term", Map.of("watch", DemoWatch.ID)),
                                                        Map.of("term", Map.of("sentiment.label", "negative")),
                                                        Map.of("term", Map.of("brands", "Ventelune")))))))
                .path("hits")
                .path("total");
        assertThat(outage.path("value").asLong())
                .as("negative mentions of Ventelune (the crisis)")
                .isGreaterThan(5);
    }

    @Test
    void aStoryCarriedBySeveralFeedsSharesOneStoryId() throws Exception {
        JsonNode buckets = search(
                        "vigie-mentions",
                        Map.of(
                                "size",
                                0,
                                "query",
                                Map.of("term", Map.of("watch", DemoWatch.ID)),
                                "aggs",
                                Map.of(
                                        "stories",
                                        Map.of(
                                                "terms",
                                                Map.of("field", "story_id", "min_doc_count", 2, "size", 50),
                                                "aggs",
                                                Map.of(
                                                        "sources",
                                                        Map.of("cardinality", Map.of("field", "source.url")))))))
                .path("aggregations")
                .path("stories")
                .path("buckets");
        long carriedByThree = 0;
        for (JsonNode bucket : buckets) {
            if (bucket.path("sources").path("value").asLong() >= 3) {
                carriedByThree++;
            }
        }
        assertThat(buckets.size()).as("stories carried by two sources or more").isGreaterThanOrEqualTo(3);
        assertThat(carriedByThree).as("stories carried by three sources").isGreaterThanOrEqualTo(1);
    }

    @Test
    void emailsTheCrisisOnceInTheOutboxAndTheSecondRunOnlyWhatIsNew() throws Exception {
        List<Path> crisis;
        try (Stream<Path> files = Files.list(folder.resolve("outbox"))) {
            crisis = files.filter(f -> f.getFileName().toString().contains("crisis"))
                    .sorted()
                    .toList();
        }
        assertThat(crisis).as("one crisis digest per run").hasSize(2);
        List<Set<String>> links = new ArrayList<>();
        for (Path eml : crisis) {
            MimeMessage message = read(eml);
            assertThat(message.getSubject()).contains("crisis", "Ventelune");
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("cm@ventelune.example");
            links.add(links(text(message)));
        }
        assertThat(links.get(0)).hasSizeGreaterThan(10);
        assertThat(links.get(1)).isNotEmpty().doesNotContainAnyElementsOf(links.get(0));

        JsonNode ledger = search(
                        "vigie-alerts",
                        Map.of(
                                "size",
                                500,
                                "query",
                                Map.of(
                                        "bool",
                                        Map.of(
                                                "filter",
                                                List.of(
                                                        Map.of("term", Map.of("watch", DemoWatch.ID)),
                                                        Map.of("term", Map.of("rule", "crisis")))))))
                .path("hits")
                .path("hits");
        Set<String> mentionIds = new HashSet<>();
        for (JsonNode hit : ledger) {
            assertThat(mentionIds.add(hit.path("_source").path("mention_id").asText()))
                    .as("alerted twice: %s", hit.path("_source").path("mention_id"))
                    .isTrue();
        }
        assertThat(mentionIds).hasSize(links.get(0).size() + links.get(1).size());
    }

    @Test
    void theSecondRunRecordsPriceProductAndJobChangesAndIgnoresTheNoisyPage() throws Exception {
        JsonNode changes = search(
                        "vigie-page-changes",
                        Map.of("size", 50, "query", Map.of("term", Map.of("watch", DemoWatch.ID))))
                .path("hits")
                .path("hits");
        Map<String, String> kindByUrl = new java.util.TreeMap<>();
        for (JsonNode hit : changes) {
            String url = hit.path("_source").path("url").asText();
            kindByUrl.put(
                    url.substring(url.indexOf('/', "http://".length())),
                    hit.path("_source").path("kind").asText());
        }
        assertThat(kindByUrl)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "/roulequai/tarifs", "price",
                        "/roulequai/velos", "product",
                        "/cyclanthe/careers", "jobs"));
        RunSummary second = pipeline.summaries().get(1);
        assertThat(second.sources().stream().filter(s -> s.ref().url().endsWith("/cyclanthe/pricing")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.fetched()).as("the noisy page is downloaded").isEqualTo(1);
                    assertThat(s.status()).as("but its noise is no change").isEqualTo(SourceStatus.UNCHANGED);
                });
    }

    @Test
    void theSecondRunDownloadsLess() {
        List<DemoServer.ServedRequest> served = command.served();
        long firstOk = served.stream()
                .filter(r -> r.phase() == DemoPhase.FIRST && r.status() == 200)
                .count();
        long secondOk = served.stream()
                .filter(r -> r.phase() == DemoPhase.SECOND && r.status() == 200)
                .count();
        List<String> notModified = served.stream()
                .filter(r -> r.phase() == DemoPhase.SECOND && r.status() == 304)
                .map(DemoServer.ServedRequest::path)
                .toList();
        assertThat(notModified)
                .as("unchanged feeds and pages answer 304")
                .containsExactlyInAnyOrder(
                        "/veloetville/atom.xml",
                        "/roulequai/blog/atom.xml",
                        "/cyclanthe/blog/rss.xml",
                        "/roulequai/carrieres");
        assertThat(secondOk).isLessThan(firstOk);
        List<DemoServer.ServedRequest> apiCalls = served.stream()
                .filter(r -> r.phase() == DemoPhase.SECOND
                        && !DemoServer.FEEDS.containsKey(r.path())
                        && !DemoServer.PAGES.containsKey(r.path())
                        && !r.path().equals("/robots.txt"))
                .toList();
        assertThat(apiCalls).as("the mention APIs are searched again").isNotEmpty();
        assertThat(apiCalls.stream().filter(r -> !r.path().equals("/search.json")))
                .as("the second run asks Mastodon, Bluesky and Hacker News only for posts after its cursor")
                .allSatisfy(r -> assertThat(r.query()).containsAnyOf("min_id=", "since=", "numericFilters="));
        // Reddit's search has no "after this post" for new posts: it is read newest first, down to the last one seen
        assertThat(pipeline.summaries().get(1).sources().stream()
                        .filter(s -> s.ref().type().equals("reddit")))
                .allSatisfy(s -> assertThat(s.fetched()).as(s.ref().name()).isEqualTo(s.fresh()));
        RunSummary first = pipeline.summaries().get(0);
        RunSummary second = pipeline.summaries().get(1);
        assertThat(second.fetched()).isLessThan(first.fetched() / 2);
        assertThat(second.fresh()).isPositive().isLessThan(first.fresh() / 4);
        assertThat(printed).contains("of which 4 answered 304 Not Modified");
    }

    @Test
    void writesTheWeeklyReportAsHtmlAndPdf() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder.resolve("reports"))) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(2);
        Path html = files.stream()
                .filter(f -> f.toString().endsWith(".html"))
                .findFirst()
                .orElseThrow();
        Path pdf = files.stream()
                .filter(f -> f.toString().endsWith(".pdf"))
                .findFirst()
                .orElseThrow();
        assertThat(html.getFileName().toString()).startsWith("vigie-report-" + DemoWatch.ID + "-");
        assertThat(Files.readString(html)).contains("Ventelune", "Roulequai", "Cyclanthe");
        try (InputStream in = Files.newInputStream(pdf)) {
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
        assertThat(printed).contains(html.toString(), pdf.toString());
    }

    @Test
    void theWeeklyReportShowsTheDataLeakAsAtMostTwoEventStoriesOfFourOutletsOrMore() throws Exception {
        Path html;
        try (Stream<Path> list = Files.list(folder.resolve("reports"))) {
            html = list.filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow();
        }
        String report = Files.readString(html);
        int section = report.indexOf("<h2>Sujets principaux</h2>");
        assertThat(section).as("the top stories section").isPositive();
        String stories = report.substring(section, report.indexOf("</table>", section));
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr><td class=\"rank\">\\d+</td><td>(.*?)</td>"
                        + "<td class=\"num\">(\\d+)</td><td class=\"num\">(\\d+)</td>")
                .matcher(stories);
        List<String> leak = new ArrayList<>();
        while (row.find()) {
            String cell = row.group(1);
            String title = cell.replaceAll("<br/>.*", "").replaceAll("<[^>]+>", "");
            if (title.matches("(?i).*(fuite|leak|exposed|expos[ée]).*")) {
                String outlets = cell.contains("<span class=\"muted\">")
                        ? cell.replaceAll(".*<span class=\"muted\">", "").replaceAll("</span>.*", "")
                        : "";
                leak.add(title + " | " + outlets + " | " + row.group(3) + " sources");
                assertThat(Long.parseLong(row.group(3)))
                        .as("sources of %s", title)
                        .isGreaterThanOrEqualTo(4);
                assertThat(outlets.replaceAll(" \\+\\d+.*| · .*", "").split(", "))
                        .as("outlets named for %s", title)
                        .hasSizeGreaterThanOrEqualTo(4);
            }
        }
        assertThat(leak)
                .as("the data leak's event stories among the top stories")
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(2);
    }

    private static JsonNode search(String index, Map<String, Object> body) throws Exception {
        HTTP.send(
                HttpRequest.newBuilder(es.resolve("/" + index + "/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(es.resolve("/" + index + "/_search"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                sb.append(text(multipart.getBodyPart(i)));
            }
            return sb.toString();
        }
        return "";
    }

    /** The mention links of a digest's text part: one per mention. */
    private static Set<String> links(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+(https?://\\S+)\\s*$").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
