package dev.vigie.jobs.sink.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigie.dashboards.fields.ErrorFields;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.sink.ElasticsearchSinkException;
import dev.vigie.jobs.sink.EsDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches of documents with the asynchronous {@code _bulk} API and sorts the answers item by item. The body is
 * written as bytes (an action line, then the document's JSON as it is) and only the {@code errors} flag of an answer
 * is read unless it is set ({@link BulkAnswer}). The typed requests and answers of the Java API client (a thousand
 * item objects built from every answer) cost client CPU that, on a machine shared with Elasticsearch, is indexing
 * throughput lost.
 *
 * <p>Whole-request failures (Elasticsearch unreachable, 5xx, timeouts) are retried with an exponential back-off for
 * as long as {@code maxRetryDuration} allows since the last success; items refused with a retryable status (429,
 * 5xx, a cluster or index block such as {@code index.blocks.write} or the disk flood stage's
 * {@code read_only_allow_delete}) are retried for as long as {@code maxRetryDuration} allows since their first
 * refusal, and then fail the job: a failed job commits no state, so the next run fetches them again, and nothing is
 * recorded as refused that Elasticsearch would have taken later. Only items refused for good (mapping errors, bad
 * documents) become error records, written through the same buffer.
 */
@Internal
public final class ElasticsearchSinkWriter<T> extends AsyncSinkWriter<T, BulkEntry> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SOURCE_EXCERPT_CHARS = 1_000;
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);
    private static final byte[] ACTION_INDEX = "{\"index\":{\"_index\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ACTION_ID = "\",\"_id\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ACTION_END = "\"}}\n".getBytes(StandardCharsets.UTF_8);

    /** The sink's settings that the writer needs besides the batching ones. */
    public record Settings(
            ElasticsearchEndpoint endpoint,
            String errorIndex,
            String runId,
            Duration maxRetryDuration,
            Duration initialBackoff,
            Duration maxBackoff)
            implements Serializable {}

    private final Settings settings;
    private final RestClient rest;
    private final ScheduledExecutorService scheduler;
    private final Counter written;
    private final Counter conflicts;
    private final Counter retried;
    private final Counter failed;
    private final Counter requestFailures;
    private final Object failureLock = new Object();
    private long unavailableSinceNanos = -1;
    /** When each document now being retried was first refused with a retryable status, by index and id. */
    private final Map<String, Long> refusedSinceNanos = new ConcurrentHashMap<>();

    private int consecutiveFailures;

    public ElasticsearchSinkWriter(
            ElementConverter<T, BulkEntry> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<BulkEntry>> state,
            Settings settings) {
        super(converter, context, configuration, state);
        this.settings = settings;
        this.rest = settings.endpoint().restClient();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigie-es-sink-retry");
            thread.setDaemon(true);
            return thread;
        });
        var metrics = context.metricGroup().addGroup("vigie");
        this.written = metrics.counter("documentsWritten");
        this.conflicts = metrics.counter("documentsConflicting");
        this.retried = metrics.counter("documentsRetried");
        this.failed = metrics.counter("documentsFailed");
        this.requestFailures = metrics.counter("bulkRequestsFailed");
    }

    @Override
    protected void submitRequestEntries(List<BulkEntry> entries, ResultHandler<BulkEntry> handler) {
        Request request = new Request("POST", "/_bulk");
        request.setEntity(new NByteArrayEntity(body(entries), NDJSON));
        rest.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                BulkAnswer answer;
                try (InputStream in = response.getEntity().getContent()) {
                    answer = BulkAnswer.read(in);
                } catch (IOException | RuntimeException e) {
                    onFailure(new IOException("unreadable _bulk answer: " + e.getMessage(), e));
                    return;
                }
                try {
                    onAnswer(entries, answer, handler);
                } catch (RuntimeException e) {
                    handler.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(Exception error) {
                try {
                    onRequestFailure(entries, handler, error);
                } catch (RuntimeException e) {
                    handler.completeExceptionally(e);
                }
            }
        });
    }

    /** The {@code _bulk} body: an action line and the source line of each entry, in order. */
    static byte[] body(List<BulkEntry> entries) {
        long size = 0;
        for (BulkEntry entry : entries) {
            size += entry.sizeInBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, Integer.MAX_VALUE - 8));
        JsonStringEncoder json = JsonStringEncoder.getInstance();
        for (BulkEntry entry : entries) {
            out.writeBytes(ACTION_INDEX);
            out.writeBytes(json.quoteAsUTF8(entry.index()));
            out.writeBytes(ACTION_ID);
            out.writeBytes(json.quoteAsUTF8(entry.id()));
            out.writeBytes(ACTION_END);
            out.writeBytes(entry.sourceBytes());
            out.write('\n');
        }
        return out.toByteArray();
    }

    private void onAnswer(List<BulkEntry> entries, BulkAnswer answer, ResultHandler<BulkEntry> handler) {
        synchronized (failureLock) {
            unavailableSinceNanos = -1;
        }
        if (!answer.errors()) {
            written.inc(entries.size());
            if (!refusedSinceNanos.isEmpty()) {
                entries.forEach(e -> refusedSinceNanos.remove(e.index() + "/" + e.id()));
            }
            resetBackoff();
            handler.complete();
            return;
        }
        List<BulkAnswer.Item> items = answer.items();
        if (items.size() != entries.size()) {
            handler.completeExceptionally(new ElasticsearchSinkException(
                    "Elasticsearch answered " + items.size() + " items to a _bulk request of " + entries.size()
                            + " documents",
                    null));
            return;
        }
        List<BulkEntry> again = new ArrayList<>();
        boolean backOff = false;
        long now = System.nanoTime();
        for (int i = 0; i < items.size(); i++) {
            BulkAnswer.Item item = items.get(i);
            BulkEntry entry = entries.get(i);
            BulkOutcome outcome = BulkOutcome.of(item.status(), item.errorType());
            String key = entry.index() + "/" + entry.id();
            if (outcome != BulkOutcome.RETRY) {
                refusedSinceNanos.remove(key);
            }
            switch (outcome) {
                case WRITTEN -> written.inc();
                case CONFLICT -> conflicts.inc();
                case RETRY -> {
                    long since = refusedSinceNanos.computeIfAbsent(key, k -> now);
                    if (now - since > settings.maxRetryDuration().toNanos()) {
                        handler.completeExceptionally(new ElasticsearchSinkException(
                                "Elasticsearch at "
                                        + settings.endpoint() + " refused documents of index " + entry.index()
                                        + " for more than "
                                        + settings.maxRetryDuration().toSeconds() + " s (status "
                                        + item.status() + ", " + item.errorType() + ": " + item.errorReason()
                                        + "); the "
                                        + "run stops and commits nothing, the next run fetches these documents again",
                                null));
                        return;
                    }
                    retried.inc();
                    LOG.debug("Retrying {}/{} after status {}", entry.index(), entry.id(), item.status());
                    again.add(entry.retried());
                    backOff = true;
                }
                case FATAL -> recordFatal(entry, item, "", again);
            }
        }
        if (backOff) {
            BulkAnswer.Item first = items.stream()
                    .filter(it -> BulkOutcome.of(it.status(), it.errorType()) == BulkOutcome.RETRY)
                    .findFirst()
                    .orElseThrow();
            LOG.warn(
                    "Elasticsearch refused {} of {} documents for now (status {}, {}: {}); retrying for up to {} s",
                    again.size(),
                    entries.size(),
                    first.status(),
                    first.errorType(),
                    first.errorReason(),
                    settings.maxRetryDuration().toSeconds());
        }
        if (again.isEmpty()) {
            resetBackoff();
            handler.complete();
        } else if (backOff) {
            scheduler.schedule(
                    () -> handler.retryForEntries(again), nextBackoff().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            resetBackoff();
            handler.retryForEntries(again);
        }
    }

    private void recordFatal(BulkEntry entry, BulkAnswer.Item item, String prefix, List<BulkEntry> again) {
        failed.inc();
        EsDocument document = entry.document();
        String type = item.errorType() == null ? "unknown" : item.errorType();
        String reason = prefix + (item.errorReason() == null ? "status " + item.status() : item.errorReason());
        LOG.warn(
                "Elasticsearch refused {}/{} (status {}, {}): {}",
                document.index(),
                document.id(),
                item.status(),
                type,
                reason);
        if (document.index().equals(settings.errorIndex())) {
            return;
        }
        again.add(new BulkEntry(errorRecord(document, item.status(), type, reason), 0));
    }

    private EsDocument errorRecord(EsDocument document, int status, String type, String reason) {
        ObjectNode record = JSON.createObjectNode();
        record.put(ErrorFields.RUN_ID, settings.runId());
        record.put(ErrorFields.INDEX, document.index());
        record.put(ErrorFields.DOCUMENT_ID, document.id());
        record.put(ErrorFields.STATUS, status);
        record.put(ErrorFields.ERROR_TYPE, type);
        record.put(ErrorFields.REASON, reason);
        record.put(ErrorFields.FAILED_AT, Instant.now().toString());
        String source = document.source();
        record.put(
                ErrorFields.SOURCE_EXCERPT,
                source.length() <= SOURCE_EXCERPT_CHARS ? source : source.substring(0, SOURCE_EXCERPT_CHARS));
        try {
            return new EsDocument(
                    settings.errorIndex(), document.index() + ":" + document.id(), JSON.writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void onRequestFailure(List<BulkEntry> entries, ResultHandler<BulkEntry> handler, Exception error) {
        requestFailures.inc();
        int status = statusOf(error);
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            handler.completeExceptionally(new ElasticsearchSinkException(
                    "Elasticsearch refused a bulk request with status " + status + ": " + error.getMessage(), error));
            return;
        }
        long unavailableFor;
        synchronized (failureLock) {
            long now = System.nanoTime();
            if (unavailableSinceNanos < 0) {
                unavailableSinceNanos = now;
            }
            unavailableFor = now - unavailableSinceNanos;
        }
        if (unavailableFor > settings.maxRetryDuration().toNanos()) {
            handler.completeExceptionally(new ElasticsearchSinkException(
                    "Elasticsearch at " + settings.endpoint() + " unavailable for "
                            + Duration.ofNanos(unavailableFor).toSeconds() + " s: " + error,
                    error));
            return;
        }
        Duration backoff = nextBackoff();
        LOG.warn(
                "Bulk request of {} documents failed ({}); retrying in {} ms",
                entries.size(),
                error.toString(),
                backoff.toMillis());
        retried.inc(entries.size());
        scheduler.schedule(() -> handler.retryForEntries(entries), backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Duration nextBackoff() {
        synchronized (failureLock) {
            int shift = Math.min(consecutiveFailures++, 16);
            Duration backoff = settings.initialBackoff().multipliedBy(1L << shift);
            return backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
        }
    }

    private void resetBackoff() {
        synchronized (failureLock) {
            consecutiveFailures = 0;
        }
    }

    /** The HTTP status of a whole-request failure, {@code -1} when there was no answer. */
    private static int statusOf(Exception error) {
        return error instanceof ResponseException e
                ? e.getResponse().getStatusLine().getStatusCode()
                : -1;
    }

    @Override
    protected long getSizeInBytes(BulkEntry entry) {
        return entry.sizeInBytes();
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            scheduler.shutdownNow();
            try {
                rest.close();
            } catch (IOException e) {
                LOG.warn("Closing the Elasticsearch client failed: {}", e.toString());
            }
            LOG.info(
                    "Elasticsearch sink: {} written, {} already there (conflict), {} retried, {} failed, "
                            + "{} bulk requests failed",
                    written.getCount(),
                    conflicts.getCount(),
                    retried.getCount(),
                    failed.getCount(),
                    requestFailures.getCount());
        }
    }
}
