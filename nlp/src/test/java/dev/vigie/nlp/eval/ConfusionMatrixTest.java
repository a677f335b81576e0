package dev.vigie.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    /** gold a: 3 right, 1 as b; gold b: 1 right, 1 as a; gold c: 2 right, 2 as a. */
    private static ConfusionMatrix example() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b", "c"));
        String[][] pairs = {
            {"a", "a"},
            {"a", "a"},
            {"a", "a"},
            {"a", "b"},
            {"b", "b"},
            {"b", "a"},
            {"c", "c"},
            {"c", "c"},
            {"c", "a"},
            {"c", "a"}
        };
        for (String[] p : pairs) {
            m.add(p[0], p[1]);
        }
        return m;
    }

    @Test
    void computesAccuracyPerClassAndAveragedF1ByHand() {
        ConfusionMatrix m = example();
        assertThat(m.total()).isEqualTo(10);
        assertThat(m.accuracy()).isCloseTo(0.6, within(1e-12));
        // a: P 3/6, R 3/4 -> F1 0.6; b: P 1/2, R 1/2 -> 0.5; c: P 1, R 1/2 -> 2/3
        assertThat(m.f1("a")).isCloseTo(0.6, within(1e-12));
        assertThat(m.f1("b")).isCloseTo(0.5, within(1e-12));
        assertThat(m.f1("c")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((0.6 + 0.5 + 2.0 / 3) / 3, within(1e-12));
        assertThat(m.weightedF1()).isCloseTo((4 * 0.6 + 2 * 0.5 + 4 * 2.0 / 3) / 10, within(1e-12));
        assertThat(m.macroPrecision()).isCloseTo((0.5 + 0.5 + 1) / 3, within(1e-12));
        assertThat(m.macroRecall()).isCloseTo((0.75 + 0.5 + 0.5) / 3, within(1e-12));
        assertThat(m.count("c", "a")).isEqualTo(2);
        assertThat(m.format()).contains("gold\\pred").contains("0.600");
    }

    @Test
    void refusesUnknownOrDuplicateLabels() {
        assertThatThrownBy(() -> example().add("d", "a")).hasMessageContaining("'d'");
        assertThatThrownBy(() -> new ConfusionMatrix(List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class);
    }
}
