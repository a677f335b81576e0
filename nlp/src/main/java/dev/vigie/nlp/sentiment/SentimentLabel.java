package dev.vigie.nlp.sentiment;

import java.util.Locale;

/** The three classes Vigie reports, as stored in Elasticsearch ({@code sentiment.label}). */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    /** The lower-case name used in indexes, watch files and TSV training files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a label as analysts write it: {@code positive}/{@code neutral}/{@code negative} in any case, their
     * short forms, French {@code positif}/{@code neutre}/{@code négatif}, or the numbers {@code -1}, {@code 0},
     * {@code 1}. TweetEval's {@code 0/1/2} convention is refused on purpose: its {@code 0} and {@code 1} would be
     * read as neutral and positive.
     *
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    public static SentimentLabel parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "positive", "pos", "p", "positif", "+", "1" -> POSITIVE;
            case "neutral", "neu", "neutre", "0" -> NEUTRAL;
            case "negative", "neg", "n", "négatif", "negatif", "-", "-1" -> NEGATIVE;
            default ->
                throw new IllegalArgumentException(
                        "unknown sentiment label '" + value + "': expected positive, neutral, negative (or -1, 0, 1)");
        };
    }

    /** The label of a score in [-1, 1] with VADER's convention: above {@code threshold} positive, below minus it negative. */
    public static SentimentLabel ofScore(double score, double threshold) {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("threshold must not be negative: " + threshold);
        }
        return score > threshold ? POSITIVE : score < -threshold ? NEGATIVE : NEUTRAL;
    }
}
