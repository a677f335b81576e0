package dev.vigie.dashboards.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the aggregation of every shipped Kibana visualization, written as an Elasticsearch query, against the real
 * node holding a small realistic data set, and expects buckets (or a value, for single-metric charts).
 */
@ExtendWith(ElasticsearchExtension.class)
class DashboardsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WATCH = "dashboards-it";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void indexDemoData(URI url) throws Exception {
        byte[] bulk;
        try (InputStream in = DashboardsIT.class.getResourceAsStream("/demo/dashboards-it.bulk.ndjson")) {
            bulk = in.readAllBytes();
        }
        JsonNode response = send(
                url, "POST", "/_bulk?refresh=true", new String(bulk, StandardCharsets.UTF_8), "application/x-ndjson");
        assertThat(response.path("errors").asBoolean()).as(response.toString()).isFalse();
        assertThat(response.path("items").size()).isEqualTo(23);
    }

    @Test
    void everyVisualizationOfEveryDashboardReturnsBuckets(URI url) throws Exception {
        List<String> checked = new ArrayList<>();
        JsonNode watch = JSON.readTree("{\"term\":{\"watch\":\"" + WATCH + "\"}}");
        for (String file : KibanaObjects.FILES) {
            for (SavedObject object : KibanaObjects.read(file)) {
                if (!object.type().equals("visualization")) {
                    continue;
                }
                Visualization vis = Visualization.of(object);
                JsonNode result = send(
                        url,
                        "POST",
                        "/" + vis.index() + "/_search",
                        JSON.writeValueAsString(vis.searchBody(List.of(watch))),
                        "application/json");
                assertThat(result.path("error").isMissingNode())
                        .as(vis.id() + ": " + result)
                        .isTrue();
                assertThat(result.at("/hits/total/value").asLong()).as(vis.id()).isPositive();
                List<Visualization.Agg> buckets =
                        vis.aggs().stream().filter(Visualization.Agg::isBucket).toList();
                if (buckets.isEmpty()) {
                    vis.aggs().stream()
                            .filter(a -> !"count".equals(a.type()))
                            .forEach(metric -> assertThat(result.at("/aggregations/agg_" + metric.id() + "/value")
                                            .isNumber())
                                    .as(vis.id() + " " + metric.type())
                                    .isTrue());
                } else {
                    assertBucketsAllTheWayDown(vis, result.path("aggregations"), buckets);
                }
                checked.add(vis.id());
            }
        }
        assertThat(checked)
                .hasSizeGreaterThanOrEqualTo(16)
                .contains(
                        "vigie-competitors-share-of-voice",
                        "vigie-operations-failing-sources",
                        "vigie-curation-top-items",
                        "vigie-overview-sentiment-over-time");
    }

    @Test
    void shareOfVoiceCountsEveryBrandNamed(URI url) throws Exception {
        SavedObject pie = KibanaObjects.read("competitors").stream()
                .filter(o -> o.id().equals("vigie-competitors-share-of-voice"))
                .findFirst()
                .orElseThrow();
        JsonNode result = send(
                url,
                "POST",
                "/vigie-mentions/_search",
                JSON.writeValueAsString(Visualization.of(pie)
                        .searchBody(List.of(JSON.readTree("{\"term\":{\"watch\":\"" + WATCH + "\"}}")))),
                "application/json");
        Map<String, Long> counts = new java.util.TreeMap<>();
        result.at("/aggregations/agg_2/buckets")
                .forEach(b ->
                        counts.put(b.path("key").asText(), b.path("doc_count").asLong()));
        assertThat(counts).isEqualTo(Map.of("Acme", 6L, "Globex", 3L, "Initech", 1L));
    }

    @Test
    void failingSourcesOnlyListsSourcesThatFailed(URI url) throws Exception {
        SavedObject table = KibanaObjects.read("operations").stream()
                .filter(o -> o.id().equals("vigie-operations-failing-sources"))
                .findFirst()
                .orElseThrow();
        JsonNode result = send(
                url,
                "POST",
                "/vigie-runs/_search",
                JSON.writeValueAsString(Visualization.of(table)
                        .searchBody(List.of(JSON.readTree("{\"term\":{\"watch\":\"" + WATCH + "\"}}")))),
                "application/json");
        JsonNode buckets = result.at("/aggregations/agg_2/buckets");
        assertThat(buckets.size()).isEqualTo(1);
        assertThat(buckets.get(0).path("key").asText()).isEqualTo("r/sysadmin");
        assertThat(buckets.get(0).at("/agg_1/value").asDouble()).isEqualTo(2.0);
    }

    @Test
    void perWatchFilteredAliasesOfTheSecuritySetupShowOnlyThatWatch(URI url) throws Exception {
        send(
                url,
                "PUT",
                "/vigie-mentions/_doc/other-watch-1?refresh=true",
                JSON.writeValueAsString(Map.of(
                        "id",
                        "other-watch-1",
                        "watch",
                        "other-client",
                        "title",
                        "Chez un autre client",
                        "published_at",
                        "2026-11-18T10:00:00Z",
                        "brands",
                        List.of("Acme"))),
                "application/json");
        String aliases = java.nio.file.Files.readString(
                        java.nio.file.Path.of("../deploy/kubernetes/security/aliases.template.json"))
                .replace("__WATCH__", WATCH);
        JsonNode created = send(url, "POST", "/_aliases", aliases, "application/json");
        assertThat(created.path("acknowledged").asBoolean())
                .as(created.toString())
                .isTrue();

        JsonNode own = send(
                url,
                "POST",
                "/vigie-" + WATCH + "-mentions/_search",
                "{\"size\":0,\"aggs\":{\"watches\":{\"terms\":{\"field\":\"watch\"}}}}",
                "application/json");
        assertThat(own.at("/aggregations/watches/buckets").size()).isEqualTo(1);
        assertThat(own.at("/aggregations/watches/buckets/0/key").asText()).isEqualTo(WATCH);
        assertThat(own.at("/aggregations/watches/buckets/0/doc_count").asLong()).isEqualTo(8);
        JsonNode runs = send(url, "POST", "/vigie-" + WATCH + "-runs/_count", "{}", "application/json");
        assertThat(runs.path("count").asLong()).isEqualTo(7);
    }

    private static void assertBucketsAllTheWayDown(Visualization vis, JsonNode level, List<Visualization.Agg> buckets) {
        JsonNode node = level.path("agg_" + buckets.get(0).id()).path("buckets");
        assertThat(node.isArray() && node.size() > 0)
                .as(vis.id() + " agg " + buckets.get(0).id() + " buckets")
                .isTrue();
        Iterator<JsonNode> it = node.elements();
        JsonNode first = it.next();
        assertThat(first.path("doc_count").asLong()).as(vis.id()).isPositive();
        vis.aggs().stream()
                .filter(a -> !a.isBucket() && !"count".equals(a.type()))
                .forEach(metric -> assertThat(first.path("agg_" + metric.id()).has("value"))
                        .as(vis.id() + " " + metric.type())
                        .isTrue());
        if (buckets.size() > 1) {
            assertBucketsAllTheWayDown(vis, first, buckets.subList(1, buckets.size()));
        }
    }

    private static JsonNode send(URI url, String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url.resolve(path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return JSON.readTree(
                HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
