package dev.vigie.jobs.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Hands what the driver fetched ({@link DriverFetch}) to the embedded job without putting it into the job graph,
 * which would keep a serialized copy of every new mention for as long as the job runs: the driver registers the
 * outcomes under the run id, and the job's first operator ({@link Take}) takes each one by its index, after which
 * only Flink holds it. This works because an embedded job runs in the driver's JVM; a job on a Flink cluster fetches
 * its sources itself.
 */
final class FetchedOutcomes {

    private static final Map<String, AtomicReferenceArray<SourceOutcome>> RUNS = new ConcurrentHashMap<>();

    private FetchedOutcomes() {}

    /** Registers the outcomes of run {@code runId}; returns how many the job has to take (indices 0 to n - 1). */
    static int register(String runId, List<SourceOutcome> outcomes) {
        if (RUNS.putIfAbsent(runId, new AtomicReferenceArray<>(outcomes.toArray(SourceOutcome[]::new))) != null) {
            throw new IllegalStateException("fetched outcomes of run " + runId + " are already registered");
        }
        return outcomes.size();
    }

    /** Takes outcome {@code index} of run {@code runId}; each can be taken once. */
    static SourceOutcome take(String runId, int index) {
        AtomicReferenceArray<SourceOutcome> outcomes = RUNS.get(runId);
        if (outcomes == null) {
            throw new IllegalStateException("no fetched outcomes of run " + runId + " in this JVM: only an embedded"
                    + " job can read what its driver fetched");
        }
        if (index < 0 || index >= outcomes.length()) {
            throw new IllegalArgumentException(
                    "run " + runId + " has " + outcomes.length() + " fetched outcomes, no " + index);
        }
        SourceOutcome outcome = outcomes.getAndSet(index, null);
        if (outcome == null) {
            throw new IllegalStateException("fetched outcome " + index + " of run " + runId + " was already taken");
        }
        return outcome;
    }

    /** Forgets the outcomes of run {@code runId}, taken or not (the run is over, or failed). */
    static void release(String runId) {
        RUNS.remove(runId);
    }

    /** The job's first operator: an index in, the outcome registered under it out. */
    static final class Take implements MapFunction<Long, SourceOutcome> {

        private final String runId;

        Take(String runId) {
            this.runId = runId;
        }

        @Override
        public SourceOutcome map(Long index) {
            return take(runId, Math.toIntExact(index));
        }
    }
}
