package dev.vigie.nlp.alert.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Chooses the terms the presearcher indexes each rule under: a rule is found for a document through its index terms,
 * so a good index term is one that rarely occurs in documents and belongs to few rules.
 *
 * <p>The weight of a term is Lucene's length weight (long words are rarer), divided by {@code 1 + ln(1 + r)} where
 * {@code r} is the number of stored rules that use the term (a term in thousands of rules pulls thousands of
 * candidates, and its postings are read for every document that contains it), and multiplied by
 * {@link #STOP_WORD_FACTOR} for French and English function words (which occur in most documents: "the" of a phrase
 * is a poor index term). Stop words weigh less than {@link #MIN_INDEX_WEIGHT}, so the multi-pass presearcher never
 * advances a conjunction onto one: a phrase such as {@code "de la poste"} is indexed under "poste" in every pass.
 *
 * <p>Nothing here is learned from documents: the rule counts come from the rules being loaded, the stop words are the
 * list below.
 */
public final class RuleTermWeightor implements TermWeightor {

    /** Weight factor of a stop word. */
    static final double STOP_WORD_FACTOR = 0.001;
    /**
     * Weight below which the multi-pass presearcher does not advance to a term: above every content word (at least
     * 1.78 / (1 + ln(1 + 10^7)) = 0.1 for a one-letter word used in ten million rules) and below every stop word (at
     * most 4 * 0.001).
     */
    public static final float MIN_INDEX_WEIGHT = 0.01f;

    /** French and English function words, in the analyzed form of queries (lower case, accents folded). */
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her", "his",
            "i", "in", "is", "it", "its", "my", "no", "not", "of", "on", "or", "our", "she", "so", "that", "the",
            "their", "them", "they", "this", "to", "was", "we", "were", "will", "with", "you", "your", "au", "aux",
            "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "elle", "elles", "en", "est",
            "et", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "m", "ma", "mais", "me", "mes",
            "mon", "n", "ne", "nous", "ou", "par", "pas", "plus", "pour", "qu", "que", "qui", "s", "sa", "se", "ses",
            "son", "sur", "t", "ta", "te", "tes", "ton", "tu", "un", "une", "vous", "y");

    private final Map<Term, Integer> ruleCounts;

    private RuleTermWeightor(Map<Term, Integer> ruleCounts) {
        this.ruleCounts = ruleCounts;
    }

    /**
     * Counts, for each term, how many of the queries use it.
     *
     * @param queries the parsed rules to be stored
     * @return a weightor for the presearcher that will store them
     */
    public static RuleTermWeightor of(Collection<Query> queries) {
        Map<Term, Integer> counts = new HashMap<>();
        Set<Term> terms = new HashSet<>();
        for (Query q : queries) {
            terms.clear();
            q.visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query query, Term... ts) {
                    for (Term t : ts) {
                        terms.add(t);
                    }
                }
            });
            for (Term t : terms) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        return new RuleTermWeightor(Map.copyOf(counts));
    }

    @Override
    public double applyAsDouble(Term term) {
        double weight = TermWeightor.DEFAULT.applyAsDouble(term) / (1 + Math.log1p(ruleCounts.getOrDefault(term, 0)));
        return STOP_WORDS.contains(term.text()) ? weight * STOP_WORD_FACTOR : weight;
    }
}
