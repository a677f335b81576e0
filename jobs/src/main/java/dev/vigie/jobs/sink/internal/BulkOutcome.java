package dev.vigie.jobs.sink.internal;

import org.apache.flink.annotation.Internal;

/** How one item of a {@code _bulk} response is handled. */
@Internal
public enum BulkOutcome {
    /** Written (created or updated). */
    WRITTEN,
    /** A version conflict on an idempotent write: the document is already there; nothing to do. */
    CONFLICT,
    /** Refused for now (429, 5xx): sent again after a back-off. */
    RETRY,
    /** Refused for good (mapping error, bad document): not retried, recorded with its reason. */
    FATAL;

    /**
     * Sorts one bulk item by its HTTP status and Elasticsearch error type ({@code null} when the item succeeded).
     */
    public static BulkOutcome of(int status, String errorType) {
        if (errorType == null && status >= 200 && status < 300) {
            return WRITTEN;
        }
        if (status == 409 || "version_conflict_engine_exception".equals(errorType)) {
            return CONFLICT;
        }
        if (status == 429 || status >= 500 || "es_rejected_execution_exception".equals(errorType)
                || "circuit_breaking_exception".equals(errorType)) {
            return RETRY;
        }
        return FATAL;
    }
}
