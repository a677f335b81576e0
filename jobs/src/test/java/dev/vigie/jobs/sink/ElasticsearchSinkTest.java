package dev.vigie.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.jobs.sink.internal.BulkEntry;
import dev.vigie.jobs.sink.internal.BulkEntrySerializer;
import dev.vigie.jobs.sink.internal.BulkOutcome;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkTest {

    private static ElasticsearchSink.Builder<EsDocument> valid() {
        return ElasticsearchSink.<EsDocument>builder()
                .url("http://localhost:9200")
                .converter(DocumentConverter.identity());
    }

    private static void refuses(UnaryOperator<ElasticsearchSink.Builder<EsDocument>> change, String message) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void buildsWithDefaults() {
        assertThat(valid().build()).isNotNull();
    }

    @Test
    void refusesInconsistentSettings() {
        refuses(b -> b.endpoint(null), "endpoint");
        refuses(b -> b.converter(null), "converter");
        refuses(b -> b.maxBatchSize(0), "maxBatchSize must be > 0");
        refuses(b -> b.maxBatchSizeInBytes(0), "maxBatchSizeInBytes must be > 0");
        refuses(b -> b.maxInFlightRequests(0), "maxInFlightRequests must be > 0");
        refuses(
                b -> b.maxBatchSize(1_000_000).maxBufferedRequests(1_000_000).maxInFlightRequests(10_000),
                "documents in flight");
        refuses(b -> b.maxTimeInBufferMs(-1), "maxTimeInBufferMs must be > 0");
        refuses(b -> b.maxRecordSizeInBytes(0), "maxRecordSizeInBytes must be > 0");
        refuses(b -> b.requestTimeoutMs(0), "requestTimeoutMs must be > 0");
        refuses(b -> b.maxBatchSize(500).maxBufferedRequests(100), "maxBufferedRequests (100) must be >= maxBatchSize");
        refuses(b -> b.maxRecordSizeInBytes(10_000).maxBatchSizeInBytes(1_000), "must be <= maxBatchSizeInBytes");
        refuses(b -> b.maxRetryDuration(Duration.ZERO), "maxRetryDuration must be positive");
        refuses(b -> b.initialBackoff(Duration.ofMillis(-1)), "initialBackoff must be >= 0");
        refuses(b -> b.errorIndex(" "), "errorIndex must not be blank");
        refuses(b -> b.runId(null), "runId must not be null");
    }

    @Test
    void refusesEndpointsThatAreNotHttpUrls() {
        assertThatThrownBy(() -> ElasticsearchEndpoint.of("localhost:9200"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("localhost:9200");
        assertThatThrownBy(() -> ElasticsearchEndpoint.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ElasticsearchEndpoint.of("http://es:9200/").url()).isEqualTo("http://es:9200");
    }

    @Test
    void refusesDocumentsWithoutIndexIdOrJsonObject() {
        assertThatThrownBy(() -> new EsDocument("", "1", "{}")).hasMessageContaining("index");
        assertThatThrownBy(() -> new EsDocument("i", " ", "{}")).hasMessageContaining("id");
        assertThatThrownBy(() -> new EsDocument("i", "1", "[1]")).hasMessageContaining("JSON object");
    }

    @Test
    void sortsBulkItemOutcomes() {
        assertThat(BulkOutcome.of(201, null)).isEqualTo(BulkOutcome.WRITTEN);
        assertThat(BulkOutcome.of(200, null)).isEqualTo(BulkOutcome.WRITTEN);
        assertThat(BulkOutcome.of(409, "version_conflict_engine_exception")).isEqualTo(BulkOutcome.CONFLICT);
        assertThat(BulkOutcome.of(429, "es_rejected_execution_exception")).isEqualTo(BulkOutcome.RETRY);
        assertThat(BulkOutcome.of(503, "unavailable_shards_exception")).isEqualTo(BulkOutcome.RETRY);
        // index.blocks.write (an operator) and read_only_allow_delete (the disk flood stage) are lifted later
        assertThat(BulkOutcome.of(403, "cluster_block_exception")).isEqualTo(BulkOutcome.RETRY);
        assertThat(BulkOutcome.of(429, "cluster_block_exception")).isEqualTo(BulkOutcome.RETRY);
        assertThat(BulkOutcome.of(400, "index_closed_exception")).isEqualTo(BulkOutcome.RETRY);
        assertThat(BulkOutcome.of(400, "document_parsing_exception")).isEqualTo(BulkOutcome.FATAL);
        assertThat(BulkOutcome.of(400, "strict_dynamic_mapping_exception")).isEqualTo(BulkOutcome.FATAL);
        assertThat(BulkOutcome.of(404, "index_not_found_exception")).isEqualTo(BulkOutcome.FATAL);
    }

    @Test
    void buffersSurviveACheckpointRoundTripIncludingLargeSources() throws Exception {
        String large = "{\"text\":\"" + "é".repeat(70_000) + "\"}";
        BulkEntry entry = new BulkEntry(new EsDocument("vigie-mentions", "acme:1", large), 3);
        BulkEntrySerializer serializer = new BulkEntrySerializer();
        BufferedRequestState<BulkEntry> state = new BufferedRequestState<>(
                List.of(new RequestEntryWrapper<>(entry, entry.document().sizeInBytes())));

        BufferedRequestState<BulkEntry> back =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(back.getBufferedRequestEntries())
                .singleElement()
                .satisfies(wrapper -> assertThat(wrapper.getRequestEntry()).isEqualTo(entry));
    }
}
