package dev.vigie.connectors.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Starts asynchronous work under politeness limits without blocking a thread per waiting request: at most
 * {@code maxConcurrency} in flight overall, {@code perHost} per host, and starts to one host spaced by
 * {@code minDelay}. Waiting work sits in per-host queues; hosts take turns so one big host does not starve the others.
 */
public final class HostScheduler {
    private final int maxConcurrency;
    private final int perHost;
    private final long minDelayNanos;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoClock;
    private final Map<String, Host> hosts = new HashMap<>();
    private final LinkedHashSet<String> waiting = new LinkedHashSet<>();
    private int active;

    private static final class Host {
        int active;
        long nextStart = Long.MIN_VALUE;
        final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    }

    public HostScheduler(int maxConcurrency, int perHost, Duration minDelay, ScheduledExecutorService timer) {
        this(maxConcurrency, perHost, minDelay, timer, System::nanoTime);
    }

    /** As above, reading the time from {@code nanoClock} ({@link System#nanoTime()} semantics): tests control it. */
    public HostScheduler(
            int maxConcurrency,
            int perHost,
            Duration minDelay,
            ScheduledExecutorService timer,
            LongSupplier nanoClock) {
        this.maxConcurrency = maxConcurrency;
        this.perHost = perHost;
        this.minDelayNanos = minDelay.toNanos();
        this.timer = timer;
        this.nanoClock = nanoClock;
    }

    /** Runs {@code work} when the limits allow; the returned future completes with the work's outcome. */
    public <T> CompletableFuture<T> submit(String host, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            CompletableFuture<T> f;
            try {
                f = work.get();
            } catch (RuntimeException | Error e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((v, e) -> {
                release(host);
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(v);
                }
            });
        };
        synchronized (this) {
            hosts.computeIfAbsent(host, h -> new Host()).queue.add(task);
            waiting.add(host);
            dispatch();
        }
        return result;
    }

    /** No new request to {@code host} starts before {@code delay} has passed (a server's {@code Retry-After}). */
    public synchronized void holdOff(String host, Duration delay) {
        Host h = hosts.computeIfAbsent(host, k -> new Host());
        long until = nanoClock.getAsLong() + delay.toNanos();
        if (until - h.nextStart > 0 || h.nextStart == Long.MIN_VALUE) {
            h.nextStart = until;
        }
    }

    /** Requests in flight (for tests and statistics). */
    public synchronized int active() {
        return active;
    }

    private void release(String host) {
        synchronized (this) {
            Host h = hosts.get(host);
            h.active--;
            active--;
            if (h.active == 0 && h.queue.isEmpty() && nanoClock.getAsLong() - h.nextStart > 0) {
                hosts.remove(host);
            }
            dispatch();
        }
    }

    private void dispatch() {
        while (active < maxConcurrency && !waiting.isEmpty()) {
            String chosen = null;
            for (Iterator<String> it = waiting.iterator(); it.hasNext(); ) {
                String name = it.next();
                if (hosts.get(name).active < perHost) {
                    chosen = name;
                    break;
                }
            }
            if (chosen == null) {
                return;
            }
            Host h = hosts.get(chosen);
            Runnable task = h.queue.poll();
            waiting.remove(chosen);
            if (!h.queue.isEmpty()) {
                waiting.add(chosen); // back of the line
            }
            h.active++;
            active++;
            long now = nanoClock.getAsLong();
            long start = h.nextStart == Long.MIN_VALUE || now - h.nextStart > 0 ? now : h.nextStart;
            h.nextStart = start + minDelayNanos;
            long delay = start - now;
            if (delay <= 0) {
                timer.execute(task);
            } else {
                timer.schedule(task, delay, TimeUnit.NANOSECONDS);
            }
        }
    }
}
