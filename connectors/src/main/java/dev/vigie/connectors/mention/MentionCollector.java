package dev.vigie.connectors.mention;

import dev.vigie.connectors.http.FetchRequest;
import dev.vigie.connectors.http.FetchResult;
import dev.vigie.connectors.http.HttpFetcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link MentionQuery} for one run: fetches its pages through an {@link HttpFetcher} (which brings
 * timeouts, retries and per-host politeness), waits when the platform's rate-limit headers say the window is spent,
 * and returns the mentions with the cursor to store for the next run.
 *
 * <p>Cursor rule: the cursor advances to the newest item read when the run reached the previous cursor (or the end
 * of the results), on a first run, or when pages go oldest-first; a newest-first run cut short (page limit, rate
 * limit, failure) keeps the previous cursor, so the next run covers the gap again (ids make that idempotent).
 */
public final class MentionCollector {
    private static final Logger LOG = LoggerFactory.getLogger(MentionCollector.class);
    public static final int DEFAULT_MAX_PAGES = 10;
    public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    private final HttpFetcher fetcher;
    private final int maxPages;
    private final Duration maxRateLimitWait;
    private final Clock clock;
    private final Function<Duration, Executor> waiting;

    public MentionCollector(HttpFetcher fetcher) {
        this(fetcher, DEFAULT_MAX_PAGES, DEFAULT_MAX_RATE_LIMIT_WAIT);
    }

    /**
     * @param maxPages pages read per query and run (1..1000)
     * @param maxRateLimitWait longest wait for a rate-limit window to reset; beyond it the run stops the query
     */
    public MentionCollector(HttpFetcher fetcher, int maxPages, Duration maxRateLimitWait) {
        this(
                fetcher,
                maxPages,
                maxRateLimitWait,
                Clock.systemUTC(),
                wait -> CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * As above, with the clock rate-limit windows are read against and the executor that runs the next page after a
     * wait (tests pass their own to see the wait asked for without sleeping).
     */
    MentionCollector(
            HttpFetcher fetcher,
            int maxPages,
            Duration maxRateLimitWait,
            Clock clock,
            Function<Duration, Executor> waiting) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.waiting = Objects.requireNonNull(waiting, "waiting");
        if (maxPages < 1 || maxPages > 1000) {
            throw new IllegalArgumentException("maxPages must be within 1..1000: " + maxPages);
        }
        if (maxRateLimitWait == null || maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("maxRateLimitWait must not be negative: " + maxRateLimitWait);
        }
        this.maxPages = maxPages;
        this.maxRateLimitWait = maxRateLimitWait;
    }

    /**
     * Collects what {@code query} has after {@code since}; the future completes normally unless the caller cancels
     * it, which stops the query: the request in flight is aborted and no further page is asked for.
     */
    public CompletableFuture<MentionBatch> collect(MentionQuery query, MentionCursor since) {
        Run run = new Run(query, since == null ? MentionCursor.START : since);
        run.done.whenComplete((batch, error) -> {
            CompletableFuture<FetchResult> inFlight = run.inFlight;
            if (run.done.isCancelled() && inFlight != null) {
                inFlight.cancel(true);
            }
        });
        run.step(query.firstRequest(run.since));
        return run.done;
    }

    private final class Run {
        final MentionQuery query;
        final MentionCursor since;
        final CompletableFuture<MentionBatch> done = new CompletableFuture<>();
        final Map<String, Mention> mentions = new LinkedHashMap<>();
        final List<String> errors = new ArrayList<>();
        String newest;
        int pages;
        volatile CompletableFuture<FetchResult> inFlight;

        Run(MentionQuery query, MentionCursor since) {
            this.query = query;
            this.since = since;
        }

        void step(FetchRequest request) {
            if (done.isDone()) {
                return; // cancelled by the caller
            }
            CompletableFuture<FetchResult> fetch = fetcher.fetch(request);
            inFlight = fetch;
            if (done.isCancelled()) {
                fetch.cancel(true);
            }
            fetch.whenComplete((result, error) -> {
                try {
                    if (done.isDone()) {
                        return;
                    }
                    if (error != null) {
                        finish(false, null, "unexpected error: " + error);
                    } else {
                        handle(result);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("mention query {} failed", query, e);
                    finish(false, null, "unexpected error: " + e);
                }
            });
        }

        void handle(FetchResult result) {
            if (result instanceof FetchResult.Failed failed) {
                finish(false, failed, null);
                return;
            }
            if (!(result instanceof FetchResult.Ok ok)) {
                finish(true, null, null);
                return;
            }
            pages++;
            MentionPage page = query.parse(ok, since);
            page.mentions().forEach(m -> mentions.putIfAbsent(m.id(), m));
            errors.addAll(page.errors());
            if (page.newest() != null
                    && (newest == null || query.compare(page.newest().value(), newest) > 0)) {
                newest = page.newest().value();
            }
            if (page.reachedCursor() || page.next() == null) {
                finish(page.errors().isEmpty() || !page.mentions().isEmpty(), null, null);
                return;
            }
            if (pages >= maxPages) {
                finish(false, null, null);
                return;
            }
            Instant now = clock.instant();
            Optional<RateLimit> limit = RateLimit.from(ok::header, now);
            if (limit.isPresent() && limit.get().exhausted()) {
                Duration wait = Duration.between(now, limit.get().resetAt());
                if (wait.compareTo(maxRateLimitWait) > 0) {
                    finish(false, null, "rate limit spent until " + limit.get().resetAt() + "; stopping " + query);
                    return;
                }
                LOG.debug("rate limit spent for {}, waiting {} ms", query, wait.toMillis());
                CompletableFuture.runAsync(
                        () -> step(page.next()), waiting.apply(wait.isNegative() ? Duration.ZERO : wait));
                return;
            }
            step(page.next());
        }

        void finish(boolean complete, FetchResult.Failed failure, String error) {
            if (error != null) {
                errors.add(error);
            }
            MentionCursor cursor = since;
            if (newest != null && (complete || since.isStart() || query.oldestFirst(since))) {
                cursor =
                        since.isStart() || query.compare(newest, since.value()) > 0 ? new MentionCursor(newest) : since;
            }
            LOG.debug("{}: {} mentions in {} pages, cursor {}", query, mentions.size(), pages, cursor.value());
            done.complete(new MentionBatch(
                    query.label(), new ArrayList<>(mentions.values()), cursor, pages, errors, failure));
        }
    }
}
