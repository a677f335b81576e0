/**
 * Incremental state of the run job, kept in Elasticsearch ({@code vigie-state}) rather than on local disk so that any
 * worker can run any watch: per watch and source, the HTTP validators, the API cursor, the last page snapshot and the
 * ids already indexed. {@link dev.vigie.jobs.state.StateStore} reads it when a run starts and writes it when the run
 * has indexed everything; a run that dies before the end leaves the previous state, so the rerun fetches the same
 * items again and overwrites them (document ids are deterministic).
 */
package dev.vigie.jobs.state;
