package dev.vigie.nlp.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * A necessary condition of an alert query, in terms a search engine over the raw words of mentions can check: a
 * mention the query matches always satisfies its prefilter, so a tool can ask a search index for the mentions that
 * satisfy it and run the real {@link AlertMatcher} on those only ({@code vigie alerts test} does this with
 * Elasticsearch).
 *
 * <p>The query's structure is kept (AND stays AND, OR stays OR, a phrase or a {@code NEAR} needs all its words);
 * {@code NOT} clauses are dropped (a prefilter may let through more, never less). A word is checked as a prefix of
 * the document's words: the matcher's light stem ({@code pann} for {@code pannes}), one character shorter where the
 * stem is not the start of the word ({@code compani} for {@code companies} is looked for as {@code compan*},
 * {@code journal} for {@code journaux} as {@code journa*}), and after a French elision too ({@code l'acme}). Conditions on the author or
 * the site, and anything else it cannot express, become {@link All} (no restriction).
 */
public sealed interface AlertPrefilter {

    /** No restriction. */
    record All() implements AlertPrefilter {}

    /** Every condition holds. */
    record AllOf(List<AlertPrefilter> conditions) implements AlertPrefilter {
        /** Copies. */
        public AllOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one condition holds. */
    record AnyOf(List<AlertPrefilter> conditions) implements AlertPrefilter {
        /** Copies. */
        public AnyOf {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * A word of the title and/or text starts with {@code prefix} (lower case, accents folded).
     *
     * @param field {@link AlertFields#CONTENT} (title or text), {@link AlertFields#TITLE} or {@link AlertFields#TEXT}
     * @param prefix the prefix
     */
    record WordPrefix(String field, String prefix) implements AlertPrefilter {}

    /**
     * A word of the title and/or text matches a wildcard pattern ({@code *} and {@code ?}).
     *
     * @param field as for {@link WordPrefix}
     * @param pattern the pattern, lower case, accents folded
     */
    record WordPattern(String field, String pattern) implements AlertPrefilter {}

    /**
     * The mention's language is {@code value}.
     *
     * @param value a language code
     */
    record Language(String value) implements AlertPrefilter {}

    /**
     * The prefilter of an analyst query.
     *
     * @param query the query, as a watch's alert rule holds it
     * @return its prefilter, simplified ({@link All} when nothing restricts it)
     * @throws AlertQuerySyntaxException when the query is malformed
     */
    static AlertPrefilter of(String query) {
        return translate(AlertMatcher.toLuceneQuery(query));
    }

    /** The prefilter of a parsed query (see {@link #of(String)}). */
    static AlertPrefilter translate(Query q) {
        if (q instanceof BoostQuery b) {
            return translate(b.getQuery());
        }
        if (q instanceof ConstantScoreQuery c) {
            return translate(c.getQuery());
        }
        if (q instanceof BooleanQuery b) {
            List<AlertPrefilter> required = new ArrayList<>();
            List<AlertPrefilter> optional = new ArrayList<>();
            for (BooleanClause clause : b.clauses()) {
                switch (clause.getOccur()) {
                    case MUST, FILTER -> required.add(translate(clause.getQuery()));
                    case SHOULD -> optional.add(translate(clause.getQuery()));
                    default -> {} // MUST_NOT: a prefilter may let more through
                }
            }
            if (!optional.isEmpty() && (required.isEmpty() || b.getMinimumNumberShouldMatch() > 0)) {
                required.add(anyOf(optional));
            }
            return allOf(required);
        }
        if (q instanceof TermQuery t) {
            return term(t.getTerm(), false);
        }
        if (q instanceof SpanTermQuery t) {
            return term(t.getTerm(), false);
        }
        if (q instanceof PrefixQuery p) {
            return term(p.getPrefix(), true);
        }
        if (q instanceof WildcardQuery w) {
            Term t = w.getTerm();
            return isText(t.field()) ? new WordPattern(t.field(), t.text()) : new All();
        }
        if (q instanceof SpanMultiTermQueryWrapper<?> w) {
            return translate(w.getWrappedQuery());
        }
        if (q instanceof PhraseQuery p) {
            List<AlertPrefilter> words = new ArrayList<>();
            for (Term t : p.getTerms()) {
                words.add(term(t, false));
            }
            return allOf(words);
        }
        if (q instanceof SpanNearQuery near) {
            List<AlertPrefilter> parts = new ArrayList<>();
            for (SpanQuery s : near.getClauses()) {
                parts.add(translate(s));
            }
            return allOf(parts);
        }
        if (q instanceof SpanOrQuery or) {
            List<AlertPrefilter> parts = new ArrayList<>();
            for (SpanQuery s : or.getClauses()) {
                parts.add(translate(s));
            }
            return anyOf(parts);
        }
        return new All();
    }

    private static AlertPrefilter term(Term t, boolean isPrefix) {
        String field = t.field();
        if (AlertFields.LANG.equals(field)) {
            return new Language(t.text());
        }
        if (!isText(field)) {
            return new All(); // author, site, watch: not worth translating
        }
        String text = t.text().toLowerCase(Locale.ROOT);
        if (text.startsWith("#") || text.startsWith("@")) {
            text = text.substring(1);
        }
        // a search index cuts words where the matcher may not (e-bike): each part must be there
        List<AlertPrefilter> parts = new ArrayList<>();
        for (String part : text.split("[^\\p{L}\\p{N}.']+")) {
            if (!part.isEmpty()) {
                // the light stem is the start of every form it stems, except companies -> compani and journaux ->
                // journal
                boolean shorten = !isPrefix && part.length() > 3 && (part.endsWith("i") || part.endsWith("al"));
                String prefix = shorten ? part.substring(0, part.length() - 1) : part;
                parts.add(new WordPrefix(field, prefix));
            }
        }
        return allOf(parts);
    }

    private static boolean isText(String field) {
        return AlertFields.CONTENT.equals(field) || AlertFields.TITLE.equals(field) || AlertFields.TEXT.equals(field);
    }

    private static AlertPrefilter allOf(List<AlertPrefilter> parts) {
        List<AlertPrefilter> kept = new ArrayList<>();
        for (AlertPrefilter p : parts) {
            if (p instanceof AllOf a) {
                kept.addAll(a.conditions());
            } else if (!(p instanceof All)) {
                kept.add(p);
            }
        }
        return kept.isEmpty() ? new All() : kept.size() == 1 ? kept.get(0) : new AllOf(kept);
    }

    private static AlertPrefilter anyOf(List<AlertPrefilter> parts) {
        List<AlertPrefilter> kept = new ArrayList<>();
        for (AlertPrefilter p : parts) {
            if (p instanceof All) {
                return p;
            }
            if (p instanceof AnyOf a) {
                kept.addAll(a.conditions());
            } else {
                kept.add(p);
            }
        }
        return kept.isEmpty() ? new All() : kept.size() == 1 ? kept.get(0) : new AnyOf(kept);
    }

    /**
     * Why a query matches a document or not: each top-level clause of the parsed query (each AND'ed or OR'ed part,
     * each NOT) with whether the document satisfies it, as the matcher analyses it.
     *
     * @param query the analyst query
     * @param doc the document
     * @return one line per clause: {@code MUST content:panne -> no}
     */
    static List<String> explain(String query, AlertDocument doc) {
        Query parsed = AlertMatcher.toLuceneQuery(query);
        MemoryIndex index = new MemoryIndex(true);
        Document lucene = AlertMatcher.toLuceneDocument(doc);
        var analyzer = AlertMatcher.documentAnalyzer();
        for (IndexableField f : lucene.getFields()) {
            if (f.stringValue() != null) {
                index.addField(f.name(), f.stringValue(), analyzer);
            }
        }
        List<String> out = new ArrayList<>();
        if (parsed instanceof BooleanQuery b) {
            for (BooleanClause clause : b.clauses()) {
                out.add(clause.getOccur().name() + " " + clause.getQuery() + " -> "
                        + (index.search(clause.getQuery()) > 0 ? "yes" : "no"));
            }
        } else {
            out.add("MUST " + parsed + " -> " + (index.search(parsed) > 0 ? "yes" : "no"));
        }
        return out;
    }
}
