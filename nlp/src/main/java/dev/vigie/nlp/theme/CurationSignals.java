package dev.vigie.nlp.theme;

/**
 * What the curation score reads of one item.
 *
 * @param relevance    relevance to the watch in [0, 1] (see {@link CurationScorer#relevance})
 * @param textLength   characters of title and text
 * @param sourceType   the {@code source.type} of the item ({@code feed}, {@code page}, {@code hackernews},
 *                     {@code reddit}, {@code mastodon}, {@code bluesky}, or another)
 * @param likes        likes, favourites or up-votes, 0 when unknown
 * @param shares       shares, boosts or reposts, 0 when unknown
 * @param comments     comments or replies, 0 when unknown
 * @param storySources how many distinct sources carry the item's story (1 when alone)
 */
public record CurationSignals(
        double relevance, int textLength, String sourceType, long likes, long shares, long comments, int storySources) {
    public CurationSignals {
        if (!(relevance >= 0 && relevance <= 1)) {
            throw new IllegalArgumentException("relevance must be within [0, 1]: " + relevance);
        }
        if (textLength < 0) {
            throw new IllegalArgumentException("text length must not be negative: " + textLength);
        }
        if (likes < 0 || shares < 0 || comments < 0) {
            throw new IllegalArgumentException("engagement counts must not be negative: likes " + likes + ", shares "
                    + shares + ", comments " + comments);
        }
        if (storySources < 1) {
            throw new IllegalArgumentException("story sources must be at least 1: " + storySources);
        }
        sourceType = sourceType == null ? "" : sourceType;
    }
}
