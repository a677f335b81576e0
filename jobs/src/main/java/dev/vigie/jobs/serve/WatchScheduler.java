package dev.vigie.jobs.serve;

import dev.vigie.jobs.run.RunFailedException;
import dev.vigie.jobs.run.RunOptions;
import dev.vigie.jobs.run.RunSummary;
import dev.vigie.jobs.watch.Watch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs watches on their schedules, one run at a time, on one thread. Each run is one watch's run through
 * {@code runner} (in production {@link dev.vigie.jobs.run.VigieRun#run}, the entry point of {@code vigie run}), with
 * its progress and summary written to a log file of its own ({@code RUNS_DIR/WATCH/RUN_ID.log}). A failed run is
 * logged and the watch runs again at its next time; nothing stops the scheduler but {@link #stop(Duration)}.
 */
public final class WatchScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(WatchScheduler.class);

    /** How the last run of a watch ended. */
    public enum Outcome {
        DONE,
        FAILED
    }

    /**
     * The last run of a watch.
     *
     * @param runId     the run id
     * @param startedAt when it started
     * @param duration  how long it took
     * @param outcome   done or failed
     * @param fresh     new items indexed (0 when it failed)
     * @param failedSources sources that failed in a run that was done
     * @param message   why it failed, else {@code null}
     * @param log       its log file
     */
    public record LastRun(
            String runId,
            Instant startedAt,
            Duration duration,
            Outcome outcome,
            long fresh,
            long failedSources,
            String message,
            Path log) {}

    /**
     * What the scheduler knows of a watch.
     *
     * @param watch    the watch id
     * @param schedule its schedule as written
     * @param nextRun  when it runs next
     * @param runs     runs done since the scheduler started
     * @param lastRun  its last run, or {@code null} before the first one
     */
    public record WatchStatus(String watch, String schedule, Instant nextRun, long runs, LastRun lastRun) {}

    /**
     * The scheduler at one moment.
     *
     * @param stopping   whether {@link #stop(Duration)} was called
     * @param runningNow the watch running now, or {@code null}
     * @param watches    every scheduled watch
     */
    public record Status(boolean stopping, String runningNow, List<WatchStatus> watches) {}

    private static final class Entry {
        final Watch watch;
        Instant lastStart;
        Instant next;
        long runs;
        LastRun last;

        Entry(Watch watch) {
            this.watch = watch;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Function<Watch, RunOptions.Builder> options;
    private final RunRunner runner;
    private final Path runsDir;
    private final Clock clock;
    private final Consumer<LastRun> listener;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lock = new Object();
    private volatile boolean stopping;
    private volatile String runningNow;
    private Thread thread;

    /** Runs one run: {@link dev.vigie.jobs.run.VigieRun#run} in production. */
    @FunctionalInterface
    public interface RunRunner {
        RunSummary run(RunOptions options) throws RunFailedException;
    }

    /**
     * @param watches  the watches, each with a schedule
     * @param options  the options of a run of one watch (the scheduler adds the watch, run id and progress)
     * @param runner   what runs a run
     * @param runsDir  where each run's log goes
     * @param clock    the time (tests give their own)
     * @param listener told of every run that ended, on the scheduler's thread
     * @throws IllegalArgumentException when a watch has no schedule
     */
    public WatchScheduler(
            List<Watch> watches,
            Function<Watch, RunOptions.Builder> options,
            RunRunner runner,
            Path runsDir,
            Clock clock,
            Consumer<LastRun> listener) {
        for (Watch watch : watches) {
            if (watch.scheduled().isEmpty()) {
                throw new IllegalArgumentException("watch '" + watch.id() + "' has no schedule: add one to its file,"
                        + " e.g. schedule: every 30m, or run it with vigie run");
            }
            entries.put(watch.id(), new Entry(watch));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no watch to schedule");
        }
        this.options = Objects.requireNonNull(options, "options");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.runsDir = Objects.requireNonNull(runsDir, "runsDir");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = listener == null ? run -> {} : listener;
        Instant now = clock.instant();
        for (Entry e : entries.values()) {
            e.next = e.watch.scheduled().orElseThrow().next(null, now, e.watch.timezone());
        }
    }

    /** Starts the scheduler's thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the scheduler is already started");
        }
        thread = new Thread(this::loop, "vigie-serve-scheduler");
        thread.start();
    }

    /**
     * Stops: no run starts any more; the current run has {@code grace} to finish, after which it is cancelled
     * (a cancelled run commits nothing: its watch's next run fetches the same items again). Returns once the
     * scheduler's thread ended.
     */
    public void stop(Duration grace) throws InterruptedException {
        stopping = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        if (!stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("Run of {} still going after {} s: cancelling it", runningNow, grace.toSeconds());
            t.interrupt();
        }
        t.join();
    }

    /** The status of every watch, for the health endpoint. */
    public Status status() {
        List<WatchStatus> watches = new ArrayList<>();
        synchronized (lock) {
            for (Entry e : entries.values()) {
                watches.add(new WatchStatus(
                        e.watch.id(), e.watch.scheduled().orElseThrow().text(), e.next, e.runs, e.last));
            }
        }
        return new Status(stopping, runningNow, watches);
    }

    private void loop() {
        try {
            while (!stopping) {
                Entry due;
                synchronized (lock) {
                    due = entries.values().stream()
                            .min(Comparator.comparing((Entry e) -> e.next))
                            .orElseThrow();
                    long wait = Duration.between(clock.instant(), due.next).toMillis();
                    if (wait > 0) {
                        lock.wait(Math.min(wait, 1_000));
                        continue;
                    }
                }
                runOnce(due);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
            LOG.info("Scheduler stopped");
        }
    }

    private void runOnce(Entry entry) {
        Instant started = clock.instant();
        AtomicReference<PrintWriter> logWriter = new AtomicReference<>();
        RunOptions run = options.apply(entry.watch)
                .watch(entry.watch)
                .progress(line -> {
                    PrintWriter out = logWriter.get();
                    if (out != null) {
                        out.println(line);
                        out.flush();
                    }
                })
                .build();
        Path log = runsDir.resolve(entry.watch.id()).resolve(run.runId() + ".log");
        runningNow = entry.watch.id();
        MDC.put("run", run.runId());
        LastRun last;
        try {
            Files.createDirectories(log.getParent());
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                logWriter.set(out);
                out.println("Run " + run.runId() + " of watch " + entry.watch.id() + ", started " + started);
                out.flush();
                LOG.info("Run {} of watch {} started (log {})", run.runId(), entry.watch.id(), log);
                try {
                    RunSummary summary = runner.run(run);
                    summary.print(out);
                    last = new LastRun(
                            run.runId(),
                            started,
                            Duration.between(started, clock.instant()),
                            Outcome.DONE,
                            summary.fresh(),
                            summary.failedSources(),
                            null,
                            log);
                } catch (RunFailedException e) {
                    out.println("Run failed: " + e.getMessage());
                    last = new LastRun(
                            run.runId(),
                            started,
                            Duration.between(started, clock.instant()),
                            Outcome.FAILED,
                            0,
                            0,
                            e.getMessage(),
                            log);
                } finally {
                    logWriter.set(null);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Run {} of watch {} failed: {}", run.runId(), entry.watch.id(), e.toString());
            last = new LastRun(
                    run.runId(),
                    started,
                    Duration.between(started, clock.instant()),
                    Outcome.FAILED,
                    0,
                    0,
                    e.toString(),
                    log);
        } finally {
            MDC.remove("run");
            runningNow = null;
        }
        synchronized (lock) {
            entry.lastStart = started;
            entry.runs++;
            entry.last = last;
            entry.next = entry.watch.scheduled().orElseThrow().next(started, clock.instant(), entry.watch.timezone());
        }
        LOG.info(
                "Run {} of watch {}: {} in {} ms, {} new items; next run {}",
                last.runId(),
                entry.watch.id(),
                last.outcome(),
                last.duration().toMillis(),
                last.fresh(),
                entry.next);
        listener.accept(last);
    }
}
