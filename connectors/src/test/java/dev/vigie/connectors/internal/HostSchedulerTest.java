package dev.vigie.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The politeness decisions of {@link HostScheduler}, on a clock the test moves and a timer that records when each
 * start was planned instead of waiting: what {@code HttpFetcherTest} cannot check without measuring elapsed time.
 */
class HostSchedulerTest {

    private static final long T0 = 5_000_000_000L;

    private final AtomicLong clock = new AtomicLong(T0);
    private final RecordingTimer timer = new RecordingTimer();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void spacesStartsToOneHostByTheMinimumDelayWithAtMostPerHostInFlight() {
        HostScheduler scheduler = new HostScheduler(32, 2, Duration.ofMillis(60), timer, clock::get);
        List<CompletableFuture<String>> work = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            work.add(answer);
            scheduler.submit("feeds.example", () -> answer);
        }

        assertThat(timer.plannedMillis())
                .as("two in flight at once, the second 60 ms after the first")
                .containsExactly(0L, 60L);
        for (int i = 0; i < 6; i++) {
            timer.runAll();
            assertThat(scheduler.active()).isLessThanOrEqualTo(2);
            work.get(i).complete("done");
        }
        timer.runAll();

        assertThat(timer.plannedMillis())
                .as("each start planned 60 ms after the previous one")
                .containsExactly(0L, 60L, 120L, 180L, 240L, 300L, 360L, 420L);
    }

    @Test
    void startsAtOnceWhenTheDelayHasAlreadyPassed() {
        HostScheduler scheduler = new HostScheduler(32, 1, Duration.ofMillis(250), timer, clock::get);
        CompletableFuture<String> first = new CompletableFuture<>();
        scheduler.submit("pages.example", () -> first);
        timer.runAll();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        first.complete("done");

        scheduler.submit("pages.example", () -> CompletableFuture.completedFuture("again"));

        assertThat(timer.plannedMillis()).containsExactly(0L, 0L);
    }

    @Test
    void holdsAHostOffForTheRetryAfterItAskedAndLeavesOtherHostsAlone() {
        HostScheduler scheduler = new HostScheduler(32, 2, Duration.ofMillis(100), timer, clock::get);

        scheduler.holdOff("limited.example", Duration.ofSeconds(1));
        scheduler.submit("limited.example", () -> CompletableFuture.completedFuture("later"));
        scheduler.submit("other.example", () -> CompletableFuture.completedFuture("now"));

        assertThat(timer.plannedMillis()).containsExactly(1_000L, 0L);
    }

    @Test
    void neverHasMoreInFlightThanTheOverallLimit() {
        HostScheduler scheduler = new HostScheduler(3, 2, Duration.ZERO, timer, clock::get);
        List<CompletableFuture<String>> work = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            work.add(answer);
            scheduler.submit("host-" + (i % 3) + ".example", () -> answer);
        }
        timer.runAll();

        assertThat(scheduler.active()).isEqualTo(3);
        work.get(0).complete("done");
        timer.runAll();
        assertThat(scheduler.active()).isEqualTo(3);
        assertThat(timer.plannedMillis()).hasSize(4);
    }

    /** Records each planned start (its delay) and runs the tasks only when the test says so. */
    private static final class RecordingTimer extends ScheduledThreadPoolExecutor {
        private final List<Long> planned = new ArrayList<>();
        private final List<Runnable> pending = new ArrayList<>();

        RecordingTimer() {
            super(1);
        }

        @Override
        public synchronized void execute(Runnable task) {
            planned.add(0L);
            pending.add(task);
        }

        @Override
        public synchronized ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            planned.add(unit.toNanos(delay));
            pending.add(task);
            return null;
        }

        synchronized List<Long> plannedMillis() {
            return planned.stream().map(TimeUnit.NANOSECONDS::toMillis).toList();
        }

        void runAll() {
            List<Runnable> now;
            synchronized (this) {
                now = new ArrayList<>(pending);
                pending.clear();
            }
            now.forEach(Runnable::run);
        }
    }
}
