package dev.vigie.connectors.mention;

import java.io.Serializable;

/**
 * Who wrote a mention. Any part may be unknown ({@code null}): feeds often name nobody, platforms give a handle.
 *
 * @param name display name
 * @param handle platform handle ({@code user@instance}, {@code alice.bsky.social}, {@code u/bob})
 * @param followers the author's reach where the platform gives it (followers, karma), else {@code null}
 */
public record Author(String name, String handle, Long followers) implements Serializable {
    /** An author nobody named. */
    public static final Author UNKNOWN = new Author(null, null, null);

    public Author {
        name = blankToNull(name);
        handle = blankToNull(handle);
        if (followers != null && followers < 0) {
            throw new IllegalArgumentException("followers must not be negative: " + followers);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
