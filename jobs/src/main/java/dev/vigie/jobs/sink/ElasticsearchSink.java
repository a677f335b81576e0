package dev.vigie.jobs.sink;

import dev.vigie.jobs.sink.internal.BulkEntry;
import dev.vigie.jobs.sink.internal.BulkEntrySerializer;
import dev.vigie.jobs.sink.internal.ElasticsearchSinkWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.connector.base.sink.writer.strategy.AIMDScalingStrategy;
import org.apache.flink.connector.base.sink.writer.strategy.CongestionControlRateLimitingStrategy;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes records into Elasticsearch with the {@code _bulk} API, on Flink's {@link AsyncSinkBase}. See the package
 * documentation for how failures are sorted.
 *
 * @param <T> the record type
 */
public final class ElasticsearchSink<T> extends AsyncSinkBase<T, BulkEntry> {

    /** Documents per bulk request. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 1_000;
    /** Bytes per bulk request (Elasticsearch recommends a few megabytes). */
    public static final long DEFAULT_MAX_BATCH_SIZE_IN_BYTES = 5L * 1024 * 1024;
    /** Bulk requests in flight per writer. */
    public static final int DEFAULT_MAX_IN_FLIGHT_REQUESTS = 2;
    /** Documents buffered per writer before {@code write} blocks. */
    public static final int DEFAULT_MAX_BUFFERED_REQUESTS = 10_000;
    /** Longest time a document waits in the buffer before a partial batch is sent. */
    public static final long DEFAULT_MAX_TIME_IN_BUFFER_MS = 1_000;
    /** Largest accepted document. */
    public static final long DEFAULT_MAX_RECORD_SIZE_IN_BYTES = 4L * 1024 * 1024;
    /** A bulk request not answered within this time is sent again. */
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 120_000;
    /**
     * The run's patience with Elasticsearch: how long it may stay unreachable (or answer 5xx to whole requests), and
     * how long one document refused with a retryable status (429, 5xx, a write block) is sent again, before the sink
     * fails the job. A run whose job failed commits nothing, so the next run fetches those documents again.
     */
    public static final Duration DEFAULT_MAX_RETRY_DURATION = Duration.ofMinutes(5);
    /** First back-off after a retryable failure; it doubles up to {@link #MAX_BACKOFF}. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    /** Longest back-off between two attempts. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Where documents refused for good are recorded, with the reason. */
    public static final String DEFAULT_ERROR_INDEX = "vigie-errors";

    private final ElasticsearchEndpoint endpoint;
    private final String errorIndex;
    private final String runId;
    private final Duration maxRetryDuration;
    private final Duration initialBackoff;

    private ElasticsearchSink(Builder<T> builder) {
        super(
                new Converter<>(builder.converter),
                builder.maxBatchSize,
                builder.maxInFlightRequests,
                builder.maxBufferedRequests,
                builder.maxBatchSizeInBytes,
                builder.maxTimeInBufferMs,
                builder.maxRecordSizeInBytes,
                builder.requestTimeoutMs,
                false);
        this.endpoint = builder.endpoint;
        this.errorIndex = builder.errorIndex;
        this.runId = builder.runId;
        this.maxRetryDuration = builder.maxRetryDuration;
        this.initialBackoff = builder.initialBackoff;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<BulkEntry>> createWriter(WriterInitContext context)
            throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<BulkEntry>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<BulkEntry>> recoveredState) {
        return new ElasticsearchSinkWriter<>(
                getElementConverter(),
                context,
                writerConfiguration(),
                recoveredState,
                new ElasticsearchSinkWriter.Settings(
                        endpoint, errorIndex, runId, maxRetryDuration, initialBackoff, MAX_BACKOFF));
    }

    /**
     * The writer's batching settings. Flink's default rate limiting starts with one batch in flight and adds ten
     * documents per acknowledged request, so a writer would need a hundred requests of 1,000 documents before it
     * sends a second one at once: a run of ten thousand documents would never use {@code maxInFlightRequests}. Here
     * the writer starts with all of them, halves its window when a request comes back with documents to send again
     * (429, 5xx, Elasticsearch unreachable, error records of refused documents) and grows it again by ten documents
     * per acknowledged request.
     */
    private AsyncSinkWriterConfiguration writerConfiguration() {
        int window = getMaxBatchSize() * getMaxInFlightRequests();
        return AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(getMaxBatchSize())
                .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                .setMaxInFlightRequests(getMaxInFlightRequests())
                .setMaxBufferedRequests(getMaxBufferedRequests())
                .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                .setRequestTimeoutMS(getRequestTimeoutMS())
                .setFailOnTimeout(getFailOnTimeout())
                .setRateLimitingStrategy(CongestionControlRateLimitingStrategy.builder()
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setInitialMaxInFlightMessages(window)
                        .setScalingStrategy(AIMDScalingStrategy.builder(window).build())
                        .build())
                .build();
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<BulkEntry>> getWriterStateSerializer() {
        return new BulkEntrySerializer();
    }

    /** Adapts a {@link DocumentConverter} to Flink's element converter. */
    private record Converter<T>(DocumentConverter<T> converter) implements ElementConverter<T, BulkEntry> {
        @Override
        public BulkEntry apply(T element, org.apache.flink.api.connector.sink2.SinkWriter.Context context) {
            return new BulkEntry(
                    Objects.requireNonNull(
                            converter.toDocument(element), () -> "converter returned null for " + element),
                    0);
        }
    }

    /** Builds an {@link ElasticsearchSink}; {@link #build()} refuses inconsistent settings. */
    public static final class Builder<T> {
        private ElasticsearchEndpoint endpoint;
        private DocumentConverter<T> converter;
        private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
        private long maxBatchSizeInBytes = DEFAULT_MAX_BATCH_SIZE_IN_BYTES;
        private int maxInFlightRequests = DEFAULT_MAX_IN_FLIGHT_REQUESTS;
        private int maxBufferedRequests = DEFAULT_MAX_BUFFERED_REQUESTS;
        private long maxTimeInBufferMs = DEFAULT_MAX_TIME_IN_BUFFER_MS;
        private long maxRecordSizeInBytes = DEFAULT_MAX_RECORD_SIZE_IN_BYTES;
        private long requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS;
        private Duration maxRetryDuration = DEFAULT_MAX_RETRY_DURATION;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private String errorIndex = DEFAULT_ERROR_INDEX;
        private String runId = "";

        private Builder() {}

        public Builder<T> endpoint(ElasticsearchEndpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder<T> url(String url) {
            return endpoint(ElasticsearchEndpoint.of(url));
        }

        public Builder<T> converter(DocumentConverter<T> converter) {
            this.converter = converter;
            return this;
        }

        public Builder<T> maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        public Builder<T> maxBatchSizeInBytes(long maxBatchSizeInBytes) {
            this.maxBatchSizeInBytes = maxBatchSizeInBytes;
            return this;
        }

        public Builder<T> maxInFlightRequests(int maxInFlightRequests) {
            this.maxInFlightRequests = maxInFlightRequests;
            return this;
        }

        public Builder<T> maxBufferedRequests(int maxBufferedRequests) {
            this.maxBufferedRequests = maxBufferedRequests;
            return this;
        }

        public Builder<T> maxTimeInBufferMs(long maxTimeInBufferMs) {
            this.maxTimeInBufferMs = maxTimeInBufferMs;
            return this;
        }

        public Builder<T> maxRecordSizeInBytes(long maxRecordSizeInBytes) {
            this.maxRecordSizeInBytes = maxRecordSizeInBytes;
            return this;
        }

        public Builder<T> requestTimeoutMs(long requestTimeoutMs) {
            this.requestTimeoutMs = requestTimeoutMs;
            return this;
        }

        public Builder<T> maxRetryDuration(Duration maxRetryDuration) {
            this.maxRetryDuration = maxRetryDuration;
            return this;
        }

        public Builder<T> initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        public Builder<T> errorIndex(String errorIndex) {
            this.errorIndex = errorIndex;
            return this;
        }

        /** Written into error records so that a run's summary can find its own. */
        public Builder<T> runId(String runId) {
            this.runId = runId;
            return this;
        }

        public ElasticsearchSink<T> build() {
            if (endpoint == null) {
                throw new IllegalArgumentException("endpoint (Elasticsearch url) is required");
            }
            if (converter == null) {
                throw new IllegalArgumentException("converter is required");
            }
            positive("maxBatchSize", maxBatchSize);
            positive("maxBatchSizeInBytes", maxBatchSizeInBytes);
            positive("maxInFlightRequests", maxInFlightRequests);
            positive("maxTimeInBufferMs", maxTimeInBufferMs);
            positive("maxRecordSizeInBytes", maxRecordSizeInBytes);
            positive("requestTimeoutMs", requestTimeoutMs);
            if ((long) maxBatchSize * maxInFlightRequests > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxBatchSize (" + maxBatchSize + ") x maxInFlightRequests ("
                        + maxInFlightRequests + ") must be at most " + Integer.MAX_VALUE + " documents in flight");
            }
            if (maxBufferedRequests < maxBatchSize) {
                throw new IllegalArgumentException("maxBufferedRequests (" + maxBufferedRequests
                        + ") must be >= maxBatchSize (" + maxBatchSize + ")");
            }
            if (maxRecordSizeInBytes > maxBatchSizeInBytes) {
                throw new IllegalArgumentException("maxRecordSizeInBytes (" + maxRecordSizeInBytes
                        + ") must be <= maxBatchSizeInBytes (" + maxBatchSizeInBytes + ")");
            }
            if (maxRetryDuration == null || maxRetryDuration.isNegative() || maxRetryDuration.isZero()) {
                throw new IllegalArgumentException("maxRetryDuration must be positive, was " + maxRetryDuration);
            }
            if (initialBackoff == null || initialBackoff.isNegative()) {
                throw new IllegalArgumentException("initialBackoff must be >= 0, was " + initialBackoff);
            }
            if (errorIndex == null || errorIndex.isBlank()) {
                throw new IllegalArgumentException("errorIndex must not be blank");
            }
            if (runId == null) {
                throw new IllegalArgumentException("runId must not be null");
            }
            return new ElasticsearchSink<>(this);
        }

        private static void positive(String name, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be > 0, was " + value);
            }
        }
    }
}
