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
 * summary.print(out); // any PrintStream: vigie run prints to the terminal
 * }</pre>
 * Source tasks (one per feed, API query or page, with the state read from {@code vigie-state}) are fetched first:
 * an embedded run fetches them in the driver ({@code DriverFetch}: one HTTP client, bounded
 * concurrency, per-host politeness) and starts Flink only when a source gave something new, so a run with nothing
 * new costs a few requests; on a Flink cluster the job fetches them itself (keyed by host, Flink's async I/O). The
 * graph then splits the outcomes into new mentions and page changes, de-duplicates by document id, enriches (one NLP
 * instance per subtask, loaded in {@code open()}), gives story ids (the signatures of a watch's mentions meet in one
 * subtask, which also looks up earlier copies in Elasticsearch; the stories are joined back onto the mentions by
 * document id), matches the alert rules and writes with the Elasticsearch sink. The driver then dispatches the alerts
 * and writes the new state and one {@code vigie-runs} document per source.
 *
 * <h2>The stages of a run, in order</h2>
 * <table>
 * <caption>Stage, where it runs, and the class that does it (in this package unless qualified)</caption>
 * <tr><th>stage</th><th>where</th><th>class</th></tr>
 * <tr><td>install the index templates</td><td>driver</td><td>{@code dev.vigie.dashboards.IndexTemplates}</td></tr>
 * <tr><td>take the watches' leases (one run per watch at a time)</td><td>driver</td><td>{@code WatchLeases}</td></tr>
 * <tr><td>read the state, plan one task per feed, API query or page</td><td>driver</td>
 *     <td>{@code dev.vigie.jobs.state.StateStore}, {@code SourcePlanner}</td></tr>
 * <tr><td>fetch and parse</td><td>driver when embedded, job on a cluster</td>
 *     <td>{@code DriverFetch}, {@code FetchSources}</td></tr>
 * <tr><td>split into mentions, page changes and source reports</td><td>job</td><td>{@code SplitOutcomes}</td></tr>
 * <tr><td>keep one record per document id</td><td>job</td><td>{@code KeepOne}</td></tr>
 * <tr><td>enrich (language, sentiment, themes, brands, story signature)</td><td>job</td>
 *     <td>{@code EnrichMentions}</td></tr>
 * <tr><td>stories: cluster, look up earlier copies and events, join back</td><td>job</td>
 *     <td>{@code AssignStories}, {@code EarlierStories}, {@code JoinStories}</td></tr>
 * <tr><td>match the alert rules</td><td>job</td><td>{@code MatchAlerts}</td></tr>
 * <tr><td>build the documents</td><td>job</td><td>{@code MentionDocuments}, {@code PageChanges}</td></tr>
 * <tr><td>index</td><td>job</td><td>{@code dev.vigie.jobs.sink.ElasticsearchSink}</td></tr>
 * <tr><td>find the spikes of spike alerts, then send the alerts (email, Slack, Teams, webhooks)</td><td>driver</td>
 *     <td>{@code AlertDispatch} ({@code dev.vigie.jobs.spike.SpikeAlerts},
 *     {@code dev.vigie.jobs.mail.AlertDispatcher})</td></tr>
 * <tr><td>commit the state, one {@code vigie-runs} document per source</td><td>driver</td>
 *     <td>{@code dev.vigie.jobs.state.StateStore}, {@code RunRecords}</td></tr>
 * <tr><td>release the leases, print the summary</td><td>driver</td>
 *     <td>{@code WatchLeases}, {@code RunSummary}</td></tr>
 * </table>
 * The Flink graph of the job stages is built by {@code RunGraph}; {@code RunTypes} serializes the records between
 * them.
 *
 * <h2>State and idempotency</h2>
 * <ul>
 * <li>State lives in Elasticsearch ({@code vigie-state}), never on local disk; it is read first and written last,
 *     after everything is indexed and the alerts are handed over, so it moves only past what was indexed.</li>
 * <li>Document ids are deterministic (platform id, else a hash of the canonical URL): a rerun after a failed run
 *     fetches the same items again and overwrites them.</li>
 * <li>A lease per watch ({@code vigie-leases}) keeps two runs of one watch, on any machine, from overlapping.</li>
 * <li>Alert hits go through the {@code vigie-alerts} ledger ({@code pending -> sending -> sent}, each move
 *     conditional on the version read), so an alert is never sent twice nor dropped silently.</li>
 * </ul>
 * Details: {@code docs/architecture.md}.
 */
package dev.vigie.jobs.run;
