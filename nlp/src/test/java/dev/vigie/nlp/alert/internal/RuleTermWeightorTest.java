package dev.vigie.nlp.alert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.nlp.alert.AlertFields;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class RuleTermWeightorTest {

    private static final AlertQueryParser PARSER = new AlertQueryParser();

    private static RuleTermWeightor weightor(String... queries) {
        List<Query> parsed = new ArrayList<>();
        for (String q : queries) {
            parsed.add(PARSER.parse(q));
        }
        return RuleTermWeightor.of(parsed);
    }

    /** Weight of a content term, given in its analyzed form (the query analyzer strips a final "e" or "s"). */
    private static double weight(RuleTermWeightor w, String text) {
        return w.applyAsDouble(new Term(AlertFields.CONTENT, text));
    }

    @Test
    void termUsedByManyRulesWeighsLessThanTermOfTheSameLengthUsedByOne() {
        RuleTermWeightor w = weightor("garmin AND cocoa", "garmin AND coffee", "garmin AND water", "lenovo AND yogurt");
        assertThat(weight(w, "garmin")).isLessThan(weight(w, "lenovo"));
    }

    @Test
    void stopWordsFallBelowTheIndexThresholdAndContentWordsStayAbove() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            many.add("x AND brand" + i);
        }
        RuleTermWeightor w = weightor(many.toArray(String[]::new));
        assertThat(weight(w, "x")).isGreaterThan(RuleTermWeightor.MIN_INDEX_WEIGHT);
        assertThat(weight(w, "the")).isLessThan(RuleTermWeightor.MIN_INDEX_WEIGHT);
        assertThat(weight(w, "les")).isLessThan(RuleTermWeightor.MIN_INDEX_WEIGHT);
    }

    @Test
    void excludedTermsAreNotCountedAsIndexTerms() {
        RuleTermWeightor w = weightor("cocoa -garmin", "coffee -garmin", "lenovo");
        assertThat(weight(w, "garmin")).isEqualTo(weight(w, "unseen"));
        assertThat(weight(w, "lenovo")).isLessThan(weight(w, "unseen"));
    }
}
