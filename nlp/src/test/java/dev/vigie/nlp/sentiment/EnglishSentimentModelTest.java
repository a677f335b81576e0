package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.nlp.internal.linear.LinearModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The English model without CoreNLP (CoreNLP's part is exercised by {@link CoreNlpSentimentTest}). */
class EnglishSentimentModelTest {

    private static final LexiconScorer LEXICON = LexiconScorer.english();
    private static final CoreNlpSentiment.Reading SOME_READING =
            new CoreNlpSentiment.Reading(new double[] {0.1, 0.2, 0.4, 0.2, 0.1}, 1);

    private static EnglishSentimentModel.Example example(String text) {
        return EnglishSentimentModel.Example.read(text, LEXICON, null);
    }

    @Test
    void shippedModelReadsClearOpinionsWithoutCoreNlp() {
        EnglishSentimentModel model = EnglishSentimentModel.shipped();
        Sentiment good = model.sentiment(example("A wonderful, moving film with superb performances."));
        Sentiment bad = model.sentiment(example("The battery died after two days and support never answered."));
        assertThat(good.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(bad.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(good.score()).isGreaterThan(0.3);
        assertThat(bad.score()).isLessThan(-0.3);
        assertThat(good.method()).isEqualTo(Sentiment.Method.LEXICON);
    }

    @Test
    void learnsADomainsVocabularyFromExamples() {
        List<EnglishSentimentModel.Example> examples = new ArrayList<>();
        List<SentimentLabel> labels = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            examples.add(example("the blorf model " + i));
            labels.add(SentimentLabel.POSITIVE);
            examples.add(example("the snarp model " + i));
            labels.add(SentimentLabel.NEGATIVE);
            examples.add(example("the plain model " + i));
            labels.add(SentimentLabel.NEUTRAL);
        }
        EnglishSentimentModel.Settings settings =
                new EnglishSentimentModel.Settings(12, new LinearModel.Settings(10, 0.2, 1e-6, 1L));
        EnglishSentimentModel model = EnglishSentimentModel.of(
                12,
                EnglishSentimentModel.fitPart(examples, labels, false, settings),
                EnglishSentimentModel.fitPart(
                        examples.stream().map(e -> e.withCore(SOME_READING)).toList(), labels, true, settings));
        assertThat(model.sentiment(example("a blorf model")).label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(model.sentiment(example("a snarp model")).label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(model.sentiment(example("a plain model")).label()).isEqualTo(SentimentLabel.NEUTRAL);
        Sentiment withCoreNlp = model.sentiment(example("a blorf model").withCore(SOME_READING));
        assertThat(withCoreNlp.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(withCoreNlp.method()).isEqualTo(Sentiment.Method.CORENLP_COMBINED);
    }

    @Test
    void offsetsMoveTheDecisionNotTheProbabilities() {
        EnglishSentimentModel model = EnglishSentimentModel.shipped();
        EnglishSentimentModel.Example e = example("The meeting is on Tuesday.");
        EnglishSentimentModel alwaysNeutral = model.withOffsets(new double[] {0, 50, 0}, new double[] {0, 50, 0});
        assertThat(alwaysNeutral.probabilities(e)).containsExactly(model.probabilities(e));
        assertThat(alwaysNeutral.sentiment(e).label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(EnglishSentimentModel.decide(new double[] {0.5, 0.2, 0.3}, new double[3]))
                .isZero();
        assertThat(EnglishSentimentModel.decide(new double[] {0.5, 0.2, 0.3}, new double[] {0, 1, 0}))
                .isEqualTo(1);
    }

    @Test
    void savedModelReadsBackWithTheSameAnswers(@TempDir Path dir) throws IOException {
        EnglishSentimentModel model = EnglishSentimentModel.shipped();
        Path file = dir.resolve("en.model");
        model.save(file);
        EnglishSentimentModel read = EnglishSentimentModel.load(file);
        for (String text : List.of("Great value, works perfectly.", "Not worth the money.", "It is a phone.")) {
            // the shipped weights are already rounded as a file stores them: writing them again changes nothing
            assertThat(read.probabilities(example(text))).containsExactly(model.probabilities(example(text)));
            assertThat(read.sentiment(example(text))).isEqualTo(model.sentiment(example(text)));
        }
        assertThat(read.withCoreNlp().offsets())
                .containsExactly(model.withCoreNlp().offsets());
        assertThat(Files.size(file)).as("compressed, 16-bit weights").isLessThan(8_000_000);
    }

    @Test
    void refusesAFileThatIsNotAModelNamingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "not a model");
        assertThatThrownBy(() -> EnglishSentimentModel.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void wordsAfterANegationAreMarkedUpToThreeOrAnExclamation() {
        assertThat(EnglishSentimentModel.markNegated("I don't like it")).isEqualTo("i don t neg_like neg_it");
        assertThat(EnglishSentimentModel.markNegated("Not very good at all"))
                .isEqualTo("not neg_very neg_good neg_at all");
        assertThat(EnglishSentimentModel.markNegated("Not good! Great")).isEqualTo("not neg_good ! great");
    }

    @Test
    void thePartWithCoreNlpNeedsItsReading() {
        assertThatThrownBy(() ->
                        EnglishSentimentModel.vector(EnglishSentimentModel.textFeatures(12), example("fine"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CoreNLP");
    }
}
