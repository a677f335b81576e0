package dev.vigie.nlp.internal.linear;

import dev.vigie.nlp.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multinomial logistic regression for small training sets (a watch's few examples per theme): each text is its
 * content words and word pairs, TF-IDF weighted with sublinear counts and L2-normalised, followed by the normalised
 * average of its words' {@link WordVectors}. The words learn what the examples say; the word vectors carry what
 * they do not (a test item whose words no example used still lands near the examples of its topic). Fitted by
 * full-batch AdaGrad with an L2 penalty: deterministic, no seed. Immutable once trained, hence thread-safe.
 */
public final class SparseSoftmax {

    /** Passes over the training set. */
    static final int ITERATIONS = 200;
    /** L2 penalty on the weights (not on the biases). */
    static final double L2 = 1e-4;
    /** AdaGrad's base step. */
    static final double RATE = 1.0;

    private final List<String> labels;
    private final Features features;
    private final double[][] weights; // [class][term, then vector dimension]
    private final double[] bias;

    private SparseSoftmax(List<String> labels, Features features, double[][] weights, double[] bias) {
        this.labels = List.copyOf(labels);
        this.features = features;
        this.weights = weights;
        this.bias = bias;
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * Fits on texts and labels; the label set is the distinct labels in order of first appearance.
     *
     * @param vectors word vectors to add to the words ({@link WordVectors#NONE} for words alone)
     */
    public static SparseSoftmax train(List<String> texts, List<String> labels, WordVectors vectors) {
        List<String> classes = LinearModel.classes(texts, labels);
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
        Row[] x = new Row[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = features.row(words.get(i));
            y[i] = classes.indexOf(labels.get(i));
        }
        int k = classes.size();
        int d = features.dimensions();
        double[][] w = new double[k][d];
        double[] b = new double[k];
        double[][] g2 = new double[k][d];
        double[] gb2 = new double[k];
        double[] p = new double[k];
        for (int it = 0; it < ITERATIONS; it++) {
            double[][] g = new double[k][d];
            double[] gb = new double[k];
            for (int i = 0; i < n; i++) {
                scores(x[i], w, b, p);
                LinearModel.softmax(p);
                for (int c = 0; c < k; c++) {
                    double err = p[c] - (y[i] == c ? 1 : 0);
                    gb[c] += err;
                    for (int j = 0; j < x[i].indexes.length; j++) {
                        g[c][x[i].indexes[j]] += err * x[i].values[j];
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    double gj = g[c][j] / n + L2 * w[c][j];
                    if (gj != 0) {
                        g2[c][j] += gj * gj;
                        w[c][j] -= RATE * gj / Math.sqrt(g2[c][j]);
                    }
                }
                double gj = gb[c] / n;
                if (gj != 0) {
                    gb2[c] += gj * gj;
                    b[c] -= RATE * gj / Math.sqrt(gb2[c]);
                }
            }
        }
        return new SparseSoftmax(classes, features, w, b);
    }

    /** Class probabilities in the order of {@link #labels()}. */
    public double[] probabilities(String text) {
        return probabilities(TextFeatures.contentWords(text));
    }

    /** Class probabilities of a text given as its {@link TextFeatures#contentWords}, in the order of {@link #labels()}. */
    public double[] probabilities(List<String> contentWords) {
        double[] p = new double[labels.size()];
        scores(features.row(contentWords), weights, bias, p);
        LinearModel.softmax(p);
        return p;
    }

    private static void scores(Row x, double[][] w, double[] b, double[] out) {
        for (int c = 0; c < out.length; c++) {
            double s = b[c];
            for (int j = 0; j < x.indexes.length; j++) {
                s += w[c][x.indexes[j]] * x.values[j];
            }
            out[c] = s;
        }
    }

    /** One text's features: parallel arrays of feature indexes and values. */
    private record Row(int[] indexes, double[] values) {
    }

    /** The training set's terms with their IDF, then the dimensions of the word vectors. */
    private record Features(Map<String, Integer> vocabulary, double[] idf, WordVectors vectors) {

        int dimensions() {
            return vocabulary.size() + vectors.dimensions();
        }

        /** Known terms TF-IDF weighted and L2-normalised, then the L2-normalised sum of the words' vectors. */
        Row row(List<String> words) {
            Map<String, Double> tf = termCounts(words);
            int dims = vectors.dimensions();
            int[] idx = new int[tf.size() + dims];
            double[] val = new double[tf.size() + dims];
            int m = 0;
            for (Map.Entry<String, Double> e : tf.entrySet()) {
                Integer at = vocabulary.get(e.getKey());
                if (at != null) {
                    idx[m] = at;
                    val[m] = (1 + Math.log(e.getValue())) * idf[at];
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
                    val[m + j] = sum[j];
                }
                normalise(val, m, m + dims);
                m += dims;
            }
            return new Row(Arrays.copyOf(idx, m), Arrays.copyOf(val, m));
        }

        private static void normalise(double[] val, int from, int to) {
            double squared = 0;
            for (int j = from; j < to; j++) {
                squared += val[j] * val[j];
            }
            if (squared > 0) {
                double inv = 1 / Math.sqrt(squared);
                for (int j = from; j < to; j++) {
                    val[j] *= inv;
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
