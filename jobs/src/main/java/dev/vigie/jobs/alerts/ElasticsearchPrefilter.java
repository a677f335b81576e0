package dev.vigie.jobs.alerts;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.vigie.dashboards.fields.MentionFields;
import dev.vigie.nlp.alert.AlertPrefilter;
import dev.vigie.nlp.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AlertPrefilter} as an Elasticsearch query over {@code vigie-mentions}: words are looked for as prefixes
 * of the terms of {@code title} and {@code text} (analysed with {@code vigie_folded}: lower case, accents folded, like
 * the matcher's words), also after a French elision ({@code l'acme}, which the standard tokenizer keeps as one term).
 */
final class ElasticsearchPrefilter {

    /** An optional French elision in front of a word ({@code l'}, {@code qu'}...), as a regular expression. */
    static final String ELIDED =
            "((" + String.join("|", new java.util.TreeSet<>(TextNormalizer.FRENCH_ELISIONS)) + ")')?";

    private ElasticsearchPrefilter() {}

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
            // the word, or the word after a French elision (the standard tokenizer keeps l'acme as one term):
            // a regular expression anchored on the elisions, so Lucene walks the term dictionary, never all of it
            String regexp = ELIDED + escapeRegexp(word.prefix()) + ".*";
            for (String field : AlertPreview.fieldsOf(word.field())) {
                parts.add(Query.of(q -> q.regexp(r -> r.field(field).value(regexp))));
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
            return Query.of(q -> q.term(t -> t.field(MentionFields.LANG).value(lang.value())));
        }
        return Query.of(q -> q.matchAll(m -> m)); // All
    }

    private static Query anyOf(List<Query> parts) {
        return Query.of(q -> q.bool(b -> b.should(parts).minimumShouldMatch("1")));
    }

    private static String escapeRegexp(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (".?+*|{}[]()\"\\#@&<>~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
