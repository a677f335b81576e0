package dev.vigie.nlp.internal.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordVectorsTest {

    private final WordVectors vectors = WordVectors.english();

    @Test
    void theBuildShipsCoreNlpsEnglishVectorsFolded() {
        assertThat(vectors.size()).isGreaterThan(90_000);
        assertThat(vectors.dimensions()).isEqualTo(50);
        double[] sum = new double[50];
        assertThat(vectors.addTo("football", sum)).isTrue();
        assertThat(java.util.Arrays.stream(sum).map(Math::abs).sum()).isPositive();
        assertThat(vectors.addTo("Football", new double[50]))
                .as("keys are folded like TextFeatures.tokens")
                .isFalse();
        assertThat(vectors.addTo("zzqxvigie", new double[50])).isFalse();
    }

    @Test
    void wordsOfOneTopicAreCloserThanWordsOfTwo() {
        assertThat(vectors.similarity("football", "soccer"))
                .isGreaterThan(vectors.similarity("football", "stocks") + 0.2);
        assertThat(vectors.similarity("shares", "investors"))
                .isGreaterThan(vectors.similarity("shares", "striker") + 0.2);
        assertThat(vectors.similarity("football", "zzqxvigie")).isZero();
    }

    @Test
    void noVectorsKnowNoWord() {
        assertThat(WordVectors.NONE.dimensions()).isZero();
        assertThat(WordVectors.NONE.addTo("football", new double[0])).isFalse();
    }

    @Test
    void trainingRefusesMismatchedOrSingleLabelData() {
        assertThatThrownBy(() -> TfidfClassifier.train(List.of("a b"), List.of("x", "y"), WordVectors.NONE))
                .hasMessageContaining("1 vs 2");
        assertThatThrownBy(() -> TfidfClassifier.train(List.of("a b", "c d"), List.of("x", "x"), WordVectors.NONE))
                .hasMessageContaining("[x]");
    }
}
