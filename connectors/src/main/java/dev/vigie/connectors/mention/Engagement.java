package dev.vigie.connectors.mention;

import java.io.Serializable;

/**
 * Public reactions to a mention, where the platform counts them; {@code null} means "not known", not zero.
 *
 * @param likes favourites / likes
 * @param shares boosts / reposts / quotes
 * @param comments replies / comments
 * @param score the platform's own score (Reddit, Hacker News points)
 */
public record Engagement(Long likes, Long shares, Long comments, Long score) implements Serializable {
    /** Nothing known, as for feed entries. */
    public static final Engagement NONE = new Engagement(null, null, null, null);

    public Engagement {
        check("likes", likes);
        check("shares", shares);
        check("comments", comments);
    }

    private static void check(String name, Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
