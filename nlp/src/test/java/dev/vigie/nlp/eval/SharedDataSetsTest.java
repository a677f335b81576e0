package dev.vigie.nlp.eval;

import dev.vigie.nlp.sentiment.LabelledText;
import dev.vigie.nlp.sentiment.LexiconScorer;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.sentiment.SentimentLabel;
import dev.vigie.nlp.theme.Theme;
import dev.vigie.nlp.theme.ThemeClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Guards the published figures that need no CoreNLP (the full figures come from {@link Evaluate}) and runs the
 * lexicon over every English snippet. Skipped when the shared data folder is absent (a user's clone).
 */
class SharedDataSetsTest {

    private static Path data;

    @BeforeAll
    static void findData() {
        String dir = System.getProperty("vigie.data.dir", DataSets.DEFAULT_DATA_DIR);
        assumeTrue(Files.isDirectory(Path.of(dir, "sentiment-en")),
                "shared data folder not found at " + dir + " (set -Dvigie.data.dir): skipping data-set checks");
        data = Path.of(dir);
    }

    @Test
    void shippedFrenchScorerReachesTheTargetOnDeftVal() throws IOException {
        ConfusionMatrix m = new ConfusionMatrix(List.of("negative", "neutral", "positive"));
        for (LabelledText t : DataSets.deft(data, "val")) {
            m.add(t.label().id(), LexiconScorer.french().score(t.text()).label().id());
        }
        assertThat(m.macroF1()).as(m.format()).isGreaterThanOrEqualTo(0.55);
    }

    @Test
    void everyEnglishSnippetGetsAValidLexiconSentiment() throws IOException {
        int polar = 0;
        int total = 0;
        for (DataSets.VaderCorpus corpus : DataSets.VaderCorpus.values()) {
            for (DataSets.Snippet s : DataSets.vader(data, corpus)) {
                Sentiment sentiment = LexiconScorer.english().score(s.text());
                assertThat(sentiment.score()).isBetween(-1.0, 1.0);
                polar += sentiment.label() == SentimentLabel.NEUTRAL ? 0 : 1;
                total++;
            }
        }
        assertThat(total).isEqualTo(10_605 + 3_708 + 5_190);
        assertThat(polar).as("most snippets carry an opinion the lexicon sees").isGreaterThan(total / 2);
    }

    @Test
    void themesReachEightyFivePercentOnAgNewsOnEveryDrawOfTwoHundredExamplesPerClass() throws IOException {
        List<DataSets.Topic> all = DataSets.agNews(data);
        for (long seed = 1; seed <= 5; seed++) {
            DataSets.TopicSplit split = DataSets.drawPerClass(all, 200, seed);
            assertThat(split.test()).hasSize(all.size() - 4 * 200);
            ThemeClassifier classifier = ThemeClassifier.train(DataSets.AG_NEWS_LABELS.stream()
                    .map(l -> new Theme(l, l, split.train().get(l), List.of())).toList());
            ConfusionMatrix m = new ConfusionMatrix(DataSets.AG_NEWS_LABELS);
            split.test().forEach(t -> m.add(t.label(), classifier.best(t.text())));
            assertThat(m.accuracy()).as("seed " + seed + "\n" + m.format()).isGreaterThanOrEqualTo(0.85);
        }
    }
}
