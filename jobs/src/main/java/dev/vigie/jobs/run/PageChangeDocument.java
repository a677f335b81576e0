package dev.vigie.jobs.run;

import java.io.Serializable;
import java.util.Objects;

/**
 * A change of a competitor page, ready for {@code vigie-page-changes}.
 *
 * @param id   deterministic id (watch, url and the new snapshot's hash), so a rerun overwrites
 * @param json the document
 */
public record PageChangeDocument(String id, String json) implements Serializable {

    public PageChangeDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
    }
}
