package dev.vigie.nlp.theme;

/**
 * A theme an item belongs to, with a score in [0, 1]: the classifier's probability for the theme times the
 * evidence that the item is on any theme at all (a keyword, or closeness to the theme's examples).
 */
public record ThemeMatch(String id, double score, boolean keyword) {
    public ThemeMatch {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("theme id must not be blank: '" + id + "'");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("theme score must be within [0, 1]: " + score);
        }
    }
}
