package dev.vigie.nlp.internal.linear;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over sparse vectors of a fixed number of dimensions, with AdaGrad steps and L2
 * regularisation: Vigie's one linear learner. It fits two ways: {@link #fit} passes over the examples one at a time
 * (many examples: the hashed text features of {@link LinearModel} and the English sentiment model, whose dense
 * lexicon and CoreNLP features sit after the hashed words), {@link #fitBatch} takes whole-set gradient steps (a few
 * hundred examples: a watch's theme examples, {@link TfidfClassifier}), where the result must not depend on the
 * order of the examples. Deterministic; immutable once built, so {@link #scores} is safe from any number of threads.
 */
public final class SparseSoftmax {

    private final int classes;
    private final int dims;
    private final float[] weights; // [class * dims + feature]
    private final float[] bias;

    private SparseSoftmax(int classes, int dims, float[] weights, float[] bias) {
        this.classes = classes;
        this.dims = dims;
        this.weights = weights;
        this.bias = bias;
    }

    public int classes() {
        return classes;
    }

    public int dimensions() {
        return dims;
    }

    /**
     * Fits on vectors {@code x} (every index below {@code dims}) and classes {@code y} (0 to {@code classes - 1}),
     * each example weighted by {@code classWeights[y]}.
     */
    public static SparseSoftmax fit(
            List<TextFeatures.SparseVector> x,
            int[] y,
            int classes,
            int dims,
            double[] classWeights,
            LinearModel.Settings settings) {
        checkExamples(x, y, classes);
        if (classWeights.length != classes) {
            throw new IllegalArgumentException("expected " + classes + " class weights, got " + classWeights.length);
        }
        float[] w = new float[classes * dims];
        float[] g2 = new float[classes * dims];
        float[] b = new float[classes];
        float[] gb = new float[classes];
        List<Integer> order = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            order.add(i);
        }
        Random random = new Random(settings.seed());
        double[] p = new double[classes];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                TextFeatures.SparseVector v = x.get(i);
                scores(v, w, b, dims, p);
                LinearModel.softmax(p);
                int[] idx = v.indexes();
                float[] val = v.values();
                for (int c = 0; c < classes; c++) {
                    double grad = (p[c] - (y[i] == c ? 1 : 0)) * classWeights[y[i]];
                    if (grad == 0) {
                        continue;
                    }
                    for (int j = 0; j < idx.length; j++) {
                        int at = c * dims + idx[j];
                        double gj = grad * val[j] + settings.l2() * w[at];
                        g2[at] += (float) (gj * gj);
                        w[at] -= (float) (settings.learningRate() * gj / Math.sqrt(g2[at] + 1e-8));
                    }
                    gb[c] += (float) (grad * grad);
                    b[c] -= (float) (settings.learningRate() * grad / Math.sqrt(gb[c] + 1e-8));
                }
            }
        }
        return new SparseSoftmax(classes, dims, w, b);
    }

    /**
     * Fits on vectors {@code x} and classes {@code y} by full-batch AdaGrad: each of {@code iterations} steps follows
     * the mean gradient of all examples, with an L2 penalty {@code l2} on the weights (not the biases). No seed and
     * no shuffling: the same examples in any order give the same model, which few examples need (one-at-a-time
     * steps would make a theme depend on the order of its examples).
     */
    public static SparseSoftmax fitBatch(
            List<TextFeatures.SparseVector> x, int[] y, int classes, int dims, int iterations, double rate, double l2) {
        checkExamples(x, y, classes);
        int n = x.size();
        float[] w = new float[classes * dims];
        float[] b = new float[classes];
        double[] g2 = new double[classes * dims];
        double[] gb2 = new double[classes];
        double[] g = new double[classes * dims];
        double[] gb = new double[classes];
        double[] p = new double[classes];
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(gb, 0);
            for (int i = 0; i < n; i++) {
                TextFeatures.SparseVector v = x.get(i);
                scores(v, w, b, dims, p);
                LinearModel.softmax(p);
                int[] idx = v.indexes();
                float[] val = v.values();
                for (int c = 0; c < classes; c++) {
                    double err = p[c] - (y[i] == c ? 1 : 0);
                    gb[c] += err;
                    int base = c * dims;
                    for (int j = 0; j < idx.length; j++) {
                        g[base + idx[j]] += err * val[j];
                    }
                }
            }
            for (int at = 0; at < g.length; at++) {
                double gj = g[at] / n + l2 * w[at];
                if (gj != 0) {
                    g2[at] += gj * gj;
                    w[at] -= (float) (rate * gj / Math.sqrt(g2[at]));
                }
            }
            for (int c = 0; c < classes; c++) {
                double gj = gb[c] / n;
                if (gj != 0) {
                    gb2[c] += gj * gj;
                    b[c] -= (float) (rate * gj / Math.sqrt(gb2[c]));
                }
            }
        }
        return new SparseSoftmax(classes, dims, w, b);
    }

    private static void checkExamples(List<TextFeatures.SparseVector> x, int[] y, int classes) {
        if (x.size() != y.length || x.isEmpty()) {
            throw new IllegalArgumentException(
                    "vectors and classes differ in number or are empty: " + x.size() + " vs " + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("class of example " + i + " out of range: " + y[i]);
            }
        }
    }

    /** Class weights inverse to each class's frequency in {@code y}, so that a rare class is not ignored. */
    public static double[] balancedWeights(int[] y, int classes) {
        int[] counts = new int[classes];
        for (int c : y) {
            counts[c]++;
        }
        double[] weights = new double[classes];
        for (int c = 0; c < classes; c++) {
            weights[c] = counts[c] == 0 ? 0 : (double) y.length / (classes * counts[c]);
        }
        return weights;
    }

    /** Probability of each class. */
    public double[] probabilities(TextFeatures.SparseVector v) {
        double[] p = scores(v);
        LinearModel.softmax(p);
        return p;
    }

    /** Raw class scores (logits). */
    public double[] scores(TextFeatures.SparseVector v) {
        double[] out = new double[classes];
        scores(v, weights, bias, dims, out);
        return out;
    }

    private static void scores(TextFeatures.SparseVector v, float[] w, float[] b, int dims, double[] out) {
        int[] idx = v.indexes();
        float[] val = v.values();
        for (int c = 0; c < out.length; c++) {
            double s = b[c];
            int base = c * dims;
            for (int j = 0; j < idx.length; j++) {
                if (idx[j] >= dims) {
                    throw new IllegalArgumentException("feature index " + idx[j] + " beyond " + dims + " dimensions");
                }
                s += w[base + idx[j]] * val[j];
            }
            out[c] = s;
        }
    }

    /** Writes the biases then the weights, class by class (the layout {@link LinearModel} files have always had). */
    void writeWeights(DataOutputStream out) throws IOException {
        for (float v : bias) {
            out.writeFloat(v);
        }
        for (float v : weights) {
            out.writeFloat(v);
        }
    }

    static SparseSoftmax readWeights(DataInputStream in, int classes, int dims) throws IOException {
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = in.readFloat();
        }
        float[] weights = new float[classes * dims];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        return new SparseSoftmax(classes, dims, weights, bias);
    }

    /**
     * Writes the model compactly: classes, dimensions, the biases, then each weight rounded to its 16 most
     * significant bits (bfloat16: 8 bits of exponent, 8 of precision, relative error under 0.4 %), which halves
     * the file for no measurable change in the decisions.
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(classes);
        out.writeInt(dims);
        for (float v : bias) {
            out.writeFloat(v);
        }
        for (float v : weights) {
            out.writeShort(toBfloat16(v));
        }
    }

    /** Reads a model written by {@link #write}. */
    public static SparseSoftmax read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int dims = in.readInt();
        if (classes < 2 || classes > 16 || dims < 1 || dims > (1 << 25)) {
            throw new IOException("not a sparse softmax model: " + classes + " classes, " + dims + " dimensions");
        }
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = in.readFloat();
        }
        float[] weights = new float[classes * dims];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Float.intBitsToFloat((in.readShort() & 0xFFFF) << 16);
        }
        return new SparseSoftmax(classes, dims, weights, bias);
    }

    /** The upper 16 bits of a float, rounded to nearest even. */
    static short toBfloat16(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isNaN(v)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    /** The model with every weight rounded as {@link #write} stores it, for comparing a model with its file. */
    public SparseSoftmax rounded() {
        float[] w = new float[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Float.intBitsToFloat((toBfloat16(weights[i]) & 0xFFFF) << 16);
        }
        return new SparseSoftmax(classes, dims, w, bias.clone());
    }
}
