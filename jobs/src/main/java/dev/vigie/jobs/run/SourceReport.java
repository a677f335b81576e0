package dev.vigie.jobs.run;

import dev.vigie.jobs.state.SourceState;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What one source did in a run: the line of the summary and the {@code vigie-runs} document.
 *
 * @param ref        the source
 * @param status     new, unchanged, baseline or failed
 * @param reason     why it failed, or what a baseline is (a first snapshot, or settings that changed); else
 *                   {@code null}
 * @param fetched    items read from the answer
 * @param fresh      items not seen in earlier runs (the ones enriched and indexed)
 * @param unchanged  items already seen
 * @param startedAt  when the fetch started
 * @param durationMs fetch and parse time
 * @param state      the state to keep for the next run (the previous one when the source failed)
 */
public record SourceReport(
        SourceRef ref,
        SourceStatus status,
        String reason,
        int fetched,
        int fresh,
        int unchanged,
        Instant startedAt,
        long durationMs,
        SourceState state)
        implements Serializable {

    public SourceReport {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(state, "state");
        boolean explained = status == SourceStatus.FAILED || status == SourceStatus.BASELINE;
        if (explained && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + status.id() + " source needs a reason: " + ref);
        }
    }

    /** The status as the run summary shows it: failures and baselines with their reason. */
    public String statusText() {
        return switch (status) {
            case FAILED -> "FAILED: " + reason;
            case BASELINE -> "baseline: " + reason;
            default -> status.id();
        };
    }
}
