package dev.vigie.dashboards.fields;

import com.fasterxml.jackson.databind.JsonNode;

/** Helpers for the field paths of the {@code *Fields} classes. */
public final class Fields {
    private Fields() {}

    /** The name of a field inside its object: {@code "type"} for {@code "source.type"}; the path itself at the top. */
    public static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * The value of a field in a document's {@code _source}, following the objects of its path ({@code "event.id"} is
     * {@code event} then {@code id}); a missing node when absent, as {@link JsonNode#path} gives.
     */
    public static JsonNode at(JsonNode document, String path) {
        JsonNode node = document;
        int start = 0;
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', start)) {
            node = node.path(path.substring(start, dot));
            start = dot + 1;
        }
        return node.path(path.substring(start));
    }
}
