package dev.vigie.jobs.sink;

import java.io.Serializable;

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

    /**
     * Bytes this document adds to a {@code _bulk} request (action line and source), used to bound batches. Counted
     * without encoding: the sink asks for it for every document it buffers.
     */
    public long sizeInBytes() {
        return utf8Length(source) + utf8Length(index) + utf8Length(id) + 40L;
    }

    private static long utf8Length(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x800) {
                // three bytes, or four for a surrogate pair: two chars, each counted two beyond its first byte
                bytes += Character.isSurrogate(c) ? 1 : 2;
            } else if (c >= 0x80) {
                bytes += 1;
            }
        }
        return bytes;
    }
}
