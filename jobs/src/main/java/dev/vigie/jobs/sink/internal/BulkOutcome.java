package dev.vigie.jobs.sink.internal;

import org.apache.flink.annotation.Internal;

/** How one item of a {@code _bulk} response is handled. */
@Internal
public enum BulkOutcome {
    /** Written (created or updated). */
    WRITTEN,
    /** A version conflict on an idempotent write: the document is already there; nothing to do. */
    CONFLICT,
    /**
     * Refused for now (429, 5xx, a cluster or index block, a closed index: states an operator or Elasticsearch
     * lifts): sent again after a back-off, for as long as the run's patience lasts.
     */
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
        if (status == 429
                || status >= 500
                || "es_rejected_execution_exception".equals(errorType)
                || "circuit_breaking_exception".equals(errorType)
                || "cluster_block_exception".equals(errorType)
                || "index_closed_exception".equals(errorType)) {
            return RETRY;
        }
        return FATAL;
    }
}
