package dev.vigie.jobs.run.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofMillis(4));

    @Test
    void retriesUntilTheServerAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String answer = backoff.call("counting mentions", e -> e instanceof IOException, () -> {
            if (calls.incrementAndGet() < 4) {
                throw new ConnectException("Connection refused");
            }
            return "42";
        });
        assertThat(answer).isEqualTo("42");
        assertThat(calls).hasValue(4);
    }

    @Test
    void doesNotRetryAFailureThatRetryingCannotMend() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> backoff.call("counting mentions", e -> e instanceof IOException, () -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("index_not_found");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("failed while counting mentions: index_not_found")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void givesUpWithTheLastFailureWhenTheBudgetIsSpent() {
        Backoff short_ = new Backoff(Duration.ofMillis(100), Duration.ofMillis(5), Duration.ofMillis(10));
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> short_.call("waiting for Elasticsearch", e -> true, () -> {
                    throw new ConnectException("refused #" + calls.incrementAndGet());
                }))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("failed while waiting for Elasticsearch: refused #")
                .satisfies(e -> assertThat(e.getCause()).hasMessage("refused #" + calls.get()));
        // the first pause (5 ms) fits a 100 ms budget whatever the machine's load: it was retried at least once
        assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refusesPausesThatCannotWork() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
