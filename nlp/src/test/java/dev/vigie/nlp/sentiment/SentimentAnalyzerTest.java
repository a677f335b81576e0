package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Without CoreNLP: routing and builder checks. CoreNLP itself is exercised by {@link CoreNlpSentimentTest}. */
class SentimentAnalyzerTest {

    private final SentimentAnalyzer lexiconOnly = SentimentAnalyzer.builder()
            .coreNlpUse(EnglishSentimentScorer.CoreNlpUse.NEVER)
            .build();

    @Test
    void routesEachLanguageToItsScorer() {
        assertThat(lexiconOnly.languages()).containsExactlyInAnyOrder("en", "fr");
        assertThat(lexiconOnly.analyze("What a great launch!", "en").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(lexiconOnly.analyze("Quel lancement raté, c'est nul", "FR").label())
                .isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void answersNoneForUnknownLanguagesAndBlankText() {
        assertThat(lexiconOnly.analyze("Das ist wunderbar", "de")).isEqualTo(Sentiment.none());
        assertThat(lexiconOnly.analyze("great", "unknown")).isEqualTo(Sentiment.none());
        assertThat(lexiconOnly.analyze("great", null)).isEqualTo(Sentiment.none());
        assertThat(lexiconOnly.analyze("  ", "en")).isEqualTo(Sentiment.none());
    }

    @Test
    void anInMemoryScorerReplacesTheBuiltInOneOfItsLanguage() {
        SentimentAnalyzer analyzer = SentimentAnalyzer.builder()
                .coreNlpUse(EnglishSentimentScorer.CoreNlpUse.NEVER)
                .scorer("de", text -> new Sentiment(SentimentLabel.POSITIVE, 0.5, Sentiment.Method.TRAINED_MODEL))
                .build();
        assertThat(analyzer.analyze("Das ist wunderbar", "de").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void builderRefusesBadSettingsNamingTheValue() {
        assertThatThrownBy(() -> SentimentAnalyzer.builder().uncertaintyMargin(1.5))
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> SentimentAnalyzer.builder().uncertaintyMargin(-0.1))
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> SentimentAnalyzer.builder().coreNlpMaxChars(10))
                .hasMessageContaining("10");
        assertThatThrownBy(() -> SentimentAnalyzer.builder().trainedModel("French", Path.of("x")))
                .hasMessageContaining("'French'");
        assertThatThrownBy(() -> SentimentAnalyzer.builder().coreNlpUse(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SentimentAnalyzer.builder()
                        .coreNlpUse(EnglishSentimentScorer.CoreNlpUse.NEVER)
                        .trainedModel("fr", Path.of("/nonexistent/acme.model"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nonexistent/acme.model");
    }
}
