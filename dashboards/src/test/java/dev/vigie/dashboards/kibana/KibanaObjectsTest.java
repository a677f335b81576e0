package dev.vigie.dashboards.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.IndexTemplates;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KibanaObjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachFileHoldsOneDashboardWhosePanelsResolveInTheSameFile() throws Exception {
        for (String file : KibanaObjects.FILES) {
            List<SavedObject> objects = KibanaObjects.read(file);
            List<SavedObject> dashboards =
                    objects.stream().filter(o -> o.type().equals("dashboard")).toList();
            assertThat(dashboards).as(file).hasSize(1);
            SavedObject dashboard = dashboards.get(0);
            assertThat(dashboard.id()).isEqualTo("vigie-" + file);
            Set<String> ids = objects.stream().map(o -> o.type() + ":" + o.id()).collect(Collectors.toSet());
            JsonNode panels =
                    JSON.readTree(dashboard.attributes().path("panelsJSON").asText());
            assertThat(panels.size()).as(file).isGreaterThanOrEqualTo(4);
            for (JsonNode panel : panels) {
                SavedObject.Reference ref = dashboard
                        .reference(panel.path("panelRefName").asText())
                        .orElseThrow(() -> new AssertionError(file + ": panel without reference " + panel));
                assertThat(ids).as(file).contains(ref.type() + ":" + ref.id());
            }
            assertThat(objects)
                    .as(file)
                    .extracting(SavedObject::id)
                    .doesNotHaveDuplicates()
                    .allMatch(id -> id.matches("vigie-[a-z0-9-]+"));
        }
    }

    @Test
    void dataViewsMatchTemplatesAndUseADateAsTimeField() {
        for (String file : KibanaObjects.FILES) {
            for (SavedObject view : KibanaObjects.read(file)) {
                if (!view.type().equals("index-pattern")) {
                    continue;
                }
                assertThat(IndexTemplates.NAMES).as(file).contains(view.id());
                assertThat(view.attributes().path("title").asText()).isEqualTo(view.id() + "*");
                String timeField = view.attributes().path("timeFieldName").asText();
                assertThat(IndexTemplates.fieldTypes(view.id())).as(view.id()).containsEntry(timeField, "date");
            }
        }
    }

    @Test
    void everyVisualizationAggregatesFieldsOfItsIndexWithASupportedType() {
        int checked = 0;
        for (String file : KibanaObjects.FILES) {
            List<SavedObject> objects = KibanaObjects.read(file);
            Set<String> views = objects.stream()
                    .filter(o -> o.type().equals("index-pattern"))
                    .map(SavedObject::id)
                    .collect(Collectors.toSet());
            for (SavedObject object : objects) {
                if (!object.type().equals("visualization")) {
                    continue;
                }
                Visualization vis = Visualization.of(object);
                assertThat(views)
                        .as(vis.id() + " reads a data view of its file")
                        .contains(vis.index());
                assertThat(vis.problems(IndexTemplates.fieldTypes(vis.index())))
                        .as(vis.id())
                        .isEmpty();
                assertThat(vis.aggs()).as(vis.id()).anyMatch(a -> !a.isBucket());
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(16);
    }

    @Test
    void reportsFieldsThatAreMissingOrOfTheWrongType() {
        SavedObject bad = KibanaObjects.parse("""
            {"type":"visualization","id":"vigie-bad","attributes":{"title":"Bad","visState":"{\\"type\\":\\"pie\\",\
            \\"aggs\\":[{\\"id\\":\\"1\\",\\"type\\":\\"sum\\",\\"schema\\":\\"metric\\",\\"params\\":{\\"field\\":\\"lang\\"}},\
            {\\"id\\":\\"2\\",\\"type\\":\\"terms\\",\\"schema\\":\\"segment\\",\\"params\\":{\\"field\\":\\"text\\"}},\
            {\\"id\\":\\"3\\",\\"type\\":\\"date_histogram\\",\\"schema\\":\\"segment\\",\\"params\\":{\\"field\\":\\"nope\\"}}]}",\
            "kibanaSavedObjectMeta":{"searchSourceJSON":"{\\"indexRefName\\":\\"i\\"}"}},\
            "references":[{"name":"i","type":"index-pattern","id":"vigie-mentions"}]}
            """, "inline").get(0);
        Visualization vis = Visualization.of(bad);
        assertThat(vis.index()).isEqualTo("vigie-mentions");
        assertThat(vis.problems(Map.of("lang", "keyword", "text", "text")))
                .containsExactly(
                        "vigie-bad: sum on lang of type keyword",
                        "vigie-bad: terms on text of type text",
                        "vigie-bad: field nope is not in vigie-mentions");
    }

    @Test
    void searchBodyNestsBucketsInOrderAndOrdersTermsByTheirMetric() {
        SavedObject table = KibanaObjects.read("operations").stream()
                .filter(o -> o.id().equals("vigie-operations-failing-sources"))
                .findFirst()
                .orElseThrow();
        JsonNode body = Visualization.of(table).searchBody(List.of());
        assertThat(body.at("/query/bool/filter/0/range/failed/gt").asInt()).isZero();
        assertThat(body.at("/aggs/agg_2/terms/field").asText()).isEqualTo("source.name");
        assertThat(body.at("/aggs/agg_2/terms/order/agg_1").asText()).isEqualTo("desc");
        assertThat(body.at("/aggs/agg_2/aggs/agg_1/sum/field").asText()).isEqualTo("failed");
        assertThat(body.at("/aggs/agg_2/aggs/agg_3/terms/field").asText()).isEqualTo("source.type");
        assertThat(body.at("/aggs/agg_2/aggs/agg_3/aggs/agg_4/max/field").asText())
                .isEqualTo("started_at");
    }

    @Test
    void refusesUnknownFileAndBrokenLinesNamingThem() {
        assertThatThrownBy(() -> KibanaObjects.read("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> KibanaObjects.parse("{\"type\":\"dashboard\"}\n", "x.ndjson"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.ndjson line 1");
    }
}
