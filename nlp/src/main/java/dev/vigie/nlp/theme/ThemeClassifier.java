package dev.vigie.nlp.theme;

import dev.vigie.nlp.internal.linear.TextFeatures;
import dev.vigie.nlp.internal.linear.TfidfClassifier;
import dev.vigie.nlp.internal.linear.WordVectors;
import dev.vigie.nlp.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts items into a watch's themes from the few examples and keywords an analyst wrote. Two questions are
 * answered separately, because a watch's themes never cover everything collected:
 * <ol>
 *   <li>which theme fits best: logistic regression over TF-IDF weighted words and word pairs plus the average of
 *       the words' pre-trained English word vectors, trained on the examples and keywords (the keywords count as
 *       short examples); the word vectors let ten examples per theme reach about 80 % on a news benchmark where
 *       words alone stay near 60 %, because they place words no example used near those it did (docs/evaluation.md, "Themes");
 *       with a single theme it is that theme;</li>
 *   <li>whether the item is on a theme at all: a keyword of the theme occurs in it (whole words, accents and case
 *       ignored, a final "s" too), or the cosine similarity of its content words (stemmed, stop words left out, so
 *       that "the" and "has" shared with an example are no evidence) to the theme's examples reaches
 *       {@link #FULL_SIMILARITY}.</li>
 * </ol>
 * The score of a theme is the product of the two, {@code p(theme) x min(1, evidence)}, where evidence is 1 for a
 * keyword and {@code similarity / FULL_SIMILARITY} otherwise. {@link #classify} keeps themes scoring at least
 * {@code minScore}. Immutable and thread-safe; training takes milliseconds for a watch's few dozen examples (the
 * word vectors are read once per JVM, in about a second), so build one per watch in {@code open()}.
 */
public final class ThemeClassifier {

    /**
     * Default of {@link #classify}'s threshold on a theme score, chosen by {@code Evaluate --sets themes} on half of
     * AG News so that a watch with 50 examples per theme gets a theme on about 80 % of items at about 88 % precision
     * (0.35 before: under half the items themed).
     */
    public static final double DEFAULT_MIN_SCORE = 0.15;
    /** Cosine similarity to a theme's examples that counts as full evidence of being on the theme. */
    public static final double FULL_SIMILARITY = 0.25;

    private final List<Theme> themes;
    private final TfidfClassifier model; // null with a single theme
    private final List<List<List<String>>> keywords; // per theme, per keyword, its tokens
    private final List<Map<String, Double>> centroids;
    private final double minScore;

    private ThemeClassifier(List<Theme> themes, TfidfClassifier model, double minScore) {
        this.themes = List.copyOf(themes);
        this.model = model;
        this.minScore = minScore;
        this.keywords = new ArrayList<>();
        this.centroids = new ArrayList<>();
        for (Theme theme : themes) {
            List<List<String>> kw = new ArrayList<>();
            for (String k : theme.keywords()) {
                List<String> tokens = stems(TextFeatures.tokens(k));
                if (!tokens.isEmpty()) {
                    kw.add(tokens);
                }
            }
            keywords.add(kw);
            Map<String, Double> centroid = new HashMap<>();
            for (String example : theme.examples()) {
                contentVector(TextFeatures.contentWords(TextFeatures.tokens(example)))
                        .forEach((word, x) -> centroid.merge(word, x, Double::sum));
            }
            normalise(centroid);
            centroids.add(centroid);
        }
    }

    /** Trains on the themes' examples and keywords, with {@link #DEFAULT_MIN_SCORE}. */
    public static ThemeClassifier train(List<Theme> themes) {
        return train(themes, DEFAULT_MIN_SCORE);
    }

    /**
     * Trains on the themes' examples and keywords.
     *
     * @throws IllegalArgumentException when there is no theme, two share an id, or minScore is outside [0, 1]
     */
    public static ThemeClassifier train(List<Theme> themes, double minScore) {
        if (themes == null || themes.isEmpty()) {
            throw new IllegalArgumentException("a theme classifier needs at least one theme");
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minimum theme score must be within [0, 1]: " + minScore);
        }
        List<String> ids = themes.stream().map(Theme::id).toList();
        if (ids.stream().distinct().count() != ids.size()) {
            throw new IllegalArgumentException("theme ids must be distinct: " + ids);
        }
        TfidfClassifier model = null;
        if (themes.size() > 1) {
            List<String> texts = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (Theme theme : themes) {
                for (String text : theme.examples()) {
                    texts.add(text);
                    labels.add(theme.id());
                }
                for (String keyword : theme.keywords()) {
                    texts.add(keyword);
                    labels.add(theme.id());
                }
            }
            model = TfidfClassifier.train(texts, labels, WordVectors.english());
        }
        return new ThemeClassifier(themes, model, minScore);
    }

    public List<Theme> themes() {
        return themes;
    }

    /** Every theme with its score for this text, best first (no threshold). */
    public List<ThemeMatch> scores(String text) {
        List<ThemeMatch> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        List<String> all = TextFeatures.tokens(text);
        List<String> content = TextFeatures.contentWords(all);
        double[] p = probabilities(content);
        List<String> tokens = stems(all);
        Map<String, Double> v = contentVector(content);
        for (int t = 0; t < themes.size(); t++) {
            boolean keyword = containsKeyword(tokens, keywords.get(t));
            double evidence = keyword ? 1 : Math.min(1, cosine(v, centroids.get(t)) / FULL_SIMILARITY);
            out.add(new ThemeMatch(themes.get(t).id(), Math.min(1, p[t] * evidence), keyword));
        }
        out.sort(Comparator.comparingDouble(ThemeMatch::score).reversed());
        return out;
    }

    /** The themes this text is on (score at least the minimum), best first; often none. */
    public List<ThemeMatch> classify(String text) {
        return scores(text).stream().filter(m -> m.score() >= minScore).toList();
    }

    /** The single most likely theme, ignoring whether the text is on any theme (closed-set classification). */
    public String best(String text) {
        double[] p = probabilities(TextFeatures.contentWords(TextFeatures.tokens(text == null ? "" : text)));
        int best = 0;
        for (int t = 1; t < p.length; t++) {
            if (p[t] > p[best]) {
                best = t;
            }
        }
        return themes.get(best).id();
    }

    private double[] probabilities(List<String> contentWords) {
        if (model == null) {
            return new double[] {1};
        }
        double[] raw = model.probabilities(contentWords);
        double[] p = new double[themes.size()];
        List<String> labels = model.labels();
        for (int c = 0; c < raw.length; c++) {
            p[indexOf(labels.get(c))] = raw[c];
        }
        return p;
    }

    private int indexOf(String id) {
        for (int t = 0; t < themes.size(); t++) {
            if (themes.get(t).id().equals(id)) {
                return t;
            }
        }
        throw new IllegalStateException("unknown theme " + id);
    }

    private static double cosine(Map<String, Double> v, Map<String, Double> centroid) {
        double dot = 0;
        for (Map.Entry<String, Double> e : v.entrySet()) {
            dot += e.getValue() * centroid.getOrDefault(e.getKey(), 0.0);
        }
        return dot;
    }

    /** Stemmed content words with sublinear counts, L2-normalised. */
    private static Map<String, Double> contentVector(List<String> contentWords) {
        Map<String, Double> v = new HashMap<>();
        for (String word : contentWords) {
            v.merge(TextNormalizer.stem(word), 1.0, Double::sum);
        }
        v.replaceAll((word, count) -> 1 + Math.log(count));
        normalise(v);
        return v;
    }

    private static void normalise(Map<String, Double> v) {
        double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
        if (norm > 0) {
            v.replaceAll((word, x) -> x / norm);
        }
    }

    private static boolean containsKeyword(List<String> tokens, List<List<String>> keywords) {
        for (List<String> keyword : keywords) {
            for (int i = 0; i + keyword.size() <= tokens.size(); i++) {
                if (tokens.subList(i, i + keyword.size()).equals(keyword)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Drops a final "s" or "x" of longer words so that singular and plural meet (French and English alike). */
    private static List<String> stems(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            if (t.startsWith("#") || t.startsWith("@")) {
                t = t.substring(1);
            }
            out.add(t.length() > 3 && (t.endsWith("s") || t.endsWith("x")) ? t.substring(0, t.length() - 1) : t);
        }
        return out;
    }
}
