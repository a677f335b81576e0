package dev.vigie.jobs.state;

import static dev.vigie.dashboards.fields.Fields.leaf;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.fields.StateFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the incremental state of watches in the {@code vigie-state} index. One document per watch and
 * source key; its id is derived from both, so writing again replaces it.
 */
public final class StateStore {

    /** The index holding the state. */
    public static final String INDEX = "vigie-state";
    /** Sources per watch read in one request. */
    static final int MAX_SOURCES_PER_WATCH = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient client;

    /** A store over {@code client}, which the caller keeps and closes. */
    public StateStore(RestClient client) {
        if (client == null) {
            throw new IllegalArgumentException("client must not be null");
        }
        this.client = client;
    }

    /** The state of every source of {@code watch}, by source key; empty when the watch never ran. */
    public Map<String, SourceState> load(String watch) throws IOException {
        Request request = new Request("POST", "/" + INDEX + "/_search");
        request.addParameter("ignore_unavailable", "true");
        request.setJsonEntity(JSON.writeValueAsString(
                Map.of("size", MAX_SOURCES_PER_WATCH, "query", Map.of("term", Map.of(StateFields.WATCH, watch)))));
        Map<String, Object> body = read(client.performRequest(request));
        Map<String, SourceState> states = new LinkedHashMap<>();
        for (Map<String, Object> hit : hits(body)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) hit.get("_source");
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) source.get(StateFields.DATA);
            states.put((String) source.get(StateFields.KEY), SourceState.fromData(data));
        }
        LOG.info("Loaded the state of {} sources of watch {}", states.size(), watch);
        return states;
    }

    /**
     * Writes the state of sources of {@code watch} in one bulk request, visible to the next search when it returns.
     *
     * @param entries one entry per source: its key, type, name, url and state
     */
    public void save(String watch, String runId, List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder bulk = new StringBuilder();
        String now = Instant.now().toString();
        for (Entry entry : entries) {
            bulk.append(JSON.writeValueAsString(
                            Map.of("index", Map.of("_index", INDEX, "_id", documentId(watch, entry.key())))))
                    .append('\n');
            Map<String, Object> document = new LinkedHashMap<>();
            document.put(StateFields.WATCH, watch);
            document.put(StateFields.KEY, entry.key());
            document.put(
                    StateFields.SOURCE,
                    Map.of(
                            leaf(StateFields.SOURCE_TYPE),
                            entry.type(),
                            leaf(StateFields.SOURCE_NAME),
                            entry.name(),
                            leaf(StateFields.SOURCE_URL),
                            entry.url()));
            document.put(StateFields.RUN_ID, runId);
            document.put(StateFields.UPDATED_AT, now);
            document.put(StateFields.DATA, entry.state().toData());
            bulk.append(JSON.writeValueAsString(document)).append('\n');
        }
        Request request = new Request("POST", "/_bulk");
        // refresh now rather than wait_for, which waits for the next scheduled refresh (up to a second, each run)
        request.addParameter("refresh", "true");
        request.setEntity(new NByteArrayEntity(
                bulk.toString().getBytes(StandardCharsets.UTF_8),
                ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
        Map<String, Object> body = read(client.performRequest(request));
        if (Boolean.TRUE.equals(body.get("errors"))) {
            throw new IOException(
                    "Elasticsearch refused part of the state of watch " + watch + ": " + firstError(body));
        }
        LOG.info("Saved the state of {} sources of watch {}", entries.size(), watch);
    }

    /** The state of one source to save. */
    public record Entry(String key, String type, String name, String url, SourceState state) {}

    static String documentId(String watch, String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((watch + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return watch + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> read(Response response) throws IOException {
        try (InputStream in = response.getEntity().getContent()) {
            return JSON.readValue(in, new TypeReference<>() {});
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hits(Map<String, Object> body) {
        Map<String, Object> hits = (Map<String, Object>) body.get("hits");
        return hits == null ? List.of() : (List<Map<String, Object>>) hits.get("hits");
    }

    @SuppressWarnings("unchecked")
    private static String firstError(Map<String, Object> body) {
        for (Map<String, Object> item : (List<Map<String, Object>>) body.get("items")) {
            Map<String, Object> result =
                    (Map<String, Object>) item.values().iterator().next();
            if (result.get("error") != null) {
                return String.valueOf(result.get("error"));
            }
        }
        return "unknown error";
    }
}
