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
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Multinomial logistic regression over {@link TextFeatures} ({@link SparseSoftmax}: AdaGrad, L2 regularisation),
 * deterministic for a given seed, with the text features' settings and the labels, saved to a compact binary file.
 * Once built it is immutable: {@link #probabilities} is safe to call from any number of threads.
 */
public final class LinearModel {

    private static final int MAGIC = 0x56474C4D; // "VGLM"
    private static final int FORMAT = 1;

    private final TextFeatures features;
    private final List<String> labels;
    private final SparseSoftmax softmax;

    private LinearModel(TextFeatures features, List<String> labels, SparseSoftmax softmax) {
        this.features = features;
        this.labels = List.copyOf(labels);
        this.softmax = softmax;
    }

    public List<String> labels() {
        return labels;
    }

    public TextFeatures features() {
        return features;
    }

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
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException(
                    "texts and labels differ in number: " + texts.size() + " vs " + labels.size());
        }
        List<String> classes = new ArrayList<>(new LinkedHashSet<>(labels));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("training needs at least two labels, got " + classes);
        }
        List<TextFeatures.SparseVector> x = new ArrayList<>(texts.size());
        int[] y = new int[texts.size()];
        for (int i = 0; i < y.length; i++) {
            x.add(features.vector(texts.get(i)));
            y[i] = classes.indexOf(labels.get(i));
        }
        SparseSoftmax softmax = SparseSoftmax.fit(
                x,
                y,
                classes.size(),
                features.dimensions(),
                SparseSoftmax.balancedWeights(y, classes.size()),
                settings);
        return new LinearModel(features, classes, softmax);
    }

    /** Probability of each label, in the order of {@link #labels()}. */
    public double[] probabilities(String text) {
        return softmax.probabilities(features.vector(text));
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
        softmax.writeWeights(out);
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
        return new LinearModel(features, labels, SparseSoftmax.readWeights(in, k, features.dimensions()));
    }
}
