package dev.vigie.nlp.text;

/**
 * One token of a text, as cut by {@link TextNormalizer#tokenize(String)}.
 *
 * <p>{@code start} and {@code end} are character offsets into the original text (end exclusive), so a caller can
 * highlight the surface form; {@code normalized} is the folded form used for matching (lower case, no accents, no
 * French elision, {@code #} or {@code @} kept for hashtags and handles).
 *
 * @param surface the characters of the original text, {@code text.substring(start, end)}
 * @param normalized the folded form (see {@link TextNormalizer#fold(String)})
 * @param start offset of the first character in the original text
 * @param end offset after the last character in the original text
 * @param kind what sort of token this is
 */
public record Token(String surface, String normalized, int start, int end, Kind kind) {

    /** Kinds of tokens: matching rules differ for hashtags and handles. */
    public enum Kind {
        /** A run of letters (may contain digits, an inner apostrophe or underscore). */
        WORD,
        /** Digits only. */
        NUMBER,
        /** {@code #word}: normalized form keeps the {@code #}. */
        HASHTAG,
        /** {@code @name}: normalized form keeps the {@code @}. */
        MENTION
    }

    /** Checks offsets and that both forms are present. */
    public Token {
        if (surface == null || surface.isEmpty()) {
            throw new IllegalArgumentException("token surface must not be empty: " + surface);
        }
        if (normalized == null || normalized.isEmpty()) {
            throw new IllegalArgumentException("normalized token must not be empty for '" + surface + "'");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token offsets [" + start + ", " + end + ") for '" + surface + "'");
        }
        if (kind == null) {
            throw new IllegalArgumentException("token kind must not be null for '" + surface + "'");
        }
    }

    /**
     * The normalized form without the leading {@code #} or {@code @} of hashtags and handles, so that a plain word
     * query ({@code acme}) also finds {@code #acme} and {@code @acme}.
     */
    public String bare() {
        return kind == Kind.HASHTAG || kind == Kind.MENTION ? normalized.substring(1) : normalized;
    }
}
