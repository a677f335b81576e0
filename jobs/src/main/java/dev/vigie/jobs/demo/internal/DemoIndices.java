package dev.vigie.jobs.demo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the demo asks Elasticsearch directly, over its REST API: forget a previous demo's documents (so every demo
 * starts from an empty watch and shows a first run, then an incremental one) and count what the runs indexed.
 */
public final class DemoIndices {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLEAR_BATCH = 1000;
    private final URI url;
    private final String watch;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoIndices(URI url, String watch) {
        this.url = Objects.requireNonNull(url, "url");
        this.watch = Objects.requireNonNull(watch, "watch");
    }

    /**
     * Deletes every document of the watch from every {@code vigie-*} index (state included); returns how many. Search
     * then bulk delete rather than {@code _delete_by_query}: the reduced Elasticsearch distribution used locally has
     * no reindex module.
     */
    public long clear() throws IOException {
        long deleted = 0;
        while (true) {
            JsonNode hits = post(
                            "/vigie-*/_search?allow_no_indices=true&ignore_unavailable=true",
                            "{\"size\":" + CLEAR_BATCH + ",\"_source\":false,\"query\":{\"term\":{\"watch\":"
                                    + JSON.writeValueAsString(watch) + "}}}")
                    .path("hits")
                    .path("hits");
            if (hits.isEmpty()) {
                return deleted;
            }
            StringBuilder bulk = new StringBuilder();
            for (JsonNode hit : hits) {
                bulk.append(JSON.writeValueAsString(Map.of(
                                "delete",
                                Map.of(
                                        "_index",
                                        hit.path("_index").asText(),
                                        "_id",
                                        hit.path("_id").asText()))))
                        .append('\n');
            }
            JsonNode answer = post("/_bulk?refresh=true", bulk.toString(), "application/x-ndjson");
            for (JsonNode item : answer.path("items")) {
                if (item.path("delete").path("result").asText().equals("deleted")) {
                    deleted++;
                }
            }
            if (answer.path("errors").asBoolean()) {
                throw new IOException("Elasticsearch refused to delete some documents of watch " + watch);
            }
        }
    }

    /** Makes what the runs wrote visible to searches. */
    public void refresh() throws IOException {
        post("/vigie-*/_refresh?allow_no_indices=true&ignore_unavailable=true", null);
    }

    /** Documents of the watch in {@code index}, by value of the keyword {@code field}. */
    public Map<String, Long> countBy(String index, String field) throws IOException {
        JsonNode answer =
                post("/" + index + "/_search?ignore_unavailable=true&allow_no_indices=true", termWatch(0, field));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode bucket : answer.path("aggregations").path("by").path("buckets")) {
            counts.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
        }
        return counts;
    }

    /** Documents of the watch in {@code index} whose keyword {@code term} is {@code value}, by value of {@code field}. */
    public Map<String, Long> countBy(String index, String field, String term, String value) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", 0);
        body.put(
                "query",
                Map.of(
                        "bool",
                        Map.of(
                                "filter",
                                java.util.List.of(
                                        Map.of("term", Map.of("watch", watch)), Map.of("term", Map.of(term, value))))));
        body.put("aggs", Map.of("by", Map.of("terms", Map.of("field", field, "size", 50))));
        JsonNode answer = post(
                "/" + index + "/_search?ignore_unavailable=true&allow_no_indices=true", JSON.writeValueAsString(body));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode bucket : answer.path("aggregations").path("by").path("buckets")) {
            counts.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
        }
        return counts;
    }

    /** Documents of the watch in {@code index}. */
    public long count(String index) throws IOException {
        return post("/" + index + "/_search?ignore_unavailable=true&allow_no_indices=true", termWatch(0, null))
                .path("hits")
                .path("total")
                .path("value")
                .asLong();
    }

    /** Up to {@code size} documents of the watch in {@code index}, newest write first. */
    public JsonNode search(String index, int size) throws IOException {
        return post("/" + index + "/_search?ignore_unavailable=true&allow_no_indices=true", termWatch(size, null))
                .path("hits")
                .path("hits");
    }

    private String termWatch(int size, String aggField) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", size);
        body.put("track_total_hits", true);
        body.put("query", Map.of("term", Map.of("watch", watch)));
        if (aggField != null) {
            body.put("aggs", Map.of("by", Map.of("terms", Map.of("field", aggField, "size", 50))));
        }
        return JSON.writeValueAsString(body);
    }

    private JsonNode post(String path, String body) throws IOException {
        return post(path, body, "application/json");
    }

    private JsonNode post(String path, String body, String contentType) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType);
        request.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IOException("Elasticsearch answered " + response.statusCode() + " to " + path + ": "
                        + abbreviate(response.body()));
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling Elasticsearch " + path, e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
