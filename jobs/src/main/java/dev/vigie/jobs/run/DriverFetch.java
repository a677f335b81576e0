package dev.vigie.jobs.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Fetches the sources of an embedded run in the driver, before Flink starts, so that a run whose sources gave nothing
 * new (every feed and page answered 304 or is unchanged, no API returned an item newer than its cursor) starts no
 * Flink job at all. It runs the {@link FetchSources} function a job on a cluster runs, with one HTTP client for every
 * host (per-host politeness holds across the whole run), at most {@code fetchCapacity x parallelism} sources at once
 * (the bound the job's async operators have together), starting them host after host in turn so that one host with
 * many sources does not take every slot while its politeness delays them.
 */
final class DriverFetch {

    /**
     * What the driver fetched.
     *
     * @param reports     one report per source, in the order of the tasks
     * @param withNews    how many outcomes carry new mentions or page changes; they are registered in
     *                    {@link FetchedOutcomes} under the run id, for the job to take
     */
    record Fetched(List<SourceReport> reports, int withNews) {}

    private DriverFetch() {}

    static Fetched fetch(List<SourceTask> tasks, RunOptions options) throws InterruptedException {
        FetchSources fetch = new FetchSources(options.runId(), options.fetchConfig(), options.fetchTimeout());
        fetch.open();
        try {
            Semaphore slots = new Semaphore(options.fetchCapacity() * options.parallelism());
            List<CompletableFuture<SourceOutcome>> pending = new ArrayList<>(tasks.size());
            tasks.forEach(task -> pending.add(null));
            for (int i : hostsInTurn(tasks)) {
                slots.acquire();
                pending.set(i, fetch.fetch(tasks.get(i)).whenComplete((outcome, error) -> slots.release()));
            }
            List<SourceReport> reports = new ArrayList<>(tasks.size());
            List<SourceOutcome> withNews = new ArrayList<>();
            for (CompletableFuture<SourceOutcome> future : pending) {
                SourceOutcome outcome = future.get();
                reports.add(outcome.report());
                if (!outcome.mentions().isEmpty() || !outcome.pageChanges().isEmpty()) {
                    withNews.add(outcome);
                }
            }
            return new Fetched(reports, withNews.isEmpty() ? 0 : FetchedOutcomes.register(options.runId(), withNews));
        } catch (ExecutionException e) {
            throw new IllegalStateException("fetching a source failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            fetch.close();
        }
    }

    /** The indices of {@code tasks}, ordered so that consecutive ones go to different hosts where possible. */
    static List<Integer> hostsInTurn(List<SourceTask> tasks) {
        Map<String, Deque<Integer>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            byHost.computeIfAbsent(tasks.get(i).spec().host(), h -> new ArrayDeque<>())
                    .add(i);
        }
        List<Integer> ordered = new ArrayList<>(tasks.size());
        while (ordered.size() < tasks.size()) {
            for (Deque<Integer> queue : byHost.values()) {
                if (!queue.isEmpty()) {
                    ordered.add(queue.poll());
                }
            }
        }
        return ordered;
    }
}
