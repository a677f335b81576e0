package dev.vigie.nlp.internal.linear;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Transformed weight-normalised complement naive Bayes (Rennie, Shih, Teevan and Karger, ICML 2003) over word
 * unigrams and bigrams: log-scaled, IDF-weighted, length-normalised counts; each class is described by the words
 * of the <em>other</em> classes, which keeps small and unbalanced training sets from skewing it. With a few dozen
 * examples per class it beats logistic regression, which needs more data to set its weights. Immutable.
 */
public final class ComplementNaiveBayes {

    /** Additive smoothing of word counts. */
    public static final double ALPHA = 1.0;

    private static final Set<String> STOP_WORDS = stopWords();

    private final List<String> labels;
    private final Map<String, double[]> weights;
    private final Map<String, Double> idf;

    private ComplementNaiveBayes(List<String> labels, Map<String, double[]> weights, Map<String, Double> idf) {
        this.labels = List.copyOf(labels);
        this.weights = weights;
        this.idf = idf;
    }

    public List<String> labels() {
        return labels;
    }

    /** Fits on texts and labels; the label set is the distinct labels in order of first appearance. */
    public static ComplementNaiveBayes train(List<String> texts, List<String> labels) {
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException("texts and labels differ in number: " + texts.size() + " vs " + labels.size());
        }
        List<String> classes = new ArrayList<>(new java.util.LinkedHashSet<>(labels));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("training needs at least two labels, got " + classes);
        }
        int k = classes.size();
        List<Map<String, Double>> docs = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            Map<String, Double> tf = termCounts(text);
            docs.add(tf);
            tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
        }
        int n = texts.size();
        Map<String, Double> idf = new HashMap<>();
        df.forEach((w, d) -> idf.put(w, Math.log((double) (n + 1) / d)));
        Map<String, double[]> complement = new HashMap<>();
        double[] total = new double[k];
        for (int d = 0; d < n; d++) {
            Map<String, Double> v = weigh(docs.get(d), idf);
            int c = classes.indexOf(labels.get(d));
            for (Map.Entry<String, Double> e : v.entrySet()) {
                double[] counts = complement.computeIfAbsent(e.getKey(), x -> new double[k]);
                for (int j = 0; j < k; j++) {
                    if (j != c) {
                        counts[j] += e.getValue();
                        total[j] += e.getValue();
                    }
                }
            }
        }
        int vocabulary = complement.size();
        double[] norm = new double[k];
        Map<String, double[]> weights = new HashMap<>();
        for (Map.Entry<String, double[]> e : complement.entrySet()) {
            double[] w = new double[k];
            for (int j = 0; j < k; j++) {
                w[j] = Math.log((e.getValue()[j] + ALPHA) / (total[j] + ALPHA * vocabulary));
                norm[j] += Math.abs(w[j]);
            }
            weights.put(e.getKey(), w);
        }
        for (double[] w : weights.values()) {
            for (int j = 0; j < k; j++) {
                w[j] /= norm[j];
            }
        }
        return new ComplementNaiveBayes(classes, weights, idf);
    }

    /**
     * Class probabilities in the order of {@link #labels()}: a softmax of the negated complement scores, sharpened
     * so that it spreads like a probability (the raw scores are small numbers after weight normalisation).
     */
    public double[] probabilities(String text) {
        int k = labels.size();
        double[] s = new double[k];
        for (Map.Entry<String, Double> e : weigh(termCounts(text), idf).entrySet()) {
            double[] w = weights.get(e.getKey());
            if (w != null) {
                for (int j = 0; j < k; j++) {
                    s[j] -= e.getValue() * w[j];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            s[j] = Math.exp(SHARPNESS * (s[j] - max));
            sum += s[j];
        }
        for (int j = 0; j < k; j++) {
            s[j] /= sum;
        }
        return s;
    }

    /** Scale of the scores before the softmax of {@link #probabilities}. */
    static final double SHARPNESS = 2000;

    private static Map<String, Double> weigh(Map<String, Double> tf, Map<String, Double> idf) {
        Map<String, Double> v = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Double> e : tf.entrySet()) {
            Double i = idf.get(e.getKey());
            if (i == null) {
                continue;
            }
            double x = Math.log1p(e.getValue()) * i;
            v.put(e.getKey(), x);
            norm += x * x;
        }
        if (norm > 0) {
            double inv = 1 / Math.sqrt(norm);
            v.replaceAll((w, x) -> x * inv);
        }
        return v;
    }

    /** Content words (no stop words, numbers or single letters, final "s" dropped) and their bigrams, counted. */
    static Map<String, Double> termCounts(String text) {
        List<String> words = new ArrayList<>();
        for (String t : TextFeatures.tokens(text)) {
            if (t.length() > 1 && !STOP_WORDS.contains(t) && !t.chars().allMatch(Character::isDigit)
                    && Character.isLetterOrDigit(t.codePointAt(t.length() - 1))) {
                words.add(t.length() > 4 && t.endsWith("s") ? t.substring(0, t.length() - 1) : t);
            }
        }
        Map<String, Double> tf = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            tf.merge(words.get(i), 1.0, Double::sum);
            if (i + 1 < words.size()) {
                tf.merge(words.get(i) + ' ' + words.get(i + 1), 1.0, Double::sum);
            }
        }
        return tf;
    }

    /** Lucene's English and French stop words, folded as {@link TextFeatures#tokens} folds, plus reporting verbs and days. */
    private static Set<String> stopWords() {
        Set<String> out = new HashSet<>();
        for (CharArraySet set : List.of(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, FrenchAnalyzer.getDefaultStopSet())) {
            for (Object w : set) {
                out.add(TextFeatures.normalise(new String((char[]) w)));
            }
        }
        Collection<String> more = List.of("from", "has", "have", "had", "its", "he", "his", "she", "her", "we", "you",
                "i", "who", "which", "been", "were", "would", "could", "can", "also", "after", "about", "more", "than",
                "over", "into", "up", "out", "one", "two", "new", "said", "says", "say", "year", "years", "week", "today",
                "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "quot", "lt",
                "gt", "amp", "http", "https", "www", "com", "rt", "via");
        more.forEach(w -> out.add(TextFeatures.normalise(w)));
        return Set.copyOf(out);
    }
}
