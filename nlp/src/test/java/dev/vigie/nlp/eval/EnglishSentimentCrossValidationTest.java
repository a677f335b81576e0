package dev.vigie.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.nlp.sentiment.EnglishSentimentModel;
import dev.vigie.nlp.sentiment.LexiconScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold assignment: the same for a seed, every fold with its share of each corpus and class. */
class EnglishSentimentCrossValidationTest {

    @Test
    void foldsAreStratifiedByCorpusAndClassAndRepeatable() {
        List<EnglishSentimentCrossValidation.Item> items = new ArrayList<>();
        LexiconScorer.Reading flat = new LexiconScorer.Reading(0, 0, 0, 0, 1);
        for (int i = 0; i < 1000; i++) {
            int corpus = i % 3;
            int gold = i % 50 == 0 ? 1 : i % 2 == 0 ? 0 : 2; // 2 % neutral
            items.add(new EnglishSentimentCrossValidation.Item(
                    new DataSets.Snippet("c" + corpus, "" + i, 0, "x"),
                    new EnglishSentimentModel.Example("x", flat, null),
                    gold,
                    corpus));
        }
        int[] folds = EnglishSentimentCrossValidation.folds(items, 5, 1);
        assertThat(EnglishSentimentCrossValidation.folds(items, 5, 1)).isEqualTo(folds);
        assertThat(EnglishSentimentCrossValidation.folds(items, 5, 2)).isNotEqualTo(folds);
        int[][] neutralPerFold = new int[5][3];
        int[] sizes = new int[5];
        for (int i = 0; i < items.size(); i++) {
            sizes[folds[i]]++;
            if (items.get(i).gold() == 1) {
                neutralPerFold[folds[i]][items.get(i).corpus()]++;
            }
        }
        assertThat(sizes).containsOnly(200);
        for (int[] perCorpus : neutralPerFold) {
            // 20 neutral items, about 7 per corpus: each fold gets one or two of each corpus
            assertThat(Arrays.stream(perCorpus).min().orElseThrow()).isGreaterThanOrEqualTo(1);
            assertThat(Arrays.stream(perCorpus).max().orElseThrow()).isLessThanOrEqualTo(2);
        }
    }
}
