package dev.vigie.connectors.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Small, null-tolerant accessors over Jackson trees for the mention APIs. */
public final class Json {
    /**
     * Deepest nesting of arrays and objects accepted: API answers and JSON Feeds nest a few levels; refusing deeper
     * ones before building the tree keeps a hostile body from costing memory and stack.
     */
    public static final int MAX_DEPTH = 200;

    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .build())
            .build());

    private Json() {}

    public static JsonNode parse(byte[] body) throws IOException {
        try {
            return MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new IOException("JSON nested deeper than " + MAX_DEPTH + " levels: refused", e);
        } catch (JsonProcessingException e) {
            throw new IOException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Text of a field, {@code null} when missing, null or blank. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    /** A number field as long, {@code null} when missing or not a number. */
    public static Long number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        try {
            return (long) Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An ISO-8601 timestamp field, {@code null} when missing or unparsable. */
    public static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sum of two counts where either may be unknown. */
    public static Long plus(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }
}
