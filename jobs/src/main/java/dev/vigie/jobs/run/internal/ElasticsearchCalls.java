package dev.vigie.jobs.run.internal;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.elasticsearch.client.ResponseException;

/**
 * The run's calls to Elasticsearch outside the Flink job (lease, state, alert ledger, run records), each retried
 * with the same back-off and patience as the sink: Elasticsearch away for a few seconds between the job and the
 * commit must not fail the run, let alone send an alert twice. A call that still fails when the patience is spent
 * fails with a message naming Elasticsearch, its URL and the step ("writing the state of watch acme").
 *
 * <p>Retried: no answer (connection refused or reset, time-out), 408, 429 and 5xx. Not retried: other 4xx answers
 * (a version conflict is an answer the caller acts on).
 */
public final class ElasticsearchCalls {

    /** First pause after a failure; it doubles up to {@link #MAX_PAUSE}. */
    public static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    /** Longest pause between two attempts. */
    public static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final ElasticsearchEndpoint endpoint;
    private final Duration patience;
    private final Consumer<String> onRetry;

    /**
     * @param endpoint where the calls go, named in failures
     * @param patience how long Elasticsearch may fail one call before the run gives up
     * @param onRetry  told about each failure that is retried (a progress line), may be {@code null}
     */
    public ElasticsearchCalls(ElasticsearchEndpoint endpoint, Duration patience, Consumer<String> onRetry) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.patience = Objects.requireNonNull(patience, "patience");
        this.onRetry = onRetry;
        if (patience.isNegative() || patience.isZero()) {
            throw new IllegalArgumentException("patience must be positive, was " + patience);
        }
    }

    public ElasticsearchEndpoint endpoint() {
        return endpoint;
    }

    public Duration patience() {
        return patience;
    }

    /**
     * The answer of {@code call}, retried while Elasticsearch does not answer or answers 408/429/5xx.
     *
     * @param step what the call does, for people: "writing the state of watch acme"
     * @throws IOException          naming Elasticsearch, its URL, the step and the last failure when the call failed
     *                              in a way not retryable or the patience is spent
     * @throws InterruptedException when interrupted while pausing
     */
    public <T> T call(String step, Backoff.Call<T> call) throws IOException, InterruptedException {
        try {
            return new Backoff(patience, FIRST_PAUSE, MAX_PAUSE)
                    .call(
                            step,
                            ElasticsearchCalls::retryable,
                            call,
                            onRetry == null
                                    ? null
                                    : failure -> onRetry.accept("Elasticsearch at " + endpoint + " failed while " + step
                                            + " (" + failure + "); retrying"));
        } catch (IOException e) {
            Throwable last = e.getCause() == null ? e : e.getCause();
            throw new IOException(
                    "Elasticsearch at " + endpoint + " failed while " + step
                            + (retryable(last) ? " for " + patience.toSeconds() + " s" : "") + ": " + message(last),
                    last);
        }
    }

    /** Whether retrying a call that failed with {@code e} may help. */
    public static boolean retryable(Throwable e) {
        if (e instanceof ResponseException response) {
            return retryableStatus(response.getResponse().getStatusLine().getStatusCode());
        }
        if (e instanceof ElasticsearchException es) {
            return retryableStatus(es.status());
        }
        return e instanceof IOException;
    }

    private static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String message(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }
}
