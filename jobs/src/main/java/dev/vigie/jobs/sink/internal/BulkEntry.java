package dev.vigie.jobs.sink.internal;

import dev.vigie.jobs.sink.EsDocument;
import java.io.Serializable;
import org.apache.flink.annotation.Internal;

/**
 * A document waiting in the sink's buffer, with the number of times Elasticsearch has refused it with a retryable
 * status.
 */
@Internal
public record BulkEntry(EsDocument document, int attempts) implements Serializable {

    public BulkEntry {
        if (document == null) {
            throw new IllegalArgumentException("document must not be null");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
    }

    /** The same entry, one more retryable refusal counted. */
    public BulkEntry retried() {
        return new BulkEntry(document, attempts + 1);
    }
}
