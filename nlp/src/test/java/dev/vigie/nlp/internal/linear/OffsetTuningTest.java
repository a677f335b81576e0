package dev.vigie.nlp.internal.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OffsetTuningTest {

    /**
     * A classifier that ranks the rare middle class right but never makes it the most probable: its argmax never
     * answers it (macro-F1 loses a third), tuned offsets do.
     */
    @Test
    void offsetsMakeAnUnderPredictedRareClassAnswered() {
        Random random = new Random(7);
        int n = 3000;
        double[][] p = new double[n][];
        int[] gold = new int[n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            gold[i] = i % 10 == 0 ? 1 : (i % 2 == 0 ? 0 : 2);
            double middle = gold[i] == 1 ? 0.2 + 0.1 * random.nextDouble() : 0.05 + 0.1 * random.nextDouble();
            double side = (1 - middle) * (0.8 + 0.15 * random.nextDouble());
            p[i] = gold[i] == 2
                    ? new double[] {1 - middle - side, middle, side}
                    : gold[i] == 0
                            ? new double[] {side, middle, 1 - middle - side}
                            : new double[] {(1 - middle) / 2, middle, (1 - middle) / 2};
        }
        double before = OffsetTuning.score(logs(p), gold, group, 1, new double[3]);
        double[] offsets = OffsetTuning.tune(p, gold, group);
        double after = OffsetTuning.score(logs(p), gold, group, 1, offsets);
        assertThat(before).isLessThan(0.7);
        assertThat(after).isGreaterThan(0.95);
        assertThat(offsets[1]).isGreaterThan(offsets[0]);
        assertThat(offsets[2]).isZero();
    }

    @Test
    void eachGroupCountsTheSameWhateverItsSize() {
        double[][] p = {{0.6, 0.3, 0.1}, {0.6, 0.3, 0.1}, {0.1, 0.2, 0.7}};
        int[] gold = {0, 0, 2};
        // group 0: two examples, both right; group 1: one example, right: mean of two perfect groups
        assertThat(OffsetTuning.score(logs(p), gold, new int[] {0, 0, 1}, 2, new double[3]))
                .isEqualTo(1.0);
        // the same decisions with group 1 wrong count half whatever the sizes
        int[] wrongGold = {0, 0, 1};
        assertThat(OffsetTuning.score(logs(p), wrongGold, new int[] {0, 0, 1}, 2, new double[3]))
                .isEqualTo(0.5);
    }

    @Test
    void refusesMismatchedInput() {
        assertThatThrownBy(() -> OffsetTuning.tune(new double[][] {{0.5, 0.5, 0}}, new int[] {0, 1}, new int[] {0}))
                .hasMessageContaining("differ");
        assertThatThrownBy(() -> OffsetTuning.tune(new double[][] {{0.5, 0.5}}, new int[] {0}, new int[] {0}))
                .hasMessageContaining("2 classes");
    }

    private static double[][] logs(double[][] p) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = new double[p[i].length];
            for (int c = 0; c < p[i].length; c++) {
                out[i][c] = Math.log(Math.max(p[i][c], 1e-12));
            }
        }
        return out;
    }
}
