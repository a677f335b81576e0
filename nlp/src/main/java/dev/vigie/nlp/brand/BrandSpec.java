package dev.vigie.nlp.brand;

import java.io.Serializable;
import java.util.List;

/**
 * A brand or competitor of a watch and the ways people write it.
 *
 * @param name the display name ({@code Acme}); also matched as an alias
 * @param role the watch's own brand or a competitor
 * @param aliases other spellings: multi-word names ({@code Acme Corp}), handles ({@code @acme}), hashtags
 *     ({@code #acme}), domains ({@code acme.com})
 */
public record BrandSpec(String name, Role role, List<String> aliases) implements Serializable {

    /** Whose name it is. */
    public enum Role {
        /** The watch's own brand. */
        BRAND,
        /** A competitor. */
        COMPETITOR
    }

    /** Requires a name and a role, copies the aliases and refuses blank ones. */
    public BrandSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("brand name must not be blank");
        }
        if (role == null) {
            throw new IllegalArgumentException("brand '" + name + "' needs a role");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        for (String a : aliases) {
            if (a == null || a.isBlank()) {
                throw new IllegalArgumentException("brand '" + name + "' has a blank alias");
            }
        }
    }
}
