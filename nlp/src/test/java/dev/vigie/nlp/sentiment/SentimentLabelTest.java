package dev.vigie.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SentimentLabelTest {

    @Test
    void parsesTheWaysAnalystsWriteLabels() {
        assertThat(SentimentLabel.parse(" Positive ")).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(SentimentLabel.parse("négatif")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(SentimentLabel.parse("neutre")).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.parse("-1")).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(SentimentLabel.parse("0")).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.parse("1")).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void refusesAnUnknownLabelNamingIt() {
        assertThatThrownBy(() -> SentimentLabel.parse("2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2'");
        assertThatThrownBy(() -> SentimentLabel.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelsAScoreWithVaderThresholds() {
        assertThat(SentimentLabel.ofScore(0.06, 0.05)).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(SentimentLabel.ofScore(0.05, 0.05)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.ofScore(-0.2, 0.05)).isEqualTo(SentimentLabel.NEGATIVE);
        assertThatThrownBy(() -> SentimentLabel.ofScore(0, -0.1)).hasMessageContaining("-0.1");
    }

    @Test
    void sentimentRefusesAScoreOutsideMinusOneToOne() {
        assertThatThrownBy(() -> new Sentiment(SentimentLabel.POSITIVE, 1.5, Sentiment.Method.LEXICON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new Sentiment(SentimentLabel.POSITIVE, Double.NaN, Sentiment.Method.LEXICON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
