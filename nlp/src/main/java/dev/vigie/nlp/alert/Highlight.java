package dev.vigie.nlp.alert;

import java.io.Serializable;

/**
 * Where a rule matched in a document: a span of the title, text or author, by character offsets into that field's
 * original string (end exclusive), ready for a highlighted snippet.
 *
 * @param field {@link AlertFields#TITLE}, {@link AlertFields#TEXT} or {@link AlertFields#AUTHOR}
 * @param start offset of the first character
 * @param end offset after the last character
 */
public record Highlight(String field, int start, int end) implements Serializable {

    /** Checks the span. */
    public Highlight {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("highlight field must be named");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad highlight span [" + start + ", " + end + ") in " + field);
        }
    }
}
