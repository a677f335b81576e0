package dev.vigie.jobs.run.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a call to a server with exponential back-off until it answers, fails in a way that retrying cannot
 * mend, or a time budget is spent: the one retry loop of the run's calls outside the sink (waiting for
 * Elasticsearch to come up, looking up earlier stories, the lease, the state, the alert ledger and the run records). The sink has its own, driven by Flink's async sink.
 */
public final class Backoff {

    private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);

    /** One call to a server. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws IOException;
    }

    private final Duration budget;
    private final Duration first;
    private final Duration max;

    /**
     * @param budget how long to keep trying; a pause that would end after it is not taken
     * @param first  the first pause, doubled after each failure
     * @param max    the longest pause
     */
    public Backoff(Duration budget, Duration first, Duration max) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.first = Objects.requireNonNull(first, "first");
        this.max = Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "pauses must be positive and the longest at least the first: " + first + ", " + max);
        }
    }

    /**
     * The call's answer, retried after a failure that {@code retryable} accepts (an {@link IOException} or a
     * runtime exception of the client) while the budget lasts.
     *
     * @param what what the call does, for the log and the error ("looking up earlier copies for watch w")
     * @throws IOException          naming {@code what}, with the last failure as cause, when the call failed in a
     *                              way not retryable or the budget is spent
     * @throws InterruptedException when interrupted while pausing
     */
    public <T> T call(String what, Predicate<Exception> retryable, Call<T> call)
            throws IOException, InterruptedException {
        return call(what, retryable, call, null);
    }

    /**
     * As {@link #call(String, Predicate, Call)}, telling {@code onRetry} the message of each failure that is retried
     * (a progress line for a person at a terminal), when it is not {@code null}.
     */
    public <T> T call(String what, Predicate<Exception> retryable, Call<T> call, Consumer<String> onRetry)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        long pauseMs = first.toMillis();
        while (true) {
            try {
                return call.call();
            } catch (IOException | RuntimeException e) {
                if (!retryable.test(e) || System.nanoTime() + pauseMs * 1_000_000 > deadline) {
                    throw new IOException("failed while " + what + ": " + e.getMessage(), e);
                }
                LOG.info("Failed while {} ({}); retrying in {} ms", what, e.getMessage(), pauseMs);
                if (onRetry != null) {
                    onRetry.accept(String.valueOf(e.getMessage()));
                }
                Thread.sleep(pauseMs);
                pauseMs = Math.min(pauseMs * 2, max.toMillis());
            }
        }
    }
}
