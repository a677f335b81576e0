/**
 * The run job: one bounded Flink job (BATCH mode) that enriches what the sources of the given watches published
 * since the last run, indexes it into Elasticsearch and then emails the alerts.
 *
 * <p>The entry point is {@link dev.vigie.jobs.run.VigieRun}:
 * <pre>{@code
 * RunSummary summary = VigieRun.run(RunOptions.builder()
 *     .watch(watch)
 *     .elasticsearch(ElasticsearchEndpoint.of("http://localhost:9200"))
 *     .build());
 * summary.print(System.out);
 * }</pre>
 * Source tasks (one per feed, API query or page, with the state read from {@code vigie-state}) are fetched first:
 * an embedded run fetches them in the driver ({@code DriverFetch}: one HTTP client, bounded
 * concurrency, per-host politeness) and starts Flink only when a source gave something new, so a run with nothing
 * new costs a few requests; on a Flink cluster the job fetches them itself (keyed by host, Flink's async I/O). The
 * graph then splits the outcomes into new mentions and page changes, de-duplicates by document id, enriches (one NLP
 * instance per subtask, loaded in {@code open()}), gives story ids (the signatures of a watch's mentions meet in one
 * subtask, which also looks up earlier copies in Elasticsearch; the stories are joined back onto the mentions by
 * document id), matches the alert rules and writes with the Elasticsearch sink. The driver then writes the new state,
 * one {@code vigie-runs} document per source, and dispatches the alerts.
 */
package dev.vigie.jobs.run;
