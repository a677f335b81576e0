package dev.vigie.nlp.alert.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Lets the Monitor presearcher select wildcard queries by their literal prefix instead of running them against
 * every document. Without it a query such as {@code outag*} is indexed under "any token" and runs for every
 * document, which at 100,000 stored queries costs more than all other queries together.
 *
 * <p>A wildcard query is indexed under the first {@value #PREFIX_LENGTH} characters of its literal prefix (or all of
 * it when shorter, at least {@link AlertQueryParser#MIN_WILDCARD_PREFIX}) followed by {@link #MARKER}; each document
 * term additionally produces its prefixes of those lengths with the marker, so the presearcher finds the query when
 * a document term starts the same way. The matcher then checks the real pattern.
 */
public final class WildcardPrefixHandler implements CustomQueryHandler {

    /** Longest prefix used as a presearcher key. */
    public static final int PREFIX_LENGTH = 4;
    /** Suffix of prefix keys; the tokenizer never produces it, so keys cannot collide with real terms. */
    public static final String MARKER = "\u0001*";

    private final Set<String> fields;

    /**
     * @param fields the analyzed fields whose document terms must produce prefix keys
     */
    public WildcardPrefixHandler(Set<String> fields) {
        this.fields = Set.copyOf(fields);
    }

    @Override
    public QueryTree handleQuery(Query query, TermWeightor weightor) {
        if (!(query instanceof WildcardQuery wq)) {
            return null;
        }
        String pattern = wq.getTerm().text();
        int first = pattern.length();
        for (int k = 0; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (c == '*' || c == '?' || c == '\\') {
                first = k;
                break;
            }
        }
        if (first < AlertQueryParser.MIN_WILDCARD_PREFIX) {
            return null;
        }
        String key = pattern.substring(0, Math.min(first, PREFIX_LENGTH)) + MARKER;
        Term term = new Term(wq.getField(), key);
        double weight = weightor.applyAsDouble(term);
        return new QueryTree() {
            @Override
            public double weight() {
                return weight;
            }

            @Override
            public void collectTerms(BiConsumer<String, BytesRef> collector) {
                collector.accept(term.field(), term.bytes());
            }

            @Override
            public boolean advancePhase(double minWeight) {
                return false;
            }

            @Override
            public String toString(int depth) {
                return space(depth) + "WILDCARD_PREFIX[" + term + "]^" + weight;
            }
        };
    }

    @Override
    public TokenStream wrapTermStream(String field, TokenStream in) {
        if (!fields.contains(field)) {
            return in;
        }
        return new PrefixKeyFilter(in);
    }

    /** Emits each term, then its prefix keys of length {@code MIN_WILDCARD_PREFIX..PREFIX_LENGTH}. */
    private static final class PrefixKeyFilter extends TokenFilter {
        private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
        private final Deque<String> pending = new ArrayDeque<>();

        PrefixKeyFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            // Positions mean nothing in the presearcher's term stream, but the stream of document terms never clears
            // its
            // attributes and the presearcher's filter adds skipped increments to the current one: reset it to 1 each
            // time, or it grows with every filtered term and overflows on a batch of documents.
            if (!pending.isEmpty()) {
                termAtt.setEmpty().append(pending.pop());
                posIncAtt.setPositionIncrement(1);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            posIncAtt.setPositionIncrement(1);
            String t = termAtt.toString();
            for (int len = AlertQueryParser.MIN_WILDCARD_PREFIX; len <= PREFIX_LENGTH && len <= t.length(); len++) {
                pending.add(t.substring(0, len) + MARKER);
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
        }
    }
}
