package dev.vigie.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.testing.LoopbackProxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchExtension.class)
class ElasticsearchSinkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RestClient rest;

    @BeforeAll
    static void connect() throws Exception {
        rest = ElasticsearchEndpoint.of(ElasticsearchExtension.url().toString()).restClient();
    }

    @AfterAll
    static void disconnect() throws Exception {
        rest.close();
    }

    @Test
    void writesEveryDocumentOnceAndARerunOverwritesInsteadOfDuplicating() throws Exception {
        String index = unique("sink-it-idempotent");
        List<EsDocument> documents = documents(index, 2_500);

        runJob(documents, sink(ElasticsearchExtension.url()).maxBatchSize(100).build());
        runJob(documents, sink(ElasticsearchExtension.url()).maxBatchSize(100).build());

        assertThat(count(index)).isEqualTo(2_500);
        JsonNode one = JSON.readTree(rest.performRequest(new Request("GET", "/" + index + "/_doc/doc-42"))
                .getEntity()
                .getContent());
        assertThat(one.path("_source").path("title").asText()).isEqualTo("Title 42");
        assertThat(one.path("_version").asInt()).isEqualTo(2);
    }

    @Test
    void keepsMaxInFlightRequestsBulkRequestsGoingFromTheFirstBatch() throws Exception {
        String index = unique("sink-it-in-flight");
        List<EsDocument> documents = documents(index, 1_000);
        try (LoopbackProxy proxy = LoopbackProxy.start(ElasticsearchExtension.url())) {
            proxy.latency(Duration.ofMillis(300));

            runJob(
                    documents,
                    sink(proxy.url()).maxBatchSize(100).maxInFlightRequests(3).build(),
                    1);

            // one writer, ten batches: three requests at once need three connections; one at a time needs one
            assertThat(proxy.connectionsAccepted()).isEqualTo(3);
        }
        assertThat(count(index)).isEqualTo(1_000);
    }

    @Test
    void sendsADocumentRefusedByTheMappingToTheErrorIndexWithItsReasonAndWritesTheOthers() throws Exception {
        String index = unique("sink-it-strict");
        String runId = unique("run-mapping-test");
        Request create = new Request("PUT", "/" + index);
        create.setJsonEntity("{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"title\":{\"type\":\"text\"},"
                + "\"n\":{\"type\":\"long\"}}}}");
        rest.performRequest(create);
        List<EsDocument> documents = new ArrayList<>(documents(index, 20));
        documents.add(new EsDocument(index, "bad-type", "{\"title\":\"x\",\"n\":\"not a number\"}"));
        documents.add(new EsDocument(index, "bad-field", "{\"title\":\"x\",\"unknown_field\":1}"));

        runJob(documents, sink(ElasticsearchExtension.url()).runId(runId).build());

        assertThat(count(index)).isEqualTo(20);
        refresh(ElasticsearchSink.DEFAULT_ERROR_INDEX);
        JsonNode errors = search(
                ElasticsearchSink.DEFAULT_ERROR_INDEX,
                "{\"query\":{\"term\":{\"run_id\":\"" + runId + "\"}},\"sort\":[{\"document_id\":\"asc\"}]}");
        assertThat(errors.path("hits").path("total").path("value").asInt()).isEqualTo(2);
        JsonNode badField = errors.path("hits").path("hits").get(0).path("_source");
        assertThat(badField.path("document_id").asText()).isEqualTo("bad-field");
        assertThat(badField.path("index").asText()).isEqualTo(index);
        assertThat(badField.path("status").asInt()).isEqualTo(400);
        assertThat(badField.path("reason").asText()).contains("unknown_field");
        JsonNode badType = errors.path("hits").path("hits").get(1).path("_source");
        assertThat(badType.path("document_id").asText()).isEqualTo("bad-type");
        assertThat(badType.path("error_type").asText()).contains("parsing");
    }

    @Test
    void waitsForElasticsearchWhileItIsUnreachableAndLosesNothing() throws Exception {
        String index = unique("sink-it-outage");
        List<EsDocument> documents = documents(index, 3_000);
        try (LoopbackProxy proxy = LoopbackProxy.start(ElasticsearchExtension.url())) {
            proxy.refuse();
            CompletableFuture<Void> job = CompletableFuture.runAsync(() -> {
                try {
                    runJob(documents, sink(proxy.url()).maxBatchSize(200).build());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // three attempts refused: the sink kept trying after failing, and cannot have finished
            assertThat(proxy.awaitRefused(3, Duration.ofMinutes(2)))
                    .as("the sink tried again")
                    .isTrue();
            assertThat(job).isNotDone();
            proxy.restore();
            job.get(120, TimeUnit.SECONDS);
        }
        assertThat(count(index)).isEqualTo(3_000);
    }

    @Test
    void failsTheJobWhenElasticsearchStaysUnreachableLongerThanAllowed() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.start(ElasticsearchExtension.url())) {
            proxy.cut();
            ElasticsearchSink<EsDocument> sink =
                    sink(proxy.url()).maxRetryDuration(Duration.ofSeconds(2)).build();
            assertThatThrownBy(() -> runJob(documents(unique("sink-it-down"), 10), sink))
                    .hasStackTraceContaining("unavailable for");
        }
    }

    /** An index name of its own: the node is shared and may outlive the test JVM. */
    private static String unique(String base) {
        return base + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private static ElasticsearchSink.Builder<EsDocument> sink(URI url) {
        return ElasticsearchSink.<EsDocument>builder()
                .url(url.toString())
                .converter(DocumentConverter.identity())
                .initialBackoff(Duration.ofMillis(50));
    }

    private static void runJob(List<EsDocument> documents, ElasticsearchSink<EsDocument> sink) throws Exception {
        runJob(documents, sink, 2);
    }

    private static void runJob(List<EsDocument> documents, ElasticsearchSink<EsDocument> sink, int writers)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(writers);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromData(documents).rebalance().sinkTo(sink);
        env.execute("sink test");
    }

    private static List<EsDocument> documents(String index, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new EsDocument(index, "doc-" + i, "{\"title\":\"Title " + i + "\",\"n\":" + i + "}"))
                .toList();
    }

    private static long count(String index) throws Exception {
        refresh(index);
        return JSON.readTree(rest.performRequest(new Request("GET", "/" + index + "/_count"))
                        .getEntity()
                        .getContent())
                .path("count")
                .asLong();
    }

    private static void refresh(String index) throws Exception {
        rest.performRequest(new Request("POST", "/" + index + "/_refresh"));
    }

    private static JsonNode search(String index, String body) throws Exception {
        Request request = new Request("POST", "/" + index + "/_search");
        request.setJsonEntity(body);
        return JSON.readTree(rest.performRequest(request).getEntity().getContent());
    }
}
