package dev.vigie.jobs.run;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * Items whose enrichment failed in some stage (they are indexed with what the other stages found), counted per
 * source: a Flink accumulator, so that the counts reach the driver from an embedded run and a cluster alike, for
 * the run summary and the {@code vigie-runs} records.
 */
final class EnrichmentFailures implements Accumulator<String, HashMap<String, Long>> {

    private static final long serialVersionUID = 1L;

    /** The accumulator of the enrichment operator, in the job's results. */
    static final String NAME = "vigie-enrichment-failures";
    /**
     * The accumulator of the alert matching operator (accumulators are per task, and the two operators may be
     * chained into one task: each needs a name of its own).
     */
    static final String ALERTS_NAME = "vigie-alert-matching-failures";

    private HashMap<String, Long> counts = new HashMap<>();

    /** The key of a source of a watch. */
    static String key(String watch, String sourceKey) {
        return watch + "\n" + sourceKey;
    }

    /** Counts one failed item of the source {@link #key}. */
    @Override
    public void add(String key) {
        counts.merge(key, 1L, Long::sum);
    }

    @Override
    public HashMap<String, Long> getLocalValue() {
        return counts;
    }

    @Override
    public void resetLocal() {
        counts = new HashMap<>();
    }

    @Override
    public void merge(Accumulator<String, HashMap<String, Long>> other) {
        other.getLocalValue().forEach((key, count) -> counts.merge(key, count, Long::sum));
    }

    @Override
    public EnrichmentFailures clone() {
        EnrichmentFailures copy = new EnrichmentFailures();
        copy.counts = new HashMap<>(counts);
        return copy;
    }

    /**
     * The counts of a finished job's accumulator results, summed (empty when no item failed, or no job ran): an item
     * that failed in enrichment and in alert matching counts twice.
     */
    static Map<String, Long> of(Object... results) {
        Map<String, Long> counts = new HashMap<>();
        for (Object result : results) {
            if (result instanceof Map<?, ?> map) {
                map.forEach((k, v) -> counts.merge((String) k, ((Number) v).longValue(), Long::sum));
            }
        }
        return counts;
    }
}
