package dev.vigie.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IndexTemplatesTest {

    @Test
    void everyTemplateIsStrictAndMatchesItsOwnIndex() {
        for (String name : IndexTemplates.NAMES) {
            ObjectNode template = IndexTemplates.template(name);
            assertThat(template.path("index_patterns").get(0).asText()).as(name).isEqualTo(name);
            assertThat(template.path("template")
                            .path("mappings")
                            .path("dynamic")
                            .asText())
                    .as(name)
                    .isEqualTo("strict");
            assertThat(template.path("_meta").path("dynamic").asText()).as(name).contains("strict");
        }
    }

    @Test
    void mentionsHaveEveryFieldOfTheDataContractWithTheRightType() {
        Map<String, String> fields = IndexTemplates.fieldTypes(IndexTemplates.MENTIONS);
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("id", "keyword"),
                Map.entry("watch", "keyword"),
                Map.entry("source.type", "keyword"),
                Map.entry("source.name", "keyword"),
                Map.entry("source.url", "keyword"),
                Map.entry("source.search", "keyword"),
                Map.entry("url", "keyword"),
                Map.entry("title", "text"),
                Map.entry("title.fr", "text"),
                Map.entry("title.en", "text"),
                Map.entry("title.keyword", "keyword"),
                Map.entry("text", "text"),
                Map.entry("text.fr", "text"),
                Map.entry("text.en", "text"),
                Map.entry("author.name", "keyword"),
                Map.entry("author.handle", "keyword"),
                Map.entry("author.followers", "long"),
                Map.entry("published_at", "date"),
                Map.entry("fetched_at", "date"),
                Map.entry("lang", "keyword"),
                Map.entry("engagement.likes", "long"),
                Map.entry("engagement.shares", "long"),
                Map.entry("engagement.comments", "long"),
                Map.entry("engagement.score", "float"),
                Map.entry("reach", "long"),
                Map.entry("sentiment.label", "keyword"),
                Map.entry("sentiment.score", "float"),
                Map.entry("themes", "keyword"),
                Map.entry("curation_score", "float"),
                Map.entry("brands", "keyword"),
                Map.entry("alerts", "keyword"),
                Map.entry("story_id", "keyword"),
                Map.entry("duplicate_of", "keyword"),
                Map.entry("story_bands", "keyword"),
                Map.entry("story_signature", "binary"),
                Map.entry("event.id", "keyword"),
                Map.entry("event.keys", "keyword")));
        assertThat(new TreeMap<>(fields)).isEqualTo(expected);
    }

    @Test
    void pageChangesAlertsAndRunsCarryTheirContractFields() {
        assertThat(IndexTemplates.fieldTypes(IndexTemplates.PAGE_CHANGES))
                .containsEntry("watch", "keyword")
                .containsEntry("competitor", "keyword")
                .containsEntry("changed_at", "date")
                .containsEntry("kind", "keyword")
                .containsEntry("magnitude", "float")
                .containsEntry("added.fr", "text")
                .containsKeys("url", "section", "removed", "diff");
        assertThat(IndexTemplates.fieldTypes(IndexTemplates.ALERTS))
                .containsEntry("rule", "keyword")
                .containsEntry("mention_id", "keyword")
                .containsEntry("matched_terms", "keyword")
                .containsEntry("sent_at", "date")
                .containsEntry("recipients", "keyword")
                .containsEntry("status", "keyword")
                .containsEntry("every", "keyword");
        assertThat(IndexTemplates.fieldTypes(IndexTemplates.RUNS))
                .containsEntry("run_id", "keyword")
                .containsEntry("source.name", "keyword")
                .containsEntry("fetched", "long")
                .containsEntry("new", "long")
                .containsEntry("failed", "long")
                .containsEntry("started_at", "date")
                .containsEntry("duration_ms", "long");
    }

    @Test
    void analysedFieldsUseAnalyzersDefinedInTheirTemplate() {
        for (String name : IndexTemplates.NAMES) {
            ObjectNode template = IndexTemplates.template(name);
            Set<String> defined = Set.copyOf(iterate(template.path("template")
                    .path("settings")
                    .path("analysis")
                    .path("analyzer")
                    .fieldNames()));
            template.path("template")
                    .path("mappings")
                    .findValues("analyzer")
                    .forEach(a -> assertThat(defined).as(name).contains(a.asText()));
        }
    }

    @Test
    void refusesUnknownTemplateNamingIt() {
        assertThatThrownBy(() -> IndexTemplates.read("vigie-nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vigie-nope");
    }

    private static java.util.List<String> iterate(Iterator<String> names) {
        java.util.List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
