package dev.vigie.jobs.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a run, for the progress line. Operators running in the same JVM as the driver (the embedded
 * MiniCluster) update them; on a Flink cluster they are not registered and updates are no-ops (Flink's web UI shows
 * progress there).
 */
public final class RunProgress {

    private static final Map<String, RunProgress> RUNNING = new ConcurrentHashMap<>();

    private final int totalSources;
    private final long startNanos = System.nanoTime();
    private final AtomicLong sourcesDone = new AtomicLong();
    private final AtomicLong itemsFetched = new AtomicLong();
    private final AtomicLong itemsEnriched = new AtomicLong();

    private RunProgress(int totalSources) {
        this.totalSources = totalSources;
    }

    static RunProgress register(String runId, int totalSources) {
        RunProgress progress = new RunProgress(totalSources);
        RUNNING.put(runId, progress);
        return progress;
    }

    static void unregister(String runId) {
        RUNNING.remove(runId);
    }

    static void sourceDone(String runId, int items) {
        RunProgress progress = RUNNING.get(runId);
        if (progress != null) {
            progress.sourcesDone.incrementAndGet();
            progress.itemsFetched.addAndGet(items);
        }
    }

    static void enriched(String runId) {
        RunProgress progress = RUNNING.get(runId);
        if (progress != null) {
            progress.itemsEnriched.incrementAndGet();
        }
    }

    /** One line: sources done out of total, items fetched and enriched, and the enrichment rate. */
    String line() {
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        long enriched = itemsEnriched.get();
        return String.format(
                java.util.Locale.ROOT,
                "sources %d/%d, items fetched %d, enriched %d (%.0f/s), %.0f s",
                sourcesDone.get(),
                totalSources,
                itemsFetched.get(),
                enriched,
                enriched / seconds,
                seconds);
    }
}
