package dev.vigie.jobs.sink;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * One document to write: the target index, its deterministic id (so that a rerun overwrites instead of duplicating)
 * and its JSON source.
 *
 * @param index  the index (or alias) to write to, never blank
 * @param id     the document id, never blank
 * @param source the document as a JSON object
 */
public record EsDocument(String index, String id, String source) implements Serializable {

    public EsDocument {
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException("index must not be blank, was '" + index + "'");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank, was '" + id + "' (index " + index + ")");
        }
        if (source == null || !source.stripLeading().startsWith("{")) {
            throw new IllegalArgumentException("source of " + index + "/" + id + " must be a JSON object");
        }
    }

    /** Bytes this document adds to a {@code _bulk} request (action line and source), used to bound batches. */
    public long sizeInBytes() {
        return source.getBytes(StandardCharsets.UTF_8).length + index.length() + id.length() + 40L;
    }
}
