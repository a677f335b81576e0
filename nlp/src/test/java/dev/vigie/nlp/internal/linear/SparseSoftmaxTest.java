package dev.vigie.nlp.internal.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparseSoftmaxTest {

    private static TextFeatures.SparseVector v(int[] idx, float[] val) {
        return new TextFeatures.SparseVector(idx, val);
    }

    /** Three classes, each marked by its own feature, plus a dense feature shared by all. */
    private static SparseSoftmax fitted() {
        List<TextFeatures.SparseVector> x = new ArrayList<>();
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            y[i] = i % 3;
            x.add(v(new int[] {y[i], 9}, new float[] {1f, 0.5f}));
        }
        return SparseSoftmax.fit(
                x, y, 3, 10, SparseSoftmax.balancedWeights(y, 3), new LinearModel.Settings(10, 0.5, 1e-6, 1L));
    }

    @Test
    void learnsWhichFeatureMarksWhichClass() {
        SparseSoftmax model = fitted();
        for (int c = 0; c < 3; c++) {
            double[] p = model.probabilities(v(new int[] {c}, new float[] {1f}));
            assertThat(p[c]).isGreaterThan(0.9);
        }
    }

    @Test
    void batchFitLearnsTheClassesWhateverTheOrderOfTheExamples() {
        List<TextFeatures.SparseVector> x = new ArrayList<>();
        List<TextFeatures.SparseVector> reversed = new ArrayList<>();
        int[] y = new int[30];
        int[] yReversed = new int[30];
        for (int i = 0; i < 30; i++) {
            y[i] = i % 3;
            // each class has its own feature, and a second one shared by two classes
            x.add(v(new int[] {y[i], 3 + (y[i] == 2 ? 1 : 0)}, new float[] {1f, 0.3f + 0.01f * i}));
        }
        for (int i = 0; i < 30; i++) {
            reversed.add(x.get(29 - i));
            yReversed[i] = y[29 - i];
        }
        SparseSoftmax model = SparseSoftmax.fitBatch(x, y, 3, 5, 200, 1.0, 1e-4);
        SparseSoftmax same = SparseSoftmax.fitBatch(reversed, yReversed, 3, 5, 200, 1.0, 1e-4);
        for (int c = 0; c < 3; c++) {
            TextFeatures.SparseVector probe = v(new int[] {c}, new float[] {1f});
            assertThat(model.probabilities(probe)[c]).isGreaterThan(0.8);
            double[] a = model.probabilities(probe);
            double[] b = same.probabilities(probe);
            for (int k = 0; k < 3; k++) {
                assertThat(b[k]).isCloseTo(a[k], within(1e-5));
            }
        }
        assertThatThrownBy(() -> SparseSoftmax.fitBatch(x, new int[] {0}, 3, 5, 10, 1.0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in number");
    }

    @Test
    void fileKeepsTheDecisionsWithWeightsRoundedToSixteenBits() throws IOException {
        SparseSoftmax model = fitted();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(new DataOutputStream(bytes));
        assertThat(bytes.size()).isEqualTo(8 + 3 * 4 + 3 * 10 * 2);
        SparseSoftmax read = SparseSoftmax.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        TextFeatures.SparseVector probe = v(new int[] {1, 9}, new float[] {0.7f, 0.3f});
        assertThat(read.probabilities(probe)).containsExactly(model.rounded().probabilities(probe));
        double[] exact = model.probabilities(probe);
        double[] stored = read.probabilities(probe);
        for (int c = 0; c < 3; c++) {
            assertThat(stored[c]).isCloseTo(exact[c], within(0.01));
        }
    }

    @Test
    void bfloat16KeepsThreeSignificantDigits() {
        for (float f : new float[] {1.2345f, -0.0031416f, 271.82f, 0f}) {
            float back = Float.intBitsToFloat((SparseSoftmax.toBfloat16(f) & 0xFFFF) << 16);
            assertThat(back).isCloseTo(f, within(Math.abs(f) * 0.004f));
        }
    }

    @Test
    void refusesBadInputNamingIt() {
        List<TextFeatures.SparseVector> x = List.of(v(new int[] {0}, new float[] {1f}));
        assertThatThrownBy(
                        () -> SparseSoftmax.fit(x, new int[] {5}, 3, 10, new double[3], LinearModel.Settings.DEFAULT))
                .hasMessageContaining("out of range: 5");
        assertThatThrownBy(() ->
                        SparseSoftmax.fit(x, new int[] {0, 1}, 3, 10, new double[3], LinearModel.Settings.DEFAULT))
                .hasMessageContaining("differ");
        assertThatThrownBy(() -> fitted().scores(v(new int[] {12}, new float[] {1f})))
                .hasMessageContaining("12");
        assertThatThrownBy(() -> SparseSoftmax.read(
                        new DataInputStream(new ByteArrayInputStream(new byte[] {0, 0, 0, 1, 0, 0, 0, 1}))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("1 classes");
    }
}
