package dev.vigie.jobs.sink.internal;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.sink.ElasticsearchSinkException;
import dev.vigie.jobs.sink.EsDocument;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches of documents with the asynchronous {@code _bulk} API and sorts the answers item by item.
 *
 * <p>Whole-request failures (Elasticsearch unreachable, 5xx, timeouts) are retried with an exponential back-off for
 * as long as {@code maxRetryDuration} allows since the last success; items refused with 429/5xx are retried up to
 * {@code maxItemRetries} times; fatal items become error records written through the same buffer.
 */
@Internal
public final class ElasticsearchSinkWriter<T> extends AsyncSinkWriter<T, BulkEntry> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SOURCE_EXCERPT_CHARS = 1_000;

    /** The sink's settings that the writer needs besides the batching ones. */
    public record Settings(ElasticsearchEndpoint endpoint, String errorIndex, String runId, Duration maxRetryDuration,
            int maxItemRetries, Duration initialBackoff, Duration maxBackoff) implements Serializable {
    }

    private final Settings settings;
    private final ElasticsearchEndpoint.Clients clients;
    private final ElasticsearchAsyncClient client;
    private final ScheduledExecutorService scheduler;
    private final Counter written;
    private final Counter conflicts;
    private final Counter retried;
    private final Counter failed;
    private final Counter requestFailures;
    private final Object failureLock = new Object();
    private long unavailableSinceNanos = -1;
    private int consecutiveFailures;

    public ElasticsearchSinkWriter(ElementConverter<T, BulkEntry> converter, WriterInitContext context,
            AsyncSinkWriterConfiguration configuration, Collection<BufferedRequestState<BulkEntry>> state,
            Settings settings) {
        super(converter, context, configuration, state);
        this.settings = settings;
        this.clients = settings.endpoint().clients();
        this.client = clients.async();
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
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (BulkEntry entry : entries) {
            EsDocument document = entry.document();
            BinaryData source = BinaryData.of(document.source().getBytes(StandardCharsets.UTF_8), "application/json");
            request.operations(BulkOperation.of(op -> op.index(index -> index
                    .index(document.index()).id(document.id()).document(source))));
        }
        client.bulk(request.build()).whenComplete((response, error) -> {
            try {
                if (error != null) {
                    onRequestFailure(entries, handler, unwrap(error));
                } else {
                    onResponse(entries, response, handler);
                }
            } catch (RuntimeException e) {
                handler.completeExceptionally(e);
            }
        });
    }

    private void onResponse(List<BulkEntry> entries, BulkResponse response, ResultHandler<BulkEntry> handler) {
        synchronized (failureLock) {
            unavailableSinceNanos = -1;
        }
        if (!response.errors()) {
            written.inc(entries.size());
            resetBackoff();
            handler.complete();
            return;
        }
        List<BulkEntry> again = new ArrayList<>();
        boolean backOff = false;
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            BulkEntry entry = entries.get(i);
            String errorType = item.error() == null ? null : item.error().type();
            switch (BulkOutcome.of(item.status(), errorType)) {
                case WRITTEN -> written.inc();
                case CONFLICT -> conflicts.inc();
                case RETRY -> {
                    if (entry.attempts() >= settings.maxItemRetries()) {
                        recordFatal(entry, item, "gave up after " + entry.attempts() + " retries: ", again);
                    } else {
                        retried.inc();
                        LOG.debug("Retrying {}/{} after status {}", entry.document().index(), entry.document().id(),
                                item.status());
                        again.add(entry.retried());
                        backOff = true;
                    }
                }
                case FATAL -> recordFatal(entry, item, "", again);
            }
        }
        if (again.isEmpty()) {
            resetBackoff();
            handler.complete();
        } else if (backOff) {
            scheduler.schedule(() -> handler.retryForEntries(again), nextBackoff().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            resetBackoff();
            handler.retryForEntries(again);
        }
    }

    private void recordFatal(BulkEntry entry, BulkResponseItem item, String prefix, List<BulkEntry> again) {
        failed.inc();
        EsDocument document = entry.document();
        String type = item.error() == null ? "unknown" : item.error().type();
        String reason = prefix + (item.error() == null ? "status " + item.status() : item.error().reason());
        LOG.warn("Elasticsearch refused {}/{} (status {}, {}): {}", document.index(), document.id(), item.status(),
                type, reason);
        if (document.index().equals(settings.errorIndex())) {
            return;
        }
        again.add(new BulkEntry(errorRecord(document, item.status(), type, reason), 0));
    }

    private EsDocument errorRecord(EsDocument document, int status, String type, String reason) {
        ObjectNode record = JSON.createObjectNode();
        record.put("run_id", settings.runId());
        record.put("index", document.index());
        record.put("document_id", document.id());
        record.put("status", status);
        record.put("error_type", type);
        record.put("reason", reason);
        record.put("failed_at", Instant.now().toString());
        String source = document.source();
        record.put("source_excerpt", source.length() <= SOURCE_EXCERPT_CHARS ? source
                : source.substring(0, SOURCE_EXCERPT_CHARS));
        try {
            return new EsDocument(settings.errorIndex(), document.index() + ":" + document.id(),
                    JSON.writeValueAsString(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void onRequestFailure(List<BulkEntry> entries, ResultHandler<BulkEntry> handler, Throwable error) {
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
            handler.completeExceptionally(new ElasticsearchSinkException("Elasticsearch at " + settings.endpoint()
                    + " unavailable for " + Duration.ofNanos(unavailableFor).toSeconds() + " s: " + error, error));
            return;
        }
        Duration backoff = nextBackoff();
        LOG.warn("Bulk request of {} documents failed ({}); retrying in {} ms", entries.size(), error.toString(),
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

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static int statusOf(Throwable error) {
        if (error instanceof ElasticsearchException e) {
            return e.status();
        }
        if (error instanceof TransportException e) {
            return e.statusCode();
        }
        return -1;
    }

    @Override
    protected long getSizeInBytes(BulkEntry entry) {
        return entry.document().sizeInBytes();
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            scheduler.shutdownNow();
            try {
                clients.close();
            } catch (IOException e) {
                LOG.warn("Closing the Elasticsearch client failed: {}", e.toString());
            }
            LOG.info("Elasticsearch sink: {} written, {} already there (conflict), {} retried, {} failed, "
                    + "{} bulk requests failed", written.getCount(), conflicts.getCount(), retried.getCount(),
                    failed.getCount(), requestFailures.getCount());
        }
    }
}
