package dev.vigie.jobs.sink.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * What the sink needs of a {@code _bulk} answer. Elasticsearch writes the {@code errors} flag before the items: when
 * it is {@code false} every document was written and the items are not read, which saves parsing a thousand objects
 * per request; when it is {@code true} each item's status and error are read, in request order.
 *
 * @param errors whether any item failed
 * @param items  the items, in request order; empty when {@code errors} is {@code false}
 */
@Internal
public record BulkAnswer(boolean errors, List<Item> items) {

    private static final JsonFactory JSON = new JsonFactory();

    public BulkAnswer {
        items = List.copyOf(items);
    }

    /**
     * One item of the answer.
     *
     * @param status      its HTTP status
     * @param errorType   Elasticsearch's error type, {@code null} when the item succeeded
     * @param errorReason Elasticsearch's reason, {@code null} when the item succeeded
     */
    public record Item(int status, String errorType, String errorReason) {}

    /** Reads an answer; fails with an {@link IOException} naming what is missing when it is not a bulk answer. */
    public static BulkAnswer read(InputStream in) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a _bulk answer must be a JSON object");
            }
            Boolean errors = null;
            List<Item> items = List.of();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("errors".equals(field)) {
                    errors = value == JsonToken.VALUE_TRUE;
                    if (!errors) {
                        return new BulkAnswer(false, List.of());
                    }
                } else if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    items = items(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (errors == null) {
                throw new IOException("a _bulk answer without its errors flag");
            }
            return new BulkAnswer(errors, items);
        }
    }

    /** The items of the array the parser is at: each is {@code {"<action>": {"status": ..., "error": {...}}}}. */
    private static List<Item> items(JsonParser parser) throws IOException {
        List<Item> items = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            int status = -1;
            String type = null;
            String reason = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("status".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                        status = parser.getIntValue();
                    } else if ("error".equals(field) && value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String errorField = parser.currentName();
                            parser.nextToken();
                            if ("type".equals(errorField)) {
                                type = parser.getValueAsString();
                            } else if ("reason".equals(errorField)) {
                                reason = parser.getValueAsString();
                            } else {
                                parser.skipChildren();
                            }
                        }
                    } else if ("error".equals(field) && value == JsonToken.VALUE_STRING) {
                        type = "error";
                        reason = parser.getValueAsString();
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            items.add(new Item(status, type, reason));
        }
        return items;
    }
}
