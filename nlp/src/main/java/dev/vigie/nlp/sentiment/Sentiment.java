package dev.vigie.nlp.sentiment;

import java.util.Objects;

/**
 * The sentiment of one document: a label and a score in [-1, 1] (negative to positive), as indexed in
 * {@code sentiment.label} and {@code sentiment.score}. {@code method} says which scorer decided, so that an
 * analyst can tell a lexicon guess from a CoreNLP or trained-model decision.
 */
public record Sentiment(SentimentLabel label, double score, Method method) {

    /** Which scorer produced a sentiment. */
    public enum Method {
        /**
         * Without a parser: Vigie's own lexicon and rules (French); for English, the shipped model over the words
         * and the VADER-style lexicon's reading.
         */
        LEXICON,
        /** English: the shipped model over the words, the lexicon's and CoreNLP's readings. */
        CORENLP_COMBINED,
        /** A model trained by the user with {@code train}. */
        TRAINED_MODEL,
        /** No scorer for this language or no text: neutral by default. */
        NONE
    }

    public Sentiment {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(method, "method");
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("sentiment score must be within [-1, 1]: " + score);
        }
    }

    /** Neutral with score 0, for documents without text or in a language Vigie has no scorer for. */
    public static Sentiment none() {
        return new Sentiment(SentimentLabel.NEUTRAL, 0, Method.NONE);
    }
}
