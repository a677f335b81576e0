package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.watch.Watch;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole run job against a real Elasticsearch node, GreenMail and a loopback server of real-format bodies. */
@ExtendWith(ElasticsearchExtension.class)
class RunJobIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LoopbackHttpServer server;
    private static RestClient rest =
            ElasticsearchEndpoint.of(ElasticsearchExtension.url().toString()).restClient();

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackHttpServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void indexesEnrichedMentionsEmailsAlertsOnceAndASecondRunFetchesIncrementallyAndChangesNothing() throws Exception {
        String prefix = "/e2e";
        RunFixtures.serve(server, prefix);
        URI es = ElasticsearchExtension.url();
        String id = RunFixtures.uniqueId("acme-e2e");
        Watch watch = RunFixtures.watch(id, server, prefix, es, SMTP.getSmtp().getPort());

        RunSummary first =
                VigieRun.run(RunFixtures.options(watch, server, prefix, es).build());

        SourceReport news = first.sources().stream()
                .filter(s -> s.ref().url().endsWith("/news/rss.xml"))
                .findFirst()
                .orElseThrow();
        assertThat(news.status()).isEqualTo(SourceStatus.NEW);
        assertThat(news.fetched()).isEqualTo(3);
        assertThat(news.fresh()).isEqualTo(3);
        assertThat(first.source(id, "feed", "Globex").fresh()).isEqualTo(2);
        assertThat(first.source(id, "hackernews", "acme").fresh()).isEqualTo(1);
        assertThat(first.source(id, "page", "Globex").status()).isEqualTo(SourceStatus.BASELINE);
        assertThat(first.failedSources()).isZero();
        assertThat(first.fresh()).isEqualTo(6);

        List<JsonNode> mentions = mentions(id);
        assertThat(mentions).hasSize(6);
        for (JsonNode mention : mentions) {
            assertThat(mention.path("lang").asText())
                    .as("lang of %s", mention.path("id"))
                    .isIn("en", "fr");
            assertThat(mention.path("sentiment").path("label").asText()).isIn("positive", "neutral", "negative");
            assertThat(mention.path("story_id").asText()).isNotBlank();
            assertThat(mention.path("watch").asText()).isEqualTo(id);
        }
        JsonNode outage = byTitle(mentions, RunFixtures.OUTAGE_TITLE, "feed", "Tech Courier");
        JsonNode wireCopy = byTitle(mentions, RunFixtures.OUTAGE_TITLE, "feed", "Globex");
        JsonNode panne = byTitle(mentions, "Panne géante chez Acme : les clients en colère", "feed", "Tech Courier");
        assertThat(outage.path("lang").asText()).isEqualTo("en");
        assertThat(panne.path("lang").asText()).isEqualTo("fr");
        assertThat(outage.path("sentiment").path("label").asText()).isEqualTo("negative");
        assertThat(texts(outage.path("brands"))).contains("Acme");
        assertThat(texts(byTitle(mentions, "Globex cuts its prices", "feed", "Globex")
                        .path("brands")))
                .contains("Globex");
        assertThat(texts(outage.path("alerts"))).containsExactly("crisis");
        assertThat(texts(panne.path("alerts"))).containsExactly("crisis");
        assertThat(texts(byTitle(mentions, "Acme opens a new office in Lyon", "feed", "Tech Courier")
                        .path("alerts")))
                .isEmpty();
        assertThat(wireCopy.path("story_id").asText())
                .isEqualTo(outage.path("story_id").asText());
        assertThat(panne.path("story_id").asText())
                .isNotEqualTo(outage.path("story_id").asText());

        assertThat(alertRecords(id))
                .hasSize(4)
                .allSatisfy(alert -> assertThat(alert.path("status").asText()).isEqualTo("sent"));
        MimeMessage[] emails = SMTP.getReceivedMessages();
        assertThat(emails).hasSize(1);
        assertThat(emails[0].getRecipients(Message.RecipientType.TO)[0].toString())
                .isEqualTo("cm@acme.example");
        assertThat(emails[0].getSubject()).contains("crisis");
        String body = GreenMailUtil.getBody(emails[0]);
        assertThat(body).contains("Panne g").contains("Ask HN");
        // a mention is named by the outlet that published it; the search that found it stays beside it
        JsonNode askHn = mentions.stream()
                .filter(m -> m.path("source").path("type").asText().equals("hackernews"))
                .findFirst()
                .orElseThrow();
        assertThat(askHn.path("source").path("name").asText()).isEqualTo("Hacker News");
        assertThat(askHn.path("source").path("search").asText()).isEqualTo("\"acme\" on Hacker News");
        assertThat(outage.path("source").has("search"))
                .as("a feed is read whole, not searched")
                .isFalse();
        assertThat(body).contains("Hacker News");
        assertThat(first.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.hits()).isEqualTo(4);
            assertThat(alert.emailed()).isEqualTo(4);
        });
        assertThat(runRecords(first.runId())).hasSize(4);

        RunSummary second =
                VigieRun.run(RunFixtures.options(watch, server, prefix, es).build());

        assertThat(second.fresh()).isZero();
        assertThat(second.failedSources()).isZero();
        assertThat(second.sources()).allSatisfy(s -> assertThat(s.status()).isEqualTo(SourceStatus.UNCHANGED));
        assertThat(second.stageMillis())
                .as("nothing new: no Flink job")
                .containsKey("fetch")
                .doesNotContainKeys("job start", "job");
        assertThat(server.notModified(prefix + "/news/rss.xml")).isEqualTo(1);
        assertThat(server.notModified(prefix + "/globex/atom.xml")).isEqualTo(1);
        assertThat(server.notModified(prefix + "/globex/pricing")).isEqualTo(1);
        assertThat(mentions(id)).hasSize(6).containsExactlyInAnyOrderElementsOf(mentions);
        assertThat(alertRecords(id)).hasSize(4);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(runRecords(second.runId())).hasSize(4);
    }

    @Test
    void onAFlinkClusterTheJobFetchesTheSourcesItselfAndTheNextRunContinuesFromItsState() throws Exception {
        String prefix = "/cluster";
        RunFixtures.serve(server, prefix);
        URI es = ElasticsearchExtension.url();
        String id = RunFixtures.uniqueId("acme-cluster");
        Watch watch = RunFixtures.watch(id, server, prefix, es, SMTP.getSmtp().getPort());

        // outside a cluster, Flink's context environment is a local one running the graph a cluster would run
        RunSummary onCluster = VigieRun.run(RunFixtures.options(watch, server, prefix, es)
                .execution(RunOptions.Execution.CLUSTER)
                .dispatchAlerts(false)
                .build());

        assertThat(onCluster.stageMillis()).containsKeys("job start", "job").doesNotContainKey("fetch");
        assertThat(onCluster.sources()).hasSize(4);
        assertThat(onCluster.fresh()).isEqualTo(6);
        assertThat(onCluster.source(id, "hackernews", "acme").fresh()).isEqualTo(1);
        assertThat(mentions(id))
                .hasSize(6)
                .allSatisfy(m -> assertThat(m.path("lang").asText()).isIn("en", "fr"));
        assertThat(runRecords(onCluster.runId())).hasSize(4);

        RunSummary embedded = VigieRun.run(RunFixtures.options(watch, server, prefix, es)
                .dispatchAlerts(false)
                .build());

        assertThat(embedded.fresh()).isZero();
        assertThat(embedded.sources()).allSatisfy(s -> assertThat(s.status()).isEqualTo(SourceStatus.UNCHANGED));
        assertThat(server.notModified(prefix + "/news/rss.xml")).isEqualTo(1);
        assertThat(mentions(id)).hasSize(6);
    }

    private static JsonNode byTitle(List<JsonNode> mentions, String title, String type, String sourceName) {
        return mentions.stream()
                .filter(m -> m.path("title").asText().equals(title)
                        && m.path("source").path("type").asText().equals(type)
                        && m.path("source").path("name").asText().contains(sourceName))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no mention '" + title + "' from " + sourceName + " in " + mentions));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static List<JsonNode> mentions(String watch) throws Exception {
        return search("vigie-mentions", "watch", watch);
    }

    static List<JsonNode> alertRecords(String watch) throws Exception {
        return search("vigie-alerts", "watch", watch);
    }

    static List<JsonNode> runRecords(String runId) throws Exception {
        return search("vigie-runs", "run_id", runId);
    }

    static List<JsonNode> search(String index, String field, String value) throws Exception {
        return search(index, field, value, 1000);
    }

    static List<JsonNode> search(String index, String field, String value, int size) throws Exception {
        Request refresh = new Request("POST", "/" + index + "/_refresh");
        rest.performRequest(refresh);
        Request request = new Request("POST", "/" + index + "/_search");
        request.setJsonEntity("{\"size\":" + size + ",\"query\":{\"term\":{\"" + field + "\":\"" + value + "\"}}}");
        JsonNode hits = JSON.readTree(rest.performRequest(request).getEntity().getContent())
                .path("hits")
                .path("hits");
        List<JsonNode> sources = new ArrayList<>();
        hits.forEach(hit -> sources.add(hit.path("_source")));
        return sources;
    }
}
