package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import java.net.URI;
import java.util.Map;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An item a model throws on (a 16,400-letter word is a term longer than Lucene's 32,766 bytes, which the alert
 * matcher's index refuses) does not fail the run: it is indexed with what the other stages found, counted in the
 * summary and in {@code vigie-runs}, and the next run does not fetch it again.
 */
@ExtendWith(ElasticsearchExtension.class)
class PoisonItemIT {

    private static final ObjectMapper JSON = new ObjectMapper();
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
    void anItemAModelThrowsOnIsIndexedCountedAndNotFetchedAgain() throws Exception {
        String prefix = "/poison";
        String base = server.url() + prefix;
        server.serve(
                prefix + "/rss.xml", "application/rss+xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Courier</title><link>%1$s</link><description>d</description>
                <item><title>Acme outage: customers stranded</title><link>%1$s/a</link><guid>%1$s/a</guid>
                <pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>
                <description>Acme suffered an outage this morning and customers are angry.</description></item>
                <item><title>Acme outage, the long version</title><link>%1$s/b</link><guid>%1$s/b</guid>
                <pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate>
                <description>Acme outage %2$s</description></item>
                </channel></rss>
                """.formatted(base, "ж".repeat(16_400)));
        URI es = ElasticsearchExtension.url();
        String id = RunFixtures.uniqueId("poison");
        Watch watch = new WatchLoader(Map.of()).parse(id + ".yaml", """
                watch: %s
                language: en
                brand: Acme
                sources: { feeds: ["%s/rss.xml"] }
                alerts: [{ id: crisis, query: 'acme AND outage' }]
                elasticsearch: { url: "%s" }
                mail: { outbox: "target/poison-outbox" }
                """.formatted(id, base, es));

        RunSummary first = VigieRun.run(RunFixtures.options(watch, server, prefix, es)
                .dispatchAlerts(false)
                .build());

        assertThat(first.fresh()).isEqualTo(2);
        assertThat(first.indexed()).isEqualTo(2);
        assertThat(first.enrichmentFailures()).isEqualTo(1);
        JsonNode mentions = search("vigie-mentions", id);
        assertThat(mentions.path("hits").path("total").path("value").asLong()).isEqualTo(2);
        for (JsonNode hit : mentions.path("hits").path("hits")) {
            JsonNode mention = hit.path("_source");
            boolean poison = mention.path("url").asText().endsWith("/b");
            assertThat(mention.path("lang").asText())
                    .as("language of %s", mention.path("url"))
                    .isNotBlank();
            assertThat(mention.path("brands").toString()).contains("Acme");
            assertThat(mention.path("alerts").toString()).isEqualTo(poison ? "[]" : "[\"crisis\"]");
        }
        JsonNode runs = search("vigie-runs", id);
        assertThat(runs.path("hits")
                        .path("hits")
                        .get(0)
                        .path("_source")
                        .path("enrichment_failures")
                        .asLong())
                .isEqualTo(1);
        java.io.StringWriter printed = new java.io.StringWriter();
        first.print(new java.io.PrintWriter(printed));
        assertThat(printed.toString()).contains("1 items indexed without some enrichment");

        RunSummary second = VigieRun.run(RunFixtures.options(watch, server, prefix, es)
                .dispatchAlerts(false)
                .build());

        assertThat(second.fresh()).as("the item is not fetched again").isZero();
        assertThat(second.enrichmentFailures()).isZero();
    }

    private static JsonNode search(String index, String watch) throws Exception {
        REST.performRequest(new Request("POST", "/" + index + "/_refresh"));
        Request request = new Request("POST", "/" + index + "/_search");
        request.setJsonEntity(
                JSON.writeValueAsString(Map.of("size", 10, "query", Map.of("term", Map.of("watch", watch)))));
        return JSON.readTree(REST.performRequest(request).getEntity().getContent());
    }
}
