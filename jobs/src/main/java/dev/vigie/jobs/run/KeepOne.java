package dev.vigie.jobs.run;

import org.apache.flink.api.common.functions.ReduceFunction;

/**
 * Of two copies of the same document (one post found by two queries of a watch), keeps one, always the same one
 * whatever the arrival order: the copy from the source whose key sorts first.
 */
final class KeepOne implements ReduceFunction<Collected> {

    @Override
    public Collected reduce(Collected a, Collected b) {
        return a.sourceKey().compareTo(b.sourceKey()) <= 0 ? a : b;
    }
}
