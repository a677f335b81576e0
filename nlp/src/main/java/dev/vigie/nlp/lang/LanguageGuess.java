package dev.vigie.nlp.lang;

import java.io.Serializable;

/**
 * The language given to a text.
 *
 * @param language ISO 639-1 code ({@code fr}, {@code en}...) or {@link LanguageDetector#UNKNOWN}
 * @param probability the detector's probability for that language (0 when unknown; 1 is never claimed for a hint)
 * @param source where the answer comes from
 */
public record LanguageGuess(String language, double probability, Source source) implements Serializable {

    /** Where a language answer comes from. */
    public enum Source {
        /** The n-gram detector was confident enough. */
        DETECTED,
        /** The feed or platform said so, and the text does not contradict it. */
        HINT,
        /** Nobody could tell: too short, or too uncertain. */
        UNKNOWN
    }

    /** Validates the fields. */
    public LanguageGuess {
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
        if (probability < 0 || probability > 1 || Double.isNaN(probability)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
        if (source == null) {
            throw new IllegalArgumentException("source must not be null");
        }
    }

    /** Whether a language was found. */
    public boolean isKnown() {
        return source != Source.UNKNOWN;
    }
}
