package dev.vigie.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.jobs.run.RunFailedException;
import dev.vigie.jobs.run.RunOptions;
import dev.vigie.jobs.watch.Brand;
import dev.vigie.jobs.watch.Schedule;
import dev.vigie.jobs.watch.Watch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler of {@code vigie serve} around its run entry point: failures, stops and what it refuses. */
class WatchSchedulerTest {

    @TempDir
    Path runs;

    private static Watch watch(String id, String schedule) {
        Watch.Builder builder = Watch.builder(id, new Brand("Acme", List.of()));
        if (schedule != null) {
            builder.schedule(Schedule.parse(schedule));
        }
        return builder.build();
    }

    @Test
    void refusesAWatchWithoutSchedule() {
        assertThatThrownBy(() -> new WatchScheduler(
                        List.of(watch("plain", null)),
                        w -> RunOptions.builder(),
                        options -> null,
                        runs,
                        Clock.systemUTC(),
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain")
                .hasMessageContaining("schedule");
    }

    @Test
    void aFailedRunIsLoggedAndTheWatchRunsAgainAtItsNextTime() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BlockingQueue<WatchScheduler.LastRun> ended = new LinkedBlockingQueue<>();
        WatchScheduler scheduler = new WatchScheduler(
                List.of(watch("flaky", "every 1s")),
                w -> RunOptions.builder(),
                options -> {
                    calls.incrementAndGet();
                    throw new RunFailedException("Run " + options.runId() + " failed: Elasticsearch is down", null);
                },
                runs,
                Clock.systemUTC(),
                ended::add);
        scheduler.start();
        WatchScheduler.LastRun first = ended.poll(1, TimeUnit.MINUTES);
        WatchScheduler.LastRun second = ended.poll(1, TimeUnit.MINUTES);
        scheduler.stop(Duration.ofMinutes(1));

        assertThat(first.outcome()).isEqualTo(WatchScheduler.Outcome.FAILED);
        assertThat(first.message()).contains("Elasticsearch is down");
        assertThat(Files.readString(first.log())).contains("Run failed").contains("Elasticsearch is down");
        assertThat(second.outcome()).isEqualTo(WatchScheduler.Outcome.FAILED);
        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(scheduler.status().watches().get(0).lastRun()).isNotNull();
        assertThat(calls.get())
                .isEqualTo((int) scheduler.status().watches().get(0).runs());
    }

    @Test
    void aStopCancelsARunThatOutlastsTheGraceTime() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        BlockingQueue<WatchScheduler.LastRun> ended = new LinkedBlockingQueue<>();
        WatchScheduler scheduler = new WatchScheduler(
                List.of(watch("slow", "every 1h")),
                w -> RunOptions.builder(),
                options -> {
                    running.countDown();
                    try {
                        new CountDownLatch(1).await();
                        throw new IllegalStateException("never released");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RunFailedException("Run " + options.runId() + " interrupted", e);
                    }
                },
                runs,
                Clock.systemUTC(),
                ended::add);
        scheduler.start();
        assertThat(running.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(scheduler.status().runningNow()).isEqualTo("slow");

        scheduler.stop(Duration.ofMillis(200));

        WatchScheduler.LastRun cancelled = ended.poll();
        assertThat(cancelled.outcome()).isEqualTo(WatchScheduler.Outcome.FAILED);
        assertThat(cancelled.message()).contains("interrupted");
        assertThat(ended).isEmpty();
        assertThat(scheduler.status().stopping()).isTrue();
        assertThat(scheduler.status().runningNow()).isNull();
    }
}
