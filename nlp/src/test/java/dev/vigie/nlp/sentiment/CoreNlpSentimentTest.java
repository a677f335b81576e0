package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one test class that loads CoreNLP (about 1 GB, several seconds): one shared pipeline for all its tests. */
class CoreNlpSentimentTest {

    private static SentimentAnalyzer always;
    private static SentimentAnalyzer whenUncertain;

    @BeforeAll
    static void load() {
        always = SentimentAnalyzer.builder()
                .coreNlpUse(EnglishSentimentScorer.CoreNlpUse.ALWAYS)
                .build();
        whenUncertain = SentimentAnalyzer.builder()
                .coreNlpUse(EnglishSentimentScorer.CoreNlpUse.WHEN_UNCERTAIN)
                .build();
    }

    @Test
    void coreNlpReadsProbabilitiesOfFiveClassesPerSentence() {
        CoreNlpSentiment.Reading r =
                CoreNlpSentiment.shared().read("The film is a masterpiece. The actors are wonderful.");
        assertThat(r.sentences()).isEqualTo(2);
        assertThat(r.probabilities()).hasSize(5);
        assertThat(r.positive()).isGreaterThan(r.negative());
        assertThat(CoreNlpSentiment.shared().read("").sentences()).isZero();
    }

    @Test
    void phrasesShowATextThatMixesPraiseAndBlame() {
        CoreNlpSentiment.Reading mixed =
                CoreNlpSentiment.shared().read("The acting is wonderful, but the plot is a terrible mess.");
        CoreNlpSentiment.Reading praise =
                CoreNlpSentiment.shared().read("The acting is wonderful and the plot is brilliant.");
        assertThat(mixed.mostPositivePhrase()).isGreaterThan(0.5);
        assertThat(mixed.mostNegativePhrase()).isGreaterThan(0.5);
        assertThat(praise.mostNegativePhrase()).isLessThan(mixed.mostNegativePhrase());
        assertThat(mixed.phrases()).hasSize(5);
        assertThat(mixed.phrases()[0]
                        + mixed.phrases()[1]
                        + mixed.phrases()[2]
                        + mixed.phrases()[3]
                        + mixed.phrases()[4])
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void combinedScorerReadsClearOpinions() {
        Sentiment good = always.analyze("This is one of the best films I have seen in years.", "en");
        Sentiment bad = always.analyze("A dull, lifeless and painfully boring movie.", "en");
        assertThat(good.method()).isEqualTo(Sentiment.Method.CORENLP_COMBINED);
        assertThat(good.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(bad.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(good.score()).isGreaterThan(bad.score());
    }

    @Test
    void whenUncertainCoreNlpOnlyReadsWhatTheLexiconIsUnsureOf() {
        assertThat(whenUncertain
                        .analyze("I love it, absolutely wonderful!!", "en")
                        .method())
                .isEqualTo(Sentiment.Method.LEXICON);
        assertThat(whenUncertain
                        .analyze("The plot never quite comes together.", "en")
                        .method())
                .isEqualTo(Sentiment.Method.CORENLP_COMBINED);
    }

    @Test
    void theDefaultDoesNotAskCoreNlp() {
        assertThat(SentimentAnalyzer.Builder.DEFAULT_CORENLP_USE).isEqualTo(EnglishSentimentScorer.CoreNlpUse.NEVER);
        assertThat(SentimentAnalyzer.builder()
                        .build()
                        .analyze("The plot never quite comes together.", "en")
                        .method())
                .isEqualTo(Sentiment.Method.LEXICON);
    }

    @Test
    void frenchNeverGoesThroughTheEnglishModel() {
        Sentiment s = always.analyze("Le scénario ne tient pas vraiment debout.", "fr");
        assertThat(s.method()).isEqualTo(Sentiment.Method.LEXICON);
    }

    @Test
    void longTextsAreCutForCoreNlpAtASentenceEnd() {
        String text = "First sentence here. " + "Second sentence is much longer than the first one. ".repeat(40);
        String head = EnglishSentimentScorer.head(text, 100);
        assertThat(head).hasSizeLessThanOrEqualTo(100).endsWith(".");
        assertThat(always.analyze(text, "en").method()).isEqualTo(Sentiment.Method.CORENLP_COMBINED);
    }
}
