package dev.vigie.nlp.internal.linear;

import dev.vigie.nlp.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Text classification for small training sets (a watch's few examples per theme): each text is its content words
 * and word pairs, TF-IDF weighted with sublinear counts and L2-normalised, followed by the normalised average of its
 * words' {@link WordVectors}, classified by a {@link SparseSoftmax} fitted by full-batch AdaGrad with an L2 penalty.
 * The words learn what the examples say; the word vectors carry what they do not (a test item whose words no example
 * used still lands near the examples of its topic). Deterministic, no seed. Immutable once trained, hence
 * thread-safe.
 */
public final class TfidfClassifier {

    /** Passes over the training set. */
    static final int ITERATIONS = 200;
    /** L2 penalty on the weights (not on the biases). */
    static final double L2 = 1e-4;
    /** AdaGrad's base step. */
    static final double RATE = 1.0;

    private final List<String> labels;
    private final Features features;
    private final SparseSoftmax softmax;

    private TfidfClassifier(List<String> labels, Features features, SparseSoftmax softmax) {
        this.labels = List.copyOf(labels);
        this.features = features;
        this.softmax = softmax;
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * Fits on texts and labels; the label set is the distinct labels in order of first appearance.
     *
     * @param vectors word vectors to add to the words ({@link WordVectors#NONE} for words alone)
     */
    public static TfidfClassifier train(List<String> texts, List<String> labels, WordVectors vectors) {
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException(
                    "texts and labels differ in number: " + texts.size() + " vs " + labels.size());
        }
        List<String> classes = new ArrayList<>(new LinkedHashSet<>(labels));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("training needs at least two labels, got " + classes);
        }
        int n = texts.size();
        List<List<String>> words = new ArrayList<>(n);
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            List<String> w = TextFeatures.contentWords(text);
            words.add(w);
            termCounts(w).keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        double[] idf = new double[df.size()];
        df.forEach((term, d) -> {
            int at = vocabulary.size();
            vocabulary.put(term, at);
            idf[at] = Math.log((n + 1.0) / (d + 1.0)) + 1;
        });
        Features features = new Features(vocabulary, idf, vectors);
        List<TextFeatures.SparseVector> x = new ArrayList<>(n);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x.add(features.row(words.get(i)));
            y[i] = classes.indexOf(labels.get(i));
        }
        SparseSoftmax softmax =
                SparseSoftmax.fitBatch(x, y, classes.size(), features.dimensions(), ITERATIONS, RATE, L2);
        return new TfidfClassifier(classes, features, softmax);
    }

    /** Class probabilities in the order of {@link #labels()}. */
    public double[] probabilities(String text) {
        return probabilities(TextFeatures.contentWords(text));
    }

    /** Class probabilities of a text given as its {@link TextFeatures#contentWords}, in the order of {@link #labels()}. */
    public double[] probabilities(List<String> contentWords) {
        return softmax.probabilities(features.row(contentWords));
    }

    /** The training set's terms with their IDF, then the dimensions of the word vectors. */
    private record Features(Map<String, Integer> vocabulary, double[] idf, WordVectors vectors) {

        int dimensions() {
            return vocabulary.size() + vectors.dimensions();
        }

        /** Known terms TF-IDF weighted and L2-normalised, then the L2-normalised sum of the words' vectors. */
        TextFeatures.SparseVector row(List<String> words) {
            Map<String, Double> tf = termCounts(words);
            int dims = vectors.dimensions();
            int[] idx = new int[tf.size() + dims];
            float[] val = new float[tf.size() + dims];
            int m = 0;
            for (Map.Entry<String, Double> e : tf.entrySet()) {
                Integer at = vocabulary.get(e.getKey());
                if (at != null) {
                    idx[m] = at;
                    val[m] = (float) ((1 + Math.log(e.getValue())) * idf[at]);
                    m++;
                }
            }
            normalise(val, 0, m);
            if (dims > 0) {
                double[] sum = new double[dims];
                for (String word : words) {
                    vectors.addTo(word, sum);
                }
                for (int j = 0; j < dims; j++) {
                    idx[m + j] = vocabulary.size() + j;
                    val[m + j] = (float) sum[j];
                }
                normalise(val, m, m + dims);
                m += dims;
            }
            return new TextFeatures.SparseVector(Arrays.copyOf(idx, m), Arrays.copyOf(val, m));
        }

        private static void normalise(float[] val, int from, int to) {
            double squared = 0;
            for (int j = from; j < to; j++) {
                squared += val[j] * val[j];
            }
            if (squared > 0) {
                double inv = 1 / Math.sqrt(squared);
                for (int j = from; j < to; j++) {
                    val[j] *= (float) inv;
                }
            }
        }
    }

    /** Stemmed words ({@link TextNormalizer#stem}) and pairs of consecutive stemmed words, counted. */
    static Map<String, Double> termCounts(List<String> words) {
        Map<String, Double> tf = new HashMap<>();
        String previous = null;
        for (String word : words) {
            String stem = TextNormalizer.stem(word);
            tf.merge(stem, 1.0, Double::sum);
            if (previous != null) {
                tf.merge(previous + ' ' + stem, 1.0, Double::sum);
            }
            previous = stem;
        }
        return tf;
    }
}
