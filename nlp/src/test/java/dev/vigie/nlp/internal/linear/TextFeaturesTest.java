package dev.vigie.nlp.internal.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    @Test
    void tokensFoldCaseAndAccentsDropElisionAndKeepHashtagsHandlesAndEmoji() {
        assertThat(TextFeatures.tokens("L'Été de #Vigie avec @Acme 😍 !"))
                .containsExactly("ete", "de", "#vigie", "avec", "@acme", "😍", "!");
    }

    @Test
    void vectorsAreUnitLength() {
        TextFeatures.SparseVector v = new TextFeatures(16, 3, 5, true).vector("un texte assez court");
        double norm = 0;
        for (float x : v.values()) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> new TextFeatures(30, 0, 0, false)).hasMessageContaining("30");
        assertThatThrownBy(() -> new TextFeatures(16, 5, 3, false)).hasMessageContaining("5..3");
    }
}
