package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.report.IsoWeek;
import dev.vigie.jobs.report.ReportScope;
import dev.vigie.jobs.report.WeeklyReportData;
import dev.vigie.jobs.report.WeeklyReportQuery;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import dev.vigie.nlp.dedup.StorySigner;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stories that hold across runs, on the real run job, a real Elasticsearch node, GreenMail and loopback feeds: an
 * article indexed by one run, its syndicated copy served by another outlet to the next run.
 */
@ExtendWith(ElasticsearchExtension.class)
class StoriesAcrossRunsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String TITLE = "Acme outage leaves thousands of cloud customers stranded for six hours";
    private static final String TEXT = "Acme suffered a major outage on Monday morning. Customers of the Acme cloud"
            + " platform could not reach their files for six hours, and many said the support was slow to answer."
            + " The company apologised and promised a full report on the incident within a week.";
    private static final String COPY_TITLE = "ACME OUTAGE LEAVES THOUSANDS OF CLOUD CUSTOMERS STRANDED FOR SIX HOURS";
    private static final String COPY_TEXT = "PARIS (Reuters) - " + TEXT + " Read more at wire.example.";
    private static final String UNRELATED_TITLE = "Acme opens a new office in Lyon with fifty engineering jobs";
    private static final String UNRELATED_TEXT = "Acme announced a new office in Lyon on Tuesday, with fifty jobs for"
            + " engineers and a training programme run with the local university, a step for a growing company.";

    private static final String UNREADABLE = "unreadable-signature";

    private static LoopbackHttpServer server;
    private static final RestClient REST =
            ElasticsearchEndpoint.of(ElasticsearchExtension.url().toString()).restClient();

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackHttpServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        REST.close();
    }

    @Test
    void syndicatedCopyInTheNextRunJoinsTheStoryOfTheFirstAndCountsBothSources() throws Exception {
        String prefix = "/stories";
        URI es = ElasticsearchExtension.url();
        String id = RunFixtures.uniqueId("acme-stories");
        server.serve(
                prefix + "/courier/rss.xml",
                "application/rss+xml",
                rss(
                        "Tech Courier",
                        prefix + "/courier",
                        item(prefix + "/courier/outage", TITLE, TEXT, "Mon, 23 Nov 2026 08:00:00 GMT")));
        server.serve(prefix + "/wire/rss.xml", "application/rss+xml", rss("Daily Wire", prefix + "/wire", ""));
        Watch watch = watch(id, prefix, es);

        RunSummary first =
                VigieRun.run(RunFixtures.options(watch, server, prefix, es).build());

        assertThat(first.fresh()).isEqualTo(1);
        JsonNode original = RunJobIT.mentions(id).get(0);
        assertThat(original.path("story_id").asText())
                .isEqualTo(original.path("id").asText());
        assertThat(original.path("story_bands")).hasSize(32);
        assertThat(original.path("story_signature").asText()).isNotBlank();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(plainText(SMTP.getReceivedMessages()[0])).contains(TITLE).doesNotContain("also in");

        server.serve(
                prefix + "/wire/rss.xml",
                "application/rss+xml",
                rss(
                        "Daily Wire",
                        prefix + "/wire",
                        item(prefix + "/wire/acme-outage", COPY_TITLE, COPY_TEXT, "Tue, 24 Nov 2026 07:00:00 GMT")
                                + item(
                                        prefix + "/wire/acme-lyon",
                                        UNRELATED_TITLE,
                                        UNRELATED_TEXT,
                                        "Tue, 24 Nov 2026 09:00:00 GMT")));

        // a stored mention whose signature this signer cannot read is left out, not fatal
        indexUnreadableCopy(id, prefix, original.path("story_bands"));

        RunSummary second =
                VigieRun.run(RunFixtures.options(watch, server, prefix, es).build());

        assertThat(second.fresh()).isEqualTo(2);
        List<JsonNode> mentions = RunJobIT.mentions(id).stream()
                .filter(m -> !m.path("id").asText().equals(UNREADABLE))
                .toList();
        assertThat(mentions).hasSize(3);
        JsonNode copy = byTitle(mentions, COPY_TITLE);
        JsonNode unrelated = byTitle(mentions, UNRELATED_TITLE);
        String story = original.path("id").asText();
        assertThat(copy.path("source").path("name").asText()).isEqualTo("Daily Wire");
        assertThat(copy.path("story_id").asText()).isEqualTo(story);
        assertThat(copy.path("duplicate_of").asText()).isEqualTo(story);
        assertThat(unrelated.path("story_id").asText())
                .isEqualTo(unrelated.path("id").asText())
                .isNotEqualTo(story);
        assertThat(unrelated.has("duplicate_of")).isFalse();

        // the digest of the second run says the story is carried by another source too
        MimeMessage[] emails = SMTP.getReceivedMessages();
        assertThat(emails).hasSize(2);
        assertThat(plainText(emails[1]))
                .contains(COPY_TITLE)
                .contains("Daily Wire")
                .contains("also in 1 other source");
        JsonNode copyHit = RunJobIT.alertRecords(id).stream()
                .filter(a ->
                        a.path("mention_id").asText().equals(copy.path("id").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(copyHit.path("story_sources").asInt()).isEqualTo(2);

        // the weekly report counts one story of two mentions from two sources
        WeeklyReportData week;
        try (ElasticsearchEndpoint.Clients clients =
                ElasticsearchEndpoint.of(es.toString()).clients()) {
            week = new WeeklyReportQuery(clients.sync())
                    .read(ReportScope.of(watch), IsoWeek.of(LocalDate.of(2026, 11, 23)));
        }
        assertThat(week.topStories())
                .filteredOn(s -> s.storyId().equals(story))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.mentions()).isEqualTo(2);
                    assertThat(s.sources()).isEqualTo(2);
                });

        // a run that sees everything again (its state lost, as after a killed run) keeps every story as it was
        deleteState(id);
        RunSummary again =
                VigieRun.run(RunFixtures.options(watch, server, prefix, es).build());
        assertThat(again.fresh()).isEqualTo(3);
        assertThat(stories(RunJobIT.mentions(id)))
                .containsAllEntriesOf(stories(mentions))
                .hasSize(4);
    }

    /** Each mention's story and the mention it copies. */
    private static Map<String, String> stories(List<JsonNode> mentions) {
        Map<String, String> stories = new TreeMap<>();
        mentions.forEach(m -> stories.put(
                m.path("id").asText(),
                m.path("story_id").asText() + " <- " + m.path("duplicate_of").asText("-")));
        return stories;
    }

    /** The text/plain part of an email, decoded. */
    private static String plainText(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multi) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                text.append(plainText(multi.getBodyPart(i)));
            }
            return text.toString();
        }
        return part.isMimeType("text/plain") ? part.getContent().toString() : "";
    }

    private static Watch watch(String id, String prefix, URI es) throws Exception {
        String base = server.url() + prefix;
        return new WatchLoader(Map.of())
                .parse(id + ".yaml", """
                watch: %1$s
                language: en
                brand: { name: Acme }
                sources:
                  feeds: ["%2$s/courier/rss.xml", "%2$s/wire/rss.xml"]
                alerts:
                  - id: outage
                    query: 'acme AND outage'
                    to: ["cm@acme.example"]
                    every: run
                elasticsearch: { url: "%3$s" }
                mail: { smtp: "smtp://127.0.0.1:%4$d", from: "vigie@acme.example" }
                """.formatted(id, base, es, SMTP.getSmtp().getPort()));
    }

    private static String rss(String title, String path, String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>%s</title><link>%s%s</link><description>news</description>
                %s</channel></rss>
                """.formatted(title, server.url(), path, items);
    }

    private static String item(String path, String title, String text, String date) {
        String link = server.url() + path;
        return "<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s"
                        .formatted(title, link, link, date, text)
                + "</description></item>\n";
    }

    private static JsonNode byTitle(List<JsonNode> mentions, String title) {
        return mentions.stream()
                .filter(m -> m.path("title").asText().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no mention '" + title + "' in " + mentions));
    }

    /**
     * Indexes, as an earlier run would have, a copy of the article with its band keys (so the next run finds it) but a
     * signature of another length (made by a signer with other settings).
     */
    private static void indexUnreadableCopy(String watch, String prefix, JsonNode bandKeys) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = json.createObjectNode();
        doc.put("id", UNREADABLE);
        doc.put("watch", watch);
        doc.putObject("source").put("type", "feed").put("name", "Old Wire").put("url", server.url() + prefix);
        doc.put("url", server.url() + prefix + "/old-wire/acme-outage");
        doc.put("text", COPY_TEXT);
        doc.put("published_at", "2026-11-23T09:00:00Z");
        doc.put("fetched_at", "2026-11-23T09:05:00Z");
        doc.put("story_id", UNREADABLE);
        bandKeys.forEach(doc.putArray("story_bands")::add);
        doc.put(
                "story_signature",
                StorySigner.builder().hashes(64).build().sign(COPY_TEXT).toBytes());
        Request index = new Request("PUT", "/vigie-mentions/_doc/" + UNREADABLE + "?refresh=true");
        index.setJsonEntity(json.writeValueAsString(doc));
        REST.performRequest(index);
    }

    /** Forgets the state of a watch (the test node has no delete-by-query: one delete per document). */
    private static void deleteState(String watch) throws Exception {
        Request search = new Request("POST", "/vigie-state/_search");
        search.setJsonEntity("{\"size\":100,\"_source\":false,\"query\":{\"term\":{\"watch\":\"" + watch + "\"}}}");
        JsonNode hits = new ObjectMapper()
                .readTree(REST.performRequest(search).getEntity().getContent())
                .path("hits")
                .path("hits");
        assertThat(hits).isNotEmpty();
        for (JsonNode hit : hits) {
            REST.performRequest(new Request(
                    "DELETE",
                    "/vigie-state/_doc/" + URLEncoder.encode(hit.path("_id").asText(), StandardCharsets.UTF_8)
                            + "?refresh=true"));
        }
    }
}
