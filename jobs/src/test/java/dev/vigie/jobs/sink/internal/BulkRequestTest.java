package dev.vigie.jobs.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.jobs.sink.EsDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes the sink sends and how it reads Elasticsearch's answers. */
class BulkRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static BulkAnswer answer(String json) throws IOException {
        return BulkAnswer.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesOneActionLineAndOneSourceLinePerDocumentWithIdsEscaped() throws Exception {
        List<BulkEntry> entries = List.of(
                new BulkEntry(new EsDocument("vigie-mentions", "acme:\"quoted\"\\id", "{\"title\":\"Été\"}"), 0),
                new BulkEntry(new EsDocument("vigie-page-changes", "p1", "{\n  \"diff\": \"a\\nb\"\r\n}"), 0));

        String body = new String(ElasticsearchSinkWriter.body(entries), StandardCharsets.UTF_8);

        String[] lines = body.split("\n", -1);
        assertThat(lines).hasSize(5);
        assertThat(lines[4]).isEmpty();
        JsonNode first = JSON.readTree(lines[0]).path("index");
        assertThat(first.path("_index").asText()).isEqualTo("vigie-mentions");
        assertThat(first.path("_id").asText()).isEqualTo("acme:\"quoted\"\\id");
        assertThat(JSON.readTree(lines[1]).path("title").asText()).isEqualTo("Été");
        assertThat(JSON.readTree(lines[2]).path("index").path("_id").asText()).isEqualTo("p1");
        assertThat(JSON.readTree(lines[3]).path("diff").asText())
                .as("escaped line break kept")
                .isEqualTo("a\nb");
    }

    @Test
    void sizesAnEntryAsTheBytesItAddsToTheBody() {
        for (String text : List.of("plain", "Été à Noël", "東京の天気", "emoji \uD83D\uDE00 and \u00e9")) {
            BulkEntry entry = new BulkEntry(
                    new EsDocument("vigie-mentions", "acme:" + text.length(), "{\"t\":\"" + text + "\"}"), 0);

            int body = ElasticsearchSinkWriter.body(List.of(entry)).length;

            assertThat(entry.sizeInBytes() - body).as(text).isBetween(0L, 6L);
            assertThat(entry.document().source()).isEqualTo("{\"t\":\"" + text + "\"}");
        }
    }

    @Test
    void anAnswerWithoutErrorsIsReadNoFurtherThanItsFlag() throws Exception {
        BulkAnswer ok = answer("{\"errors\":false,\"took\":3,\"items\":[{\"index\":{\"status\":201}}, truncated");

        assertThat(ok.errors()).isFalse();
        assertThat(ok.items()).isEmpty();
    }

    @Test
    void anAnswerWithErrorsGivesEachItemsStatusAndErrorInOrder() throws Exception {
        BulkAnswer mixed = answer("""
                {"took":7,"errors":true,"items":[
                  {"index":{"_index":"m","_id":"1","_version":1,"result":"created","_shards":{"total":1},"status":201}},
                  {"index":{"_index":"m","_id":"2","status":429,"error":{"type":"es_rejected_execution_exception",
                    "reason":"rejected execution","caused_by":{"type":"x","reason":"y"}}}},
                  {"create":{"_index":"m","_id":"3","status":400,"error":{"type":"document_parsing_exception",
                    "reason":"failed to parse field [n]"}}}
                ]}""");

        assertThat(mixed.errors()).isTrue();
        assertThat(mixed.items())
                .containsExactly(
                        new BulkAnswer.Item(201, null, null),
                        new BulkAnswer.Item(429, "es_rejected_execution_exception", "rejected execution"),
                        new BulkAnswer.Item(400, "document_parsing_exception", "failed to parse field [n]"));
    }

    @Test
    void refusesWhatIsNotABulkAnswer() {
        assertThatThrownBy(() -> answer("[1,2]"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("object");
        assertThatThrownBy(() -> answer("{\"took\":1}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("errors flag");
        assertThatThrownBy(() -> answer("{\"errors\":tru")).isInstanceOf(IOException.class);
    }
}
