/**
 * The run job: one bounded Flink job (BATCH mode) that fetches every source of the given watches, enriches what is
 * new, indexes it into Elasticsearch and then emails the alerts.
 *
 * <p>The entry point is {@link dev.vigie.jobs.run.VigieRun}:
 * <pre>{@code
 * RunSummary summary = VigieRun.run(RunOptions.builder()
 *     .watch(watch)
 *     .elasticsearch(ElasticsearchEndpoint.of("http://localhost:9200"))
 *     .build());
 * summary.print(System.out);
 * }</pre>
 * The graph: source tasks (one per feed, API query or page, with the state read from {@code vigie-state}) are keyed
 * by host so that per-host politeness holds across subtasks, fetched with Flink's async I/O, split into new mentions
 * and page changes, de-duplicated by document id, enriched (one NLP instance per subtask, loaded in {@code open()}),
 * given their stories (the signatures of a watch's mentions meet in one subtask, which also looks up earlier copies in
 * Elasticsearch; the stories are joined back onto the mentions by document id), matched against the alert rules and
 * written by the Elasticsearch sink. What each source did comes back to the
 * driver, which then writes the new state, one {@code vigie-runs} document per source, and dispatches the alerts.
 */
package dev.vigie.jobs.run;
