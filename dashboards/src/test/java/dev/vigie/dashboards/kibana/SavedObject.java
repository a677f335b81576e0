package dev.vigie.dashboards.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kibana saved object as exported in NDJSON (a data view, a visualization or a dashboard).
 *
 * @param type the saved-object type ({@code index-pattern}, {@code visualization}, {@code dashboard})
 * @param id the readable id, stable across imports so re-importing overwrites
 * @param attributes the type-specific attributes
 * @param references the objects this one points to
 */
public record SavedObject(String type, String id, JsonNode attributes, List<Reference> references) {

    /** Validates and copies. */
    public SavedObject {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("saved object type is missing (id " + id + ")");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("saved object id is missing (type " + type + ")");
        }
        Objects.requireNonNull(attributes, "attributes");
        references = List.copyOf(references);
    }

    /** @return the title attribute, or the id */
    public String title() {
        return attributes.path("title").asText(id);
    }

    /**
     * @param name a reference name such as {@code panel_1}
     * @return the reference with that name
     */
    public Optional<Reference> reference(String name) {
        return references.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * A link from a saved object to another.
     *
     * @param name the name the referencing attribute uses
     * @param type the referenced object's type
     * @param id the referenced object's id
     */
    public record Reference(String name, String type, String id) {
        /** Validates. */
        public Reference {
            if (name == null || type == null || id == null) {
                throw new IllegalArgumentException("incomplete reference " + name + "/" + type + "/" + id);
            }
        }
    }
}
