package dev.vigie.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigie.dashboards.IndexTemplates.Installed;
import dev.vigie.dashboards.IndexTemplates.Outcome;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data contract against a real Elasticsearch node: the templates install, analyse French and English as a user
 * expects, aggregate, and are idempotent.
 */
@ExtendWith(ElasticsearchExtension.class)
class DataContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WATCH = "contract-it";

    @Test
    void installsEveryTemplateAndSecondInstallChangesNothing(ElasticsearchClient es) throws IOException {
        for (String name : IndexTemplates.NAMES) {
            assertThat(es.indices().existsIndexTemplate(b -> b.name(name)).value())
                    .as(name)
                    .isTrue();
        }
        List<Installed> again = IndexTemplates.installAll(es);
        assertThat(again).extracting(Installed::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(again).extracting(Installed::name).containsExactlyElementsOf(IndexTemplates.NAMES);
    }

    @Test
    void findsFrenchMentionByAnotherInflectionAndWithoutElisionOrAccent(ElasticsearchClient es) throws IOException {
        index(
                es,
                "vigie-mentions",
                "fr-1",
                mention(
                        "fr-1",
                        "fr",
                        "Les chevaux de l'oreal au salon",
                        "Un cheval blanc et des chevaux noirs devant le stand de l'oreal.",
                        "2026-11-16T09:30:00Z"));

        assertThat(search(es, "vigie-mentions", "cheval", "title.fr")).containsExactly("fr-1");
        assertThat(search(es, "vigie-mentions", "Oréal", "text.fr")).containsExactly("fr-1");
        assertThat(search(es, "vigie-mentions", "L’Oréal", "title.fr")).containsExactly("fr-1");
        assertThat(search(es, "vigie-mentions", "vache", "title.fr", "text.fr")).isEmpty();
    }

    @Test
    void findsEnglishMentionByAnotherInflection(ElasticsearchClient es) throws IOException {
        index(
                es,
                "vigie-mentions",
                "en-1",
                mention(
                        "en-1",
                        "en",
                        "Acme is running a new campaign",
                        "Acme's runners ran the numbers.",
                        "2026-11-17T15:00:00Z"));
        assertThat(search(es, "vigie-mentions", "run", "title.en")).containsExactly("en-1");
        assertThat(search(es, "vigie-mentions", "campaigns", "title.en")).containsExactly("en-1");
    }

    @Test
    void aggregatesMentionsByTermsAndDateHistogram(ElasticsearchClient es) throws IOException {
        index(
                es,
                "vigie-mentions",
                "agg-1",
                mention("agg-1", "fr", "Panne chez Acme", "Le service est en panne.", "2026-11-18T08:00:00Z"));
        index(
                es,
                "vigie-mentions",
                "agg-2",
                mention("agg-2", "en", "Acme outage", "The service is down.", "2026-11-19T08:00:00Z"));
        index(
                es,
                "vigie-mentions",
                "agg-3",
                mention("agg-3", "en", "Acme back", "The service is back.", "2026-11-19T18:00:00Z"));

        SearchResponse<Void> response = es.search(
                s -> s.index("vigie-mentions")
                        .size(0)
                        .query(q -> q.ids(i -> i.values("agg-1", "agg-2", "agg-3")))
                        .aggregations("languages", a -> a.terms(t -> t.field("lang")))
                        .aggregations(
                                "per_day",
                                a -> a.dateHistogram(d -> d.field("published_at")
                                        .calendarInterval(CalendarInterval.Day)
                                        .minDocCount(1))),
                Void.class);

        List<StringTermsBucket> languages =
                response.aggregations().get("languages").sterms().buckets().array();
        assertThat(languages)
                .extracting(b -> b.key().stringValue() + "=" + b.docCount())
                .containsExactly("en=2", "fr=1");
        List<DateHistogramBucket> days =
                response.aggregations().get("per_day").dateHistogram().buckets().array();
        assertThat(days)
                .extracting(b -> b.keyAsString().substring(0, 10) + "=" + b.docCount())
                .containsExactly("2026-11-18=1", "2026-11-19=2");
    }

    @Test
    void strictMappingRefusesAnUnknownField(ElasticsearchClient es) {
        ObjectNode doc = mention("bad-1", "fr", "titre", "texte", "2026-11-18T08:00:00Z");
        doc.put("sentimant", "typo");
        assertThatThrownBy(() -> index(es, "vigie-mentions", "bad-1", doc))
                .isInstanceOf(ElasticsearchException.class)
                .hasMessageContaining("strict_dynamic_mapping_exception")
                .hasMessageContaining("sentimant");
    }

    @Test
    void everyAggregatedFieldIsKeywordAndDatesAreDates(ElasticsearchClient es) throws IOException {
        index(es, "vigie-runs", "run-1", (ObjectNode) JSON.readTree("""
            {"id":"run-1","run_id":"r1","watch":"%s","source":{"type":"feed","name":"news","url":"https://n.example/rss"},
             "status":"ok","fetched":3,"new":2,"unchanged":1,"failed":0,"started_at":"2026-11-18T08:00:00Z",
             "ended_at":"2026-11-18T08:00:05Z","duration_ms":5000}""".formatted(WATCH)));
        Map<String, Property> mentions = es.indices()
                .getMapping(m -> m.index("vigie-mentions"))
                .result()
                .get("vigie-mentions")
                .mappings()
                .properties();
        assertThat(mentions.get("watch").isKeyword()).isTrue();
        assertThat(mentions.get("brands").isKeyword()).isTrue();
        assertThat(mentions.get("published_at").isDate()).isTrue();
        assertThat(mentions.get("title").text().fields()).containsKeys("fr", "en", "keyword");
        assertThat(mentions.get("sentiment").object().properties().get("label").isKeyword())
                .isTrue();
    }

    @Test
    void reinstallAfterAFieldIsAddedUpdatesTheExistingIndex(ElasticsearchClient es) throws IOException {
        index(es, "vigie-alerts-additive", "a-1", (ObjectNode) JSON.readTree("""
            {"id":"a-1","watch":"%s","rule":"crisis","status":"pending","mention_id":"m-1"}""".formatted(WATCH)));
        es.indices().deleteIndexTemplate(d -> d.name("vigie-alerts"));

        List<Installed> installed = IndexTemplates.installAll(es);

        Installed alerts = installed.get(IndexTemplates.NAMES.indexOf("vigie-alerts"));
        assertThat(alerts.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(alerts.indicesUpdated()).contains("vigie-alerts-additive");
        assertThat(installed)
                .filteredOn(i -> !i.name().equals("vigie-alerts"))
                .extracting(Installed::outcome)
                .containsOnly(Outcome.UNCHANGED);
    }

    static ObjectNode mention(String id, String lang, String title, String text, String publishedAt) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", id)
                .put("watch", WATCH)
                .put("url", "https://news.example/" + id)
                .put("title", title)
                .put("text", text)
                .put("lang", lang)
                .put("published_at", publishedAt)
                .put("fetched_at", "2026-11-20T00:00:00Z")
                .put("reach", 1200)
                .put("curation_score", 0.5);
        doc.putObject("source").put("type", "feed").put("name", "news.example").put("url", "https://news.example/rss");
        doc.putObject("author").put("name", "Camille").put("handle", "@camille").put("followers", 1200);
        doc.putObject("engagement")
                .put("likes", 3)
                .put("shares", 1)
                .put("comments", 2)
                .put("score", 6.0);
        doc.putObject("sentiment").put("label", "neutral").put("score", 0.1);
        doc.putArray("themes").add("product");
        doc.putArray("brands").add("Acme");
        doc.putArray("alerts");
        doc.put("story_id", "s-" + id);
        return doc;
    }

    static void index(ElasticsearchClient es, String index, String id, JsonNode doc) throws IOException {
        String body = JSON.writeValueAsString(doc);
        es.index(i -> i.index(index)
                .id(id)
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .withJson(new StringReader(body)));
    }

    static List<String> search(ElasticsearchClient es, String index, String text, String... fields) throws IOException {
        SearchResponse<Void> response = es.search(
                s -> s.index(index)
                        .source(src -> src.fetch(false))
                        .query(q -> q.bool(b -> b.filter(
                                        f -> f.term(t -> t.field("watch").value(WATCH)))
                                .must(m -> m.multiMatch(mm -> mm.query(text).fields(List.of(fields)))))),
                Void.class);
        return response.hits().hits().stream().map(h -> h.id()).toList();
    }
}
