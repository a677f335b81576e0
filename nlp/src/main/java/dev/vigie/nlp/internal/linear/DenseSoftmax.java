package dev.vigie.nlp.internal.linear;

import java.util.Arrays;
import java.util.List;

/**
 * Softmax regression over a handful of dense features, fitted by full-batch gradient descent: the calibrating
 * combiner of several sentiment signals. Immutable once built, hence thread-safe.
 */
public final class DenseSoftmax {

    private final double[][] weights; // [class][1 + feature], index 0 is the bias

    public DenseSoftmax(double[][] weights) {
        if (weights.length < 2) {
            throw new IllegalArgumentException("need at least two classes, got " + weights.length);
        }
        int width = weights[0].length;
        this.weights = new double[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            if (weights[c].length != width || width < 2) {
                throw new IllegalArgumentException("class " + c + " has " + weights[c].length + " weights, expected " + width);
            }
            this.weights[c] = weights[c].clone();
        }
    }

    public int classes() { return weights.length; }
    public int features() { return weights[0].length - 1; }

    public double[] weights(int c) {
        return weights[c].clone();
    }

    public double[] probabilities(double[] x) {
        if (x.length != features()) {
            throw new IllegalArgumentException("expected " + features() + " features, got " + x.length);
        }
        double[] s = new double[weights.length];
        for (int c = 0; c < s.length; c++) {
            double v = weights[c][0];
            for (int j = 0; j < x.length; j++) {
                v += weights[c][j + 1] * x[j];
            }
            s[c] = v;
        }
        LinearModel.softmax(s);
        return s;
    }

    /**
     * Fits on rows {@code x} with classes {@code y} (0-based), each class weighted by {@code classWeights} (pass
     * inverse frequencies to favour macro-F1), with a small L2 penalty.
     */
    public static DenseSoftmax fit(List<double[]> x, int[] y, int classes, double[] classWeights, int iterations) {
        if (x.size() != y.length || x.isEmpty()) {
            throw new IllegalArgumentException("rows and classes differ or are empty: " + x.size() + " vs " + y.length);
        }
        int d = x.get(0).length;
        double[][] w = new double[classes][d + 1];
        double rate = 0.5;
        double l2 = 1e-4;
        for (int it = 0; it < iterations; it++) {
            double[][] g = new double[classes][d + 1];
            double total = 0;
            DenseSoftmax current = new DenseSoftmax(w);
            for (int i = 0; i < y.length; i++) {
                double[] p = current.probabilities(x.get(i));
                double cw = classWeights[y[i]];
                total += cw;
                for (int c = 0; c < classes; c++) {
                    double err = (p[c] - (c == y[i] ? 1 : 0)) * cw;
                    g[c][0] += err;
                    for (int j = 0; j < d; j++) {
                        g[c][j + 1] += err * x.get(i)[j];
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j <= d; j++) {
                    w[c][j] -= rate * (g[c][j] / total + (j > 0 ? l2 * w[c][j] : 0));
                }
            }
        }
        return new DenseSoftmax(w);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(weights);
    }
}
