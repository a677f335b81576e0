package dev.vigie.jobs.run;

import dev.vigie.connectors.feed.FeedParser;
import dev.vigie.connectors.feed.FeedResult;
import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.connectors.http.FetchRequest;
import dev.vigie.connectors.http.FetchResult;
import dev.vigie.connectors.http.HttpFetcher;
import dev.vigie.connectors.http.Purpose;
import dev.vigie.connectors.http.Validators;
import dev.vigie.connectors.mention.BlueskySearch;
import dev.vigie.connectors.mention.HackerNewsSearch;
import dev.vigie.connectors.mention.MastodonSearch;
import dev.vigie.connectors.mention.MastodonTagTimeline;
import dev.vigie.connectors.mention.Mention;
import dev.vigie.connectors.mention.MentionBatch;
import dev.vigie.connectors.mention.MentionCollector;
import dev.vigie.connectors.mention.MentionCursor;
import dev.vigie.connectors.mention.MentionQuery;
import dev.vigie.connectors.mention.RedditSearch;
import dev.vigie.connectors.page.PageChange;
import dev.vigie.connectors.page.PageSnapshot;
import dev.vigie.connectors.page.PageSpec;
import dev.vigie.connectors.page.PageWatcher;
import dev.vigie.jobs.state.SourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and parses one source with the connectors (conditional GET for feeds and pages, cursors for the mention
 * APIs) and keeps what is new since the last run. Never fails the job: a source that cannot be fetched or read gives
 * a {@link SourceStatus#FAILED} outcome carrying the reason and its previous state.
 *
 * <p>One {@link HttpFetcher} per subtask, opened in {@code open()}; tasks are keyed by host upstream, so its per-host
 * politeness covers every request to a host. An embedded run calls {@link #fetch} from the driver instead
 * ({@link DriverFetch}), with one instance and so one {@link HttpFetcher} for all hosts.
 */
final class FetchSources extends RichAsyncFunction<SourceTask, SourceOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(FetchSources.class);

    private final String runId;
    private final FetchConfig config;
    private final Duration timeout;
    private transient HttpFetcher fetcher;
    private transient MentionCollector collector;
    private transient FeedParser feeds;
    private transient PageWatcher pages;

    FetchSources(String runId, FetchConfig config, Duration timeout) {
        this.runId = runId;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    public void open(OpenContext context) {
        open();
    }

    /** Opens the HTTP client and the parsers: {@code open(OpenContext)} in a job, called directly in the driver. */
    void open() {
        fetcher = HttpFetcher.open(config);
        collector = new MentionCollector(fetcher);
        feeds = new FeedParser();
        pages = new PageWatcher();
    }

    @Override
    public void asyncInvoke(SourceTask task, ResultFuture<SourceOutcome> result) {
        fetch(task).thenAccept(outcome -> result.complete(List.of(outcome)));
    }

    /**
     * Fetches one source. The future never fails: a source that cannot be fetched gives a failed outcome. At the
     * time limit the work stops, not only the wait for it: the request in flight is aborted (its connection closed),
     * no further page, redirect or retry is asked for, and a body not yet parsed is not parsed.
     */
    CompletableFuture<SourceOutcome> fetch(SourceTask task) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        List<CompletableFuture<?>> work = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<SourceOutcome> outcome;
        try {
            outcome = start(task, startedAt, start, work);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        return outcome.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((done, error) -> {
            if (error != null) {
                work.forEach(w -> w.cancel(true)); // HttpFetcher and MentionCollector stop on cancellation
            }
            SourceOutcome value = error == null ? done : failed(task, reason(error), startedAt, start);
            RunProgress.sourceDone(runId, value.report().fetched());
            if (value.report().status() == SourceStatus.FAILED) {
                LOG.warn("Source {} failed: {}", task.ref(), value.report().reason());
            } else {
                LOG.debug(
                        "Source {}: {} fetched, {} new",
                        task.ref(),
                        value.report().fetched(),
                        value.report().fresh());
            }
            return value;
        });
    }

    private CompletableFuture<SourceOutcome> start(
            SourceTask task, Instant startedAt, long start, List<CompletableFuture<?>> work) {
        SourceSpec spec = task.spec();
        if (spec instanceof SourceSpec.Feed feed) {
            return feed(task, feed, startedAt, start, work);
        }
        if (spec instanceof SourceSpec.Page page) {
            return page(task, page, startedAt, start, work);
        }
        MentionQuery query;
        if (spec instanceof SourceSpec.Mastodon m) {
            query = m.hashtag() != null
                    ? new MastodonTagTimeline(m.instance().toString(), m.hashtag())
                    : new MastodonSearch(m.instance().toString(), m.query());
        } else if (spec instanceof SourceSpec.Bluesky b) {
            query = new BlueskySearch(b.api().toString(), b.query(), BlueskySearch.DEFAULT_PAGE_SIZE);
        } else if (spec instanceof SourceSpec.Reddit r) {
            query = new RedditSearch(r.api().toString(), r.query(), r.subreddit(), RedditSearch.DEFAULT_PAGE_SIZE);
        } else if (spec instanceof SourceSpec.HackerNews h) {
            query = new HackerNewsSearch(h.api().toString(), h.query(), HackerNewsSearch.DEFAULT_PAGE_SIZE);
        } else {
            throw new IllegalArgumentException("unknown source spec " + spec);
        }
        return mentions(task, query, startedAt, start, work);
    }

    @Override
    public void timeout(SourceTask task, ResultFuture<SourceOutcome> result) {
        result.complete(List.of(failed(task, "timed out", Instant.now(), System.nanoTime())));
    }

    private CompletableFuture<SourceOutcome> feed(
            SourceTask task, SourceSpec.Feed feed, Instant startedAt, long start, List<CompletableFuture<?>> work) {
        SourceState state = task.state();
        Validators validators = new Validators(state.etag(), state.lastModified());
        return fetchConditionally(task, validators, feed.url().toString(), Purpose.FEED, startedAt, start, work, ok -> {
            FeedResult parsed = feeds.parse(ok, feed.competitor());
            if (parsed instanceof FeedResult.Rejected rejected) {
                return failed(task, rejected.reason() + ": " + rejected.message(), startedAt, start);
            }
            return fresh(
                    task,
                    ((FeedResult.Parsed) parsed).mentions(),
                    state.withValidators(ok.validators().etag(), ok.validators().lastModified()),
                    startedAt,
                    start);
        });
    }

    /**
     * A conditional GET (with the last run's validators, or none when the body is needed whatever it is): a 304 or
     * a failure becomes the source's outcome here, a body goes to {@code onBody}.
     */
    private CompletableFuture<SourceOutcome> fetchConditionally(
            SourceTask task,
            Validators validators,
            String url,
            Purpose purpose,
            Instant startedAt,
            long start,
            List<CompletableFuture<?>> work,
            Function<FetchResult.Ok, SourceOutcome> onBody) {
        SourceState state = task.state();
        FetchRequest request = FetchRequest.conditional(url, purpose, validators);
        CompletableFuture<FetchResult> fetch = fetcher.fetch(request);
        work.add(fetch);
        // cancelled at the time limit: a body that arrives after it is not parsed (dependants of a cancelled
        // future do not run)
        return fetch.thenApply(response -> {
            if (response instanceof FetchResult.NotModified nm) {
                return unchanged(
                        task,
                        state.withValidators(
                                nm.validators().etag(), nm.validators().lastModified()),
                        startedAt,
                        start);
            }
            if (response instanceof FetchResult.Failed failed) {
                return failed(task, failed.toString(), startedAt, start);
            }
            return onBody.apply((FetchResult.Ok) response);
        });
    }

    private CompletableFuture<SourceOutcome> mentions(
            SourceTask task, MentionQuery query, Instant startedAt, long start, List<CompletableFuture<?>> work) {
        SourceState state = task.state();
        CompletableFuture<MentionBatch> collect = collector.collect(query, new MentionCursor(state.cursor()));
        work.add(collect);
        return collect.thenApply(batch -> {
            if (batch.failure() != null && batch.mentions().isEmpty()) {
                return failed(task, batch.failure().toString(), startedAt, start);
            }
            if (!batch.errors().isEmpty()) {
                LOG.info(
                        "Source {}: {} items or pages could not be read, first: {}",
                        task.ref(),
                        batch.errors().size(),
                        batch.errors().get(0));
            }
            return fresh(task, batch.mentions(), cursorOf(state, batch), startedAt, start);
        });
    }

    private static SourceState cursorOf(SourceState state, MentionBatch batch) {
        return batch.cursor() == null || batch.cursor().isStart()
                ? state
                : state.withCursor(batch.cursor().value());
    }

    /**
     * A competitor page: its first snapshot is a {@link SourceStatus#BASELINE baseline}, later ones are compared
     * with the last. A snapshot taken with other settings ({@code select}, {@code ignore}, {@code noise} edited in
     * the watch file) cannot be compared: the page is then fetched whole, without validators, and becomes the new
     * baseline. A selector that matches nothing fails the source (the page was redesigned, or the selector is
     * wrong) and keeps the last snapshot, rather than reporting every line as removed.
     */
    private CompletableFuture<SourceOutcome> page(
            SourceTask task, SourceSpec.Page page, Instant startedAt, long start, List<CompletableFuture<?>> work) {
        SourceState state = task.state();
        PageSpec spec = page.toPageSpec();
        List<String> changedSettings =
                state.snapshot() == null ? List.of() : PageChanges.changedSettings(state.snapshot(), spec);
        Validators validators =
                changedSettings.isEmpty() ? new Validators(state.etag(), state.lastModified()) : Validators.NONE;
        return fetchConditionally(task, validators, page.url().toString(), Purpose.PAGE, startedAt, start, work, ok -> {
            PageSnapshot current = pages.snapshot(spec, ok);
            if (!current.found()) {
                return outcome(
                        task,
                        SourceStatus.FAILED,
                        "select '" + spec.select() + "' matched nothing on the "
                                + "page (redesigned, or a wrong selector?); the last snapshot is kept",
                        1,
                        0,
                        0,
                        state.withValidators(null, null),
                        List.of(),
                        List.of(),
                        startedAt,
                        start);
            }
            SourceState next = state.withValidators(
                            ok.validators().etag(), ok.validators().lastModified())
                    .withSnapshot(PageChanges.toJson(current, spec));
            if (state.snapshot() == null || !changedSettings.isEmpty()) {
                String reason = (state.snapshot() == null
                                ? "first snapshot stored"
                                : String.join(", ", changedSettings) + " changed in the watch, new snapshot stored")
                        + "; changes are reported from the next run";
                return outcome(
                        task, SourceStatus.BASELINE, reason, 1, 0, 0, next, List.of(), List.of(), startedAt, start);
            }
            Optional<PageChange> change = pages.compare(PageChanges.fromJson(state.snapshot()), current);
            if (change.isEmpty()) {
                return outcome(
                        task, SourceStatus.UNCHANGED, null, 1, 0, 1, next, List.of(), List.of(), startedAt, start);
            }
            return outcome(
                    task,
                    SourceStatus.NEW,
                    null,
                    1,
                    1,
                    0,
                    next,
                    List.of(),
                    List.of(PageChanges.document(task.ref().watch(), page.competitor(), change.get(), current.hash())),
                    startedAt,
                    start);
        });
    }

    /** Keeps the mentions not seen in earlier runs; remembers all of them. */
    private static SourceOutcome fresh(
            SourceTask task, List<Mention> mentions, SourceState state, Instant startedAt, long start) {
        Set<String> seen = task.state().seen();
        List<Collected> fresh = new ArrayList<>();
        String competitor = task.spec() instanceof SourceSpec.Feed feed ? feed.competitor() : null;
        List<String> ids = new ArrayList<>(mentions.size());
        for (Mention mention : mentions) {
            ids.add(mention.id());
            if (!seen.contains(mention.id())) {
                fresh.add(new Collected(task.ref().watch(), task.ref().key(), mention, competitor));
            }
        }
        return outcome(
                task,
                fresh.isEmpty() ? SourceStatus.UNCHANGED : SourceStatus.NEW,
                null,
                mentions.size(),
                fresh.size(),
                mentions.size() - fresh.size(),
                state.withSeen(ids),
                fresh,
                List.of(),
                startedAt,
                start);
    }

    private static SourceOutcome unchanged(SourceTask task, SourceState state, Instant startedAt, long start) {
        return outcome(task, SourceStatus.UNCHANGED, null, 0, 0, 0, state, List.of(), List.of(), startedAt, start);
    }

    private static SourceOutcome failed(SourceTask task, String reason, Instant startedAt, long start) {
        return outcome(
                task, SourceStatus.FAILED, reason, 0, 0, 0, task.state(), List.of(), List.of(), startedAt, start);
    }

    private static SourceOutcome outcome(
            SourceTask task,
            SourceStatus status,
            String reason,
            int fetched,
            int fresh,
            int unchanged,
            SourceState state,
            List<Collected> mentions,
            List<PageChangeDocument> changes,
            Instant startedAt,
            long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new SourceOutcome(
                new SourceReport(task.ref(), status, reason, fetched, fresh, unchanged, startedAt, millis, state),
                mentions,
                changes);
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
            return "timed out";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void close() {
        if (fetcher != null) {
            fetcher.close();
        }
    }
}
