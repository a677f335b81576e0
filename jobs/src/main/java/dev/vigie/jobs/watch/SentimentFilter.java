package dev.vigie.jobs.watch;

import java.util.Locale;

/** The optional sentiment filter of an alert rule; {@link #ANY} when the rule does not filter on sentiment. */
public enum SentimentFilter {
    ANY,
    POSITIVE,
    NEUTRAL,
    NEGATIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a mention with this sentiment label ({@code positive}, {@code neutral}, {@code negative}) passes. */
    public boolean accepts(String label) {
        return this == ANY || code().equalsIgnoreCase(label);
    }
}
