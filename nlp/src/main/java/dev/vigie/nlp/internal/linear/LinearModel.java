package dev.vigie.nlp.internal.linear;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over {@link TextFeatures}, trained with AdaGrad and L2 regularisation. Small
 * enough to write out here (a few dozen lines), deterministic for a given seed, and saved to a compact binary file.
 * Once built it is immutable: {@link #probabilities} is safe to call from any number of threads.
 */
public final class LinearModel {

    private static final int MAGIC = 0x56474C4D; // "VGLM"
    private static final int FORMAT = 1;

    private final TextFeatures features;
    private final List<String> labels;
    private final float[] weights; // [label * dims + feature]
    private final float[] bias;

    private LinearModel(TextFeatures features, List<String> labels, float[] weights, float[] bias) {
        this.features = features;
        this.labels = List.copyOf(labels);
        this.weights = weights;
        this.bias = bias;
    }

    public List<String> labels() { return labels; }
    public TextFeatures features() { return features; }

    /** Settings of {@link #train}. */
    public record Settings(int epochs, double learningRate, double l2, long seed) {
        public static final Settings DEFAULT = new Settings(15, 0.5, 1e-6, 42L);

        public Settings {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be positive: " + epochs);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
            }
            if (!(l2 >= 0)) {
                throw new IllegalArgumentException("l2 must not be negative: " + l2);
            }
        }
    }

    /**
     * Fits a model on texts and their labels; the label set is the distinct labels in order of first appearance.
     * Classes are weighted inversely to their frequency so that a rare class is not ignored.
     */
    public static LinearModel train(TextFeatures features, List<String> texts, List<String> labels, Settings settings) {
        List<String> classes = classes(texts, labels);
        int k = classes.size();
        int dims = features.dimensions();
        TextFeatures.SparseVector[] x = new TextFeatures.SparseVector[texts.size()];
        int[] y = new int[texts.size()];
        int[] perClass = new int[k];
        for (int i = 0; i < x.length; i++) {
            x[i] = features.vector(texts.get(i));
            y[i] = classes.indexOf(labels.get(i));
            perClass[y[i]]++;
        }
        double[] classWeight = new double[k];
        for (int c = 0; c < k; c++) {
            classWeight[c] = (double) x.length / (k * perClass[c]);
        }
        float[] w = new float[k * dims];
        float[] g2 = new float[k * dims];
        float[] b = new float[k];
        float[] gb = new float[k];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            order.add(i);
        }
        Random random = new Random(settings.seed());
        double[] p = new double[k];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                scores(x[i], w, b, dims, p);
                softmax(p);
                int[] idx = x[i].indexes();
                float[] val = x[i].values();
                for (int c = 0; c < k; c++) {
                    double grad = (p[c] - (y[i] == c ? 1 : 0)) * classWeight[y[i]];
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
        return new LinearModel(features, classes, w, b);
    }

    /**
     * The distinct labels in order of first appearance, after checking that there is one per text and at least two.
     *
     * @throws IllegalArgumentException naming the counts or the labels
     */
    static List<String> classes(List<String> texts, List<String> labels) {
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException("texts and labels differ in number: " + texts.size() + " vs " + labels.size());
        }
        List<String> classes = new ArrayList<>(new LinkedHashSet<>(labels));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("training needs at least two labels, got " + classes);
        }
        return classes;
    }

    /** Probability of each label, in the order of {@link #labels()}. */
    public double[] probabilities(String text) {
        double[] p = new double[labels.size()];
        scores(features.vector(text), weights, bias, features.dimensions(), p);
        softmax(p);
        return p;
    }

    private static void scores(TextFeatures.SparseVector v, float[] w, float[] b, int dims, double[] out) {
        int[] idx = v.indexes();
        float[] val = v.values();
        for (int c = 0; c < out.length; c++) {
            double s = b[c];
            int base = c * dims;
            for (int j = 0; j < idx.length; j++) {
                s += w[base + idx[j]] * val[j];
            }
            out[c] = s;
        }
    }

    /** Turns class scores into probabilities, in place (shifted by the maximum so exp cannot overflow). */
    static void softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < s.length; c++) {
            s[c] = Math.exp(s[c] - max);
            sum += s[c];
        }
        for (int c = 0; c < s.length; c++) {
            s[c] /= sum;
        }
    }

    /** Writes the model to a file (a few MB), creating parent folders. */
    public void save(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            write(out);
        }
    }

    private void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(features.bits());
        out.writeInt(features.minChar());
        out.writeInt(features.maxChar());
        out.writeBoolean(features.bigrams());
        out.writeInt(labels.size());
        for (String label : labels) {
            out.writeUTF(label);
        }
        for (float v : bias) {
            out.writeFloat(v);
        }
        for (float v : weights) {
            out.writeFloat(v);
        }
    }

    /** Reads a model written by {@link #save}; refuses a file that is not one, naming it. */
    public static LinearModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    private static LinearModel read(InputStream stream, String name) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Vigie text model: " + name);
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported model format " + format + " in " + name);
        }
        TextFeatures features = new TextFeatures(in.readInt(), in.readInt(), in.readInt(), in.readBoolean());
        int k = in.readInt();
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            labels.add(in.readUTF());
        }
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            bias[c] = in.readFloat();
        }
        float[] weights = new float[k * features.dimensions()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        return new LinearModel(features, labels, weights, bias);
    }
}
