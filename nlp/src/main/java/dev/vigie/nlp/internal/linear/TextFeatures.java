package dev.vigie.nlp.internal.linear;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * Turns a text into a sparse, L2-normalised vector of hashed features: word unigrams and bigrams and character
 * n-grams inside words. Hashing keeps the model a fixed size whatever the vocabulary, and character n-grams make
 * it robust to the misspellings, missing accents and inflections of social text. Immutable and thread-safe.
 */
public final class TextFeatures {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern ELISION = Pattern.compile("\\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]");

    private static final Set<String> STOP_WORDS = stopWords();

    private final int bits;
    private final int minChar;
    private final int maxChar;
    private final boolean bigrams;

    /**
     * @param bits     log2 of the number of hashed dimensions, 10 to 24
     * @param minChar  smallest character n-gram, or 0 for no character n-grams
     * @param maxChar  largest character n-gram
     * @param bigrams  whether word bigrams are features
     */
    public TextFeatures(int bits, int minChar, int maxChar, boolean bigrams) {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("bits must be within 10..24: " + bits);
        }
        if (minChar < 0 || (minChar > 0 && (minChar > maxChar || maxChar > 8))) {
            throw new IllegalArgumentException(
                    "character n-gram range must be 0 or within 1..8: " + minChar + ".." + maxChar);
        }
        this.bits = bits;
        this.minChar = minChar;
        this.maxChar = maxChar;
        this.bigrams = bigrams;
    }

    public int bits() {
        return bits;
    }

    public int minChar() {
        return minChar;
    }

    public int maxChar() {
        return maxChar;
    }

    public boolean bigrams() {
        return bigrams;
    }

    public int dimensions() {
        return 1 << bits;
    }

    /** Lower-cases, folds accents and drops French elided articles and pronouns ({@code l'}, {@code qu'}). */
    public static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        lower = ELISION.matcher(lower).replaceAll("");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * Words of the text after {@link #normalise}: runs of letters and digits, keeping a leading {@code #} or
     * {@code @}; every other symbol that is not punctuation or space (emoji) is a token of its own.
     */
    public static List<String> tokens(String text) {
        String s = normalise(text);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)
                    || ((cp == '#' || cp == '@') && i + 1 < n && Character.isLetterOrDigit(s.codePointAt(i + 1)))) {
                int start = i;
                i += Character.charCount(cp);
                while (i < n) {
                    int c = s.codePointAt(i);
                    if (!Character.isLetterOrDigit(c) && c != '_') {
                        break;
                    }
                    i += Character.charCount(c);
                }
                out.add(s.substring(start, i));
            } else {
                int type = Character.getType(cp);
                if (type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL) {
                    out.add(new String(Character.toChars(cp)));
                } else if (cp == '!' || cp == '?') {
                    out.add(String.valueOf((char) cp));
                }
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    /** Words of the text as {@link #tokens} gives them, without stop words, numbers or single letters. */
    public static List<String> contentWords(String text) {
        return contentWords(tokens(text));
    }

    /** The tokens ({@link #tokens}) that are content words: no stop words, numbers or single letters. */
    public static List<String> contentWords(List<String> tokens) {
        List<String> words = new ArrayList<>();
        for (String t : tokens) {
            if (t.length() > 1
                    && !STOP_WORDS.contains(t)
                    && !t.chars().allMatch(Character::isDigit)
                    && Character.isLetterOrDigit(t.codePointAt(t.length() - 1))) {
                words.add(t);
            }
        }
        return words;
    }

    /** Lucene's English and French stop words, folded as {@link #tokens} folds, plus reporting verbs and days. */
    private static Set<String> stopWords() {
        Set<String> out = new HashSet<>();
        for (CharArraySet set : List.of(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, FrenchAnalyzer.getDefaultStopSet())) {
            for (Object w : set) {
                out.add(normalise(new String((char[]) w)));
            }
        }
        Collection<String> more = List.of(
                "from",
                "has",
                "have",
                "had",
                "its",
                "he",
                "his",
                "she",
                "her",
                "we",
                "you",
                "i",
                "who",
                "which",
                "been",
                "were",
                "would",
                "could",
                "can",
                "also",
                "after",
                "about",
                "more",
                "than",
                "over",
                "into",
                "up",
                "out",
                "one",
                "two",
                "new",
                "said",
                "says",
                "say",
                "year",
                "years",
                "week",
                "today",
                "yesterday",
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
                "quot",
                "lt",
                "gt",
                "amp",
                "http",
                "https",
                "www",
                "com",
                "rt",
                "via");
        more.forEach(w -> out.add(normalise(w)));
        return Set.copyOf(out);
    }

    /** The features of a text, L2-normalised, with log-scaled counts. */
    public SparseVector vector(String text) {
        List<String> words = tokens(text);
        Map<Integer, Float> counts = new HashMap<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            add(counts, "w" + word);
            if (bigrams && w + 1 < words.size()) {
                add(counts, "b" + word + ' ' + words.get(w + 1));
            }
            if (minChar > 0 && word.length() > 1) {
                String padded = '<' + word + '>';
                for (int len = minChar; len <= maxChar; len++) {
                    for (int k = 0; k + len <= padded.length(); k++) {
                        add(counts, "c" + padded.substring(k, k + len));
                    }
                }
            }
        }
        int[] idx = new int[counts.size()];
        float[] val = new float[counts.size()];
        int k = 0;
        double norm = 0;
        for (Map.Entry<Integer, Float> e : counts.entrySet()) {
            idx[k] = e.getKey();
            val[k] = (float) (1 + Math.log(e.getValue()));
            norm += val[k] * val[k];
            k++;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < val.length; j++) {
                val[j] *= inv;
            }
        }
        return new SparseVector(idx, val);
    }

    private void add(Map<Integer, Float> counts, String feature) {
        int h = feature.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        counts.merge(h & ((1 << bits) - 1), 1f, Float::sum);
    }

    /** A sparse vector: parallel arrays of dimension indexes and values. */
    public record SparseVector(int[] indexes, float[] values) {
        public SparseVector {
            if (indexes.length != values.length) {
                throw new IllegalArgumentException(
                        "indexes and values differ in length: " + indexes.length + " vs " + values.length);
            }
            indexes = Arrays.copyOf(indexes, indexes.length);
            values = Arrays.copyOf(values, values.length);
        }
    }
}
