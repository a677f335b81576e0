package dev.vigie.jobs.run;

import static dev.vigie.dashboards.fields.Fields.leaf;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.fields.ErrorFields;
import dev.vigie.dashboards.fields.RunFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/** Writes one {@code vigie-runs} document per run and source. */
final class RunRecords {

    static final String INDEX = "vigie-runs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunRecords() {}

    static void write(RestClient client, String runId, List<SourceReport> reports, Map<String, Long> enrichmentFailures)
            throws IOException {
        if (reports.isEmpty()) {
            return;
        }
        StringBuilder bulk = new StringBuilder();
        for (SourceReport report : reports) {
            String id = runId + ":"
                    + shortHash(report.ref().watch() + "\n" + report.ref().key());
            bulk.append(JSON.writeValueAsString(Map.of("index", Map.of("_index", INDEX, "_id", id))))
                    .append('\n');
            Map<String, Object> document = document(id, runId, report);
            document.put(
                    RunFields.ENRICHMENT_FAILURES,
                    enrichmentFailures.getOrDefault(
                            EnrichmentFailures.key(
                                    report.ref().watch(), report.ref().key()),
                            0L));
            bulk.append(JSON.writeValueAsString(document)).append('\n');
        }
        Request request = new Request("POST", "/_bulk");
        // refresh now: wait_for would wait for the next scheduled refresh (up to a second, each run)
        request.addParameter("refresh", "true");
        request.setEntity(new NByteArrayEntity(
                bulk.toString().getBytes(StandardCharsets.UTF_8),
                ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
        var response = JSON.readTree(client.performRequest(request).getEntity().getContent());
        if (response.path("errors").asBoolean()) {
            throw new IOException("Elasticsearch refused run records: "
                    + response.path("items").toString());
        }
    }

    static Map<String, Object> document(String id, String runId, SourceReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(RunFields.ID, id);
        document.put(RunFields.RUN_ID, runId);
        document.put(RunFields.WATCH, report.ref().watch());
        document.put(RunFields.JOB, "run");
        document.put(
                RunFields.SOURCE,
                Map.of(
                        leaf(RunFields.SOURCE_TYPE),
                        report.ref().type(),
                        leaf(RunFields.SOURCE_NAME),
                        report.ref().name(),
                        leaf(RunFields.SOURCE_URL),
                        report.ref().url()));
        document.put(RunFields.STATUS, report.status().id());
        document.put(RunFields.FETCHED, report.fetched());
        document.put(RunFields.NEW, report.fresh());
        document.put(RunFields.UNCHANGED, report.unchanged());
        document.put(RunFields.FAILED, report.status() == SourceStatus.FAILED ? 1 : 0);
        document.put(RunFields.INDEXED, report.fresh());
        if (report.status() == SourceStatus.FAILED) {
            document.put(RunFields.ERRORS, report.reason());
        }
        document.put(RunFields.STARTED_AT, report.startedAt().toString());
        document.put(
                RunFields.ENDED_AT,
                report.startedAt().plusMillis(report.durationMs()).toString());
        document.put(RunFields.DURATION_MS, report.durationMs());
        return document;
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The documents run {@code runId} had refused for good, counted by the index they were meant for and the error
     * type ("vigie-mentions: strict_dynamic_mapping_exception"), after a refresh; empty when there are none.
     */
    static Map<String, Long> refusedByReason(RestClient client, String errorIndex, String runId) throws IOException {
        Request refresh = new Request("POST", "/" + errorIndex + "/_refresh");
        refresh.addParameter("ignore_unavailable", "true");
        client.performRequest(refresh);
        Request request = new Request("POST", "/" + errorIndex + "/_search");
        request.addParameter("ignore_unavailable", "true");
        request.setJsonEntity(JSON.writeValueAsString(Map.of(
                "size",
                0,
                "query",
                Map.of("term", Map.of(ErrorFields.RUN_ID, runId)),
                "aggs",
                Map.of(
                        "index",
                        Map.of(
                                "terms",
                                Map.of("field", ErrorFields.INDEX, "size", 20),
                                "aggs",
                                Map.of(
                                        "type",
                                        Map.of("terms", Map.of("field", ErrorFields.ERROR_TYPE, "size", 10))))))));
        var answer = JSON.readTree(client.performRequest(request).getEntity().getContent());
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (var index : answer.path("aggregations").path("index").path("buckets")) {
            for (var type : index.path("type").path("buckets")) {
                reasons.put(
                        index.path("key").asText() + ": " + type.path("key").asText(),
                        type.path("doc_count").asLong());
            }
        }
        return reasons;
    }

    /** Documents of {@code index} whose {@code field} equals {@code value}, after a refresh. */
    static long count(RestClient client, String index, String field, String value) throws IOException {
        Request refresh = new Request("POST", "/" + index + "/_refresh");
        refresh.addParameter("ignore_unavailable", "true");
        client.performRequest(refresh);
        Request request = new Request("POST", "/" + index + "/_count");
        request.addParameter("ignore_unavailable", "true");
        request.setJsonEntity(JSON.writeValueAsString(Map.of("query", Map.of("term", Map.of(field, value)))));
        return JSON.readTree(client.performRequest(request).getEntity().getContent())
                .path("count")
                .asLong();
    }
}
