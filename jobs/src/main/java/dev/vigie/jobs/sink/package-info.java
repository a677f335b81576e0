/**
 * The Elasticsearch sink of the Vigie jobs, written on Flink's Sink V2 {@code AsyncSinkBase} because no Flink 2.x
 * Elasticsearch connector is available.
 *
 * <p>Records are turned into {@link dev.vigie.jobs.sink.EsDocument}s (index, deterministic id, JSON source) by a
 * {@link dev.vigie.jobs.sink.DocumentConverter} and written with the {@code _bulk} API in batches bounded by count and
 * bytes, with a bounded number of requests in flight:
 * <pre>{@code
 * ElasticsearchSink<Mention> sink = ElasticsearchSink.<Mention>builder()
 *     .url("http://localhost:9200")
 *     .converter(mention -> new EsDocument("vigie-mentions", mention.id(), mention.toJson()))
 *     .build();
 * stream.sinkTo(sink);
 * }</pre>
 * Bulk item failures are sorted: retryable ones (429, 5xx, timeouts, Elasticsearch unreachable, cluster and index
 * blocks such as {@code index.blocks.write} or the disk flood stage's {@code read_only_allow_delete}, a closed index)
 * are retried with back-off until {@code maxRetryDuration} (the run's patience, 5 minutes by default) has passed since
 * the document's first refusal, and then fail the job, so that a run never commits state past a document Elasticsearch
 * would have taken later; fatal ones (mapping errors, refused documents) are not retried and become an error record in
 * {@code vigie-errors} carrying the reason; version conflicts on an idempotent write are harmless. One bad document
 * never fails the run.
 */
package dev.vigie.jobs.sink;
