package dev.vigie.jobs.alerts;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.vigie.nlp.alert.AlertPrefilter;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AlertPrefilter} as an Elasticsearch query over {@code vigie-mentions}: words are looked for as prefixes
 * of the terms of {@code title} and {@code text} (analysed with {@code vigie_folded}: lower case, accents folded, like
 * the matcher's words), and after an apostrophe ({@code l'acme}, which the standard tokenizer keeps as one term).
 */
final class ElasticsearchPrefilter {

    private ElasticsearchPrefilter() {
    }

    static Query toQuery(AlertPrefilter prefilter) {
        if (prefilter instanceof AlertPrefilter.AllOf allOf) {
            List<Query> parts = new ArrayList<>();
            allOf.conditions().forEach(c -> parts.add(toQuery(c)));
            return Query.of(q -> q.bool(b -> b.filter(parts)));
        }
        if (prefilter instanceof AlertPrefilter.AnyOf anyOf) {
            List<Query> parts = new ArrayList<>();
            anyOf.conditions().forEach(c -> parts.add(toQuery(c)));
            return anyOf(parts);
        }
        if (prefilter instanceof AlertPrefilter.WordPrefix word) {
            List<Query> parts = new ArrayList<>();
            for (String field : AlertPreview.fieldsOf(word.field())) {
                parts.add(Query.of(q -> q.prefix(p -> p.field(field).value(word.prefix()))));
                parts.add(Query.of(q -> q.wildcard(w -> w.field(field).value("*'" + escape(word.prefix()) + "*"))));
            }
            return anyOf(parts);
        }
        if (prefilter instanceof AlertPrefilter.WordPattern pattern) {
            List<Query> parts = new ArrayList<>();
            for (String field : AlertPreview.fieldsOf(pattern.field())) {
                parts.add(Query.of(q -> q.wildcard(w -> w.field(field).value(pattern.pattern()))));
                parts.add(Query.of(q -> q.wildcard(w -> w.field(field).value("*'" + pattern.pattern()))));
            }
            return anyOf(parts);
        }
        if (prefilter instanceof AlertPrefilter.Language lang) {
            return Query.of(q -> q.term(t -> t.field("lang").value(lang.value())));
        }
        return Query.of(q -> q.matchAll(m -> m)); // All
    }

    private static Query anyOf(List<Query> parts) {
        return Query.of(q -> q.bool(b -> b.should(parts).minimumShouldMatch("1")));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }
}
