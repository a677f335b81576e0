package dev.vigie.nlp.sentiment;

/** Scores the sentiment of a text in one language. Implementations are immutable and thread-safe. */
@FunctionalInterface
public interface SentimentScorer {

    /** The sentiment of {@code text}; never null, neutral for blank text. */
    Sentiment score(String text);
}
