package dev.vigie.jobs.run;

import dev.vigie.jobs.state.SourceState;
import java.io.Serializable;
import java.util.Objects;

/**
 * One unit of fetching work: a source of a watch and the state it had at the end of the last run.
 *
 * @param ref   which source, for reports and state
 * @param spec  what to fetch
 * @param state the state read from {@code vigie-state}, {@link SourceState#EMPTY} the first time
 */
public record SourceTask(SourceRef ref, SourceSpec spec, SourceState state) implements Serializable {

    public SourceTask {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(spec, "spec");
        state = state == null ? SourceState.EMPTY : state;
    }
}
