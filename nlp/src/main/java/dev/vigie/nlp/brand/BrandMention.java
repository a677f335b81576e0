package dev.vigie.nlp.brand;

import java.io.Serializable;

/**
 * One place where a text names a brand.
 *
 * @param name the brand's display name
 * @param role brand or competitor
 * @param alias the alias that matched, as configured
 * @param start offset of the first character in the text
 * @param end offset after the last character
 */
public record BrandMention(String name, BrandSpec.Role role, String alias, int start, int end) implements Serializable {

    /** Checks the span. */
    public BrandMention {
        if (name == null || role == null || alias == null) {
            throw new IllegalArgumentException("brand mention needs name, role and alias: " + name);
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad brand mention span [" + start + ", " + end + ") for " + name);
        }
    }
}
