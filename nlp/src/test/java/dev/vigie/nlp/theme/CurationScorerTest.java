package dev.vigie.nlp.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CurationScorerTest {

    private final CurationScorer scorer = CurationScorer.defaults();

    private double score(double relevance, int length, String source, long likes, int sources) {
        return scorer.score(new CurationSignals(relevance, length, source, likes, 0, 0, sources));
    }

    @Test
    void aRelevantWidelyCarriedPopularNewsItemScoresHigherThanAnIdlePost() {
        double news = score(0.9, 1200, "feed", 300, 6);
        double post = score(0.1, 40, "mastodon", 0, 1);
        assertThat(news).isGreaterThan(post);
        assertThat(news).isBetween(0.0, 100.0);
        assertThat(post).isBetween(0.0, 100.0);
    }

    @Test
    void eachSignalRaisesTheScore() {
        double base = score(0.5, 300, "reddit", 10, 1);
        assertThat(score(0.8, 300, "reddit", 10, 1)).isGreaterThan(base);
        assertThat(score(0.5, 900, "reddit", 10, 1)).isGreaterThan(base);
        assertThat(score(0.5, 300, "feed", 10, 1)).isGreaterThan(base);
        assertThat(score(0.5, 300, "reddit", 100, 1)).isGreaterThan(base);
        assertThat(score(0.5, 300, "reddit", 10, 4)).isGreaterThan(base);
    }

    @Test
    void followsTheDocumentedFormulaAtItsCorners() {
        assertThat(score(1, 1500, "feed", 1000, 8)).isCloseTo(100, within(1e-9));
        assertThat(score(0, 0, "unknown-source", 0, 1))
                .isCloseTo(100 * 0.15 * CurationScorer.DEFAULT_UNKNOWN_SOURCE, within(1e-9));
        assertThat(CurationScorer.relevance(0.5, true)).isCloseTo(0.7, within(1e-9));
        assertThat(CurationScorer.relevance(0.5, false)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void sourceWeightsCanBeChanged() {
        CurationScorer custom =
                CurationScorer.builder().sourceWeight("Mastodon", 1.0).build();
        CurationSignals s = new CurationSignals(0.5, 100, "mastodon", 0, 0, 0, 1);
        assertThat(custom.score(s)).isGreaterThan(scorer.score(s));
    }

    @Test
    void refusesBadWeightsAndSignalsNamingTheValue() {
        assertThatThrownBy(() ->
                        CurationScorer.builder().weights(0.5, 0.5, 0.5, 0, 0).build())
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> CurationScorer.builder()
                        .weights(-0.2, 0.4, 0.4, 0.2, 0.2)
                        .build())
                .hasMessageContaining("-0.2");
        assertThatThrownBy(() -> CurationScorer.builder().sourceWeight("feed", 2))
                .hasMessageContaining("2.0");
        assertThatThrownBy(() -> CurationScorer.builder().sourceWeight(" ", 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CurationSignals(1.2, 0, "feed", 0, 0, 0, 1))
                .hasMessageContaining("1.2");
        assertThatThrownBy(() -> new CurationSignals(0.5, -1, "feed", 0, 0, 0, 1))
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new CurationSignals(0.5, 1, "feed", -3, 0, 0, 1))
                .hasMessageContaining("-3");
        assertThatThrownBy(() -> new CurationSignals(0.5, 1, "feed", 0, 0, 0, 0))
                .hasMessageContaining("0");
        assertThatThrownBy(() -> CurationScorer.relevance(2, false)).hasMessageContaining("2.0");
    }
}
