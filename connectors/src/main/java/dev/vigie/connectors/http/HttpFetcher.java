package dev.vigie.connectors.http;

import dev.vigie.connectors.internal.AddressGuard;
import dev.vigie.connectors.internal.CappedBodySubscriber;
import dev.vigie.connectors.internal.ContentDecoding;
import dev.vigie.connectors.internal.HostScheduler;
import dev.vigie.connectors.internal.RetryAfter;
import dev.vigie.connectors.internal.RobotsRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches over HTTP like a polite, hardened crawler, without blocking the caller: {@link #fetch} returns a future
 * that always completes normally with a {@link FetchResult}, never exceptionally, so one bad source cannot fail a batch.
 *
 * <p>Each hop of a fetch: resolve the host and refuse non-public addresses unless allowed (SSRF, checked again after
 * every redirect); honour robots.txt for {@link Purpose#PAGE}; wait for a per-host slot and the per-host minimum
 * delay; send a conditional GET with Vigie's User-Agent; read at most {@code maxBodyBytes}; follow redirects by hand
 * up to {@code maxRedirects}; retry 429/502/503/504 and connection failures with exponential backoff, honouring
 * {@code Retry-After} up to {@code maxRetryAfter} (and holding the whole host off meanwhile).
 *
 * <p>The address check resolves the name just before each hop; the HTTP client resolves it again to connect, so a
 * name whose DNS answer changes between the two (DNS rebinding) is not caught. Sources are configured by the
 * watch's author, not by strangers, which keeps that window acceptable here.
 *
 * <p>Not serialisable: the Flink operator creates one in {@code open()} from a {@link FetchConfig} and closes it in
 * {@code close()}. Thread-safe.
 */
public final class HttpFetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
    private static final long ERROR_BODY_CAP = 64 * 1024;

    private final FetchConfig config;
    private final HttpClient client;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final HostScheduler scheduler;
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();
    /** Fetches under way, so that closing completes them instead of leaving callers waiting forever. */
    private final Map<CompletableFuture<FetchResult>, URI> pending = new ConcurrentHashMap<>();
    /** Hosts whose Retry-After exceeded the cap: calls fail fast as RATE_LIMITED until then. */
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record CachedRobots(CompletableFuture<RobotsRules> rules, Instant expires) {
    }

    private HttpFetcher(FetchConfig config) {
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(2, r -> daemon(r, "vigie-fetch-timer-" + n.incrementAndGet()));
        this.workers = Executors.newFixedThreadPool(Math.max(4, Math.min(config.maxConcurrency(), 64)),
                r -> daemon(r, "vigie-fetch-worker-" + n.incrementAndGet()));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .executor(workers)
                .build();
        this.scheduler = new HostScheduler(config.maxConcurrency(), config.perHostConcurrency(),
                config.perHostMinDelay(), timer);
    }

    /** Opens a fetcher (threads and an HTTP client); close it when done. */
    public static HttpFetcher open(FetchConfig config) {
        return new HttpFetcher(java.util.Objects.requireNonNull(config, "config"));
    }

    public FetchConfig config() {
        return config;
    }

    /**
     * Fetches {@code request}. The future always completes normally: failures are {@link FetchResult.Failed}.
     */
    public CompletableFuture<FetchResult> fetch(FetchRequest request) {
        CompletableFuture<FetchResult> result = new CompletableFuture<>();
        pending.put(result, request.url());
        result.whenComplete((r, e) -> pending.remove(result));
        if (closed) {
            result.complete(failed(request.url(), FailureKind.CANCELLED, 0, "fetcher closed"));
            return result;
        }
        try {
            new Fetch(request, result).hop(request.url(), 0, 0);
        } catch (RuntimeException e) {
            LOG.warn("unexpected error fetching {}", request.url(), e);
            result.complete(failed(request.url(), FailureKind.CONNECTION, 0, "unexpected error: " + e));
        }
        return result;
    }

    /** Convenience for callers that can block: waits for {@link #fetch}. */
    public FetchResult fetchNow(FetchRequest request) {
        return fetch(request).join();
    }

    /** Stops the fetcher; fetches still under way complete at once as {@link FailureKind#CANCELLED}. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        workers.shutdownNow();
        pending.forEach((future, url) -> future.complete(failed(url, FailureKind.CANCELLED, 0,
                "fetcher closed before the fetch ended")));
    }

    /** One fetch through its hops and retries. */
    private final class Fetch {
        private final FetchRequest request;
        private final CompletableFuture<FetchResult> result;
        private final Set<URI> visited = new LinkedHashSet<>();

        Fetch(FetchRequest request, CompletableFuture<FetchResult> result) {
            this.request = request;
            this.result = result;
        }

        void hop(URI url, int redirects, int attempt) {
            if (closed) {
                finish(failed(request.url(), FailureKind.CANCELLED, 0, "fetcher closed"));
                return;
            }
            String host = url.getHost();
            if (host == null || url.getScheme() == null
                    || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))) {
                finish(failed(request.url(), FailureKind.INVALID_URL, 0, "not an http(s) URL: " + url));
                return;
            }
            CompletableFuture<String> refusal = checkAddress(url);
            refusal.thenCompose(reason -> {
                if (reason != null) {
                    return CompletableFuture.completedFuture((Runnable) () -> finish(failed(request.url(),
                            reason.startsWith("unknown host") ? FailureKind.UNKNOWN_HOST : FailureKind.BLOCKED_ADDRESS,
                            0, reason)));
                }
                if (config.honourRobots() && request.purpose().robotsApply()) {
                    return robotsFor(url).thenApply(rules -> rules.allows(pathAndQuery(url))
                            ? (Runnable) () -> send(url, redirects, attempt)
                            : () -> finish(failed(request.url(), FailureKind.ROBOTS_DISALLOWED, 0,
                                    "robots.txt of " + host + " disallows " + url)));
                }
                return CompletableFuture.completedFuture((Runnable) () -> send(url, redirects, attempt));
            }).whenComplete((next, e) -> {
                if (e != null) {
                    finish(failed(request.url(), FailureKind.CONNECTION, 0, "unexpected error: " + e));
                } else {
                    next.run();
                }
            });
        }

        private void send(URI url, int redirects, int attempt) {
            String host = hostKey(url);
            Instant until = blockedUntil.get(host);
            if (until != null && until.isAfter(Instant.now())) {
                finish(failed(request.url(), FailureKind.RATE_LIMITED, 0, host + " asked not to be called before "
                        + until + " (" + url + ")"));
                return;
            }
            scheduler.submit(host, () -> exchange(url)).whenComplete((response, error) -> {
                try {
                    handle(url, redirects, attempt, response, error);
                } catch (RuntimeException e) {
                    LOG.warn("unexpected error handling response of {}", url, e);
                    finish(failed(request.url(), FailureKind.CONNECTION, 0, "unexpected error: " + e));
                }
            });
        }

        private CompletableFuture<HttpResponse<byte[]>> exchange(URI url) {
            HttpRequest.Builder b = HttpRequest.newBuilder(url)
                    .GET()
                    .timeout(config.requestTimeout())
                    .header("User-Agent", config.userAgent())
                    .header("Accept", request.purpose().accept())
                    .header("Accept-Encoding", "gzip, deflate");
            Validators v = request.validators();
            if (v.etag() != null) {
                b.header("If-None-Match", v.etag());
            }
            if (v.lastModified() != null) {
                b.header("If-Modified-Since", v.lastModified());
            }
            request.headers().forEach(b::header);
            return client.sendAsync(b.build(), info -> {
                        int status = info.statusCode();
                        long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
                        long cap = status >= 200 && status < 300 ? config.maxBodyBytes() : ERROR_BODY_CAP;
                        if (status == 304 || REDIRECTS.contains(status)) {
                            return HttpResponse.BodySubscribers.replacing(new byte[0]);
                        }
                        return new CappedBodySubscriber(cap, status >= 200 && status < 300 ? declared : -1);
                    })
                    .orTimeout(config.requestTimeout().toMillis() + 50, TimeUnit.MILLISECONDS);
        }

        private void handle(URI url, int redirects, int attempt, HttpResponse<byte[]> response, Throwable error) {
            if (error != null) {
                Throwable cause = unwrap(error);
                FailureKind kind = kindOf(cause);
                if (kind == FailureKind.CONNECTION && attempt < config.maxRetries()
                        && !(cause instanceof CappedBodySubscriber.TruncatedException)) {
                    retryLater(url, redirects, attempt, backoff(attempt), kind + ": " + describe(cause));
                    return;
                }
                finish(failed(request.url(), kind, 0, describe(cause) + " (" + url + ")"));
                return;
            }
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                String location = response.headers().firstValue("location").orElse(null);
                if (location == null) {
                    finish(failed(request.url(), FailureKind.HTTP_STATUS, status,
                            "redirect " + status + " without Location from " + url));
                    return;
                }
                URI next;
                try {
                    next = url.resolve(new URI(location.strip().replace(" ", "%20")));
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    finish(failed(request.url(), FailureKind.INVALID_URL, status,
                            "invalid redirect Location '" + location + "' from " + url));
                    return;
                }
                visited.add(url);
                if (visited.contains(next)) {
                    finish(failed(request.url(), FailureKind.TOO_MANY_REDIRECTS, status,
                            "redirect loop: " + url + " -> " + next));
                    return;
                }
                if (redirects + 1 > config.maxRedirects()) {
                    finish(failed(request.url(), FailureKind.TOO_MANY_REDIRECTS, status,
                            "more than " + config.maxRedirects() + " redirects, last to " + next));
                    return;
                }
                LOG.debug("{} redirects {} to {}", url, status, next);
                hop(next, redirects + 1, 0);
                return;
            }
            Validators validators = validatorsOf(response);
            if (status == 304) {
                finish(new FetchResult.NotModified(request.url(),
                        validators.isEmpty() ? request.validators() : merge(validators, request.validators()),
                        Instant.now()));
                return;
            }
            if (RETRYABLE.contains(status)) {
                Duration asked = RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null),
                        Instant.now());
                if (asked != null && asked.compareTo(config.maxRetryAfter()) > 0) {
                    blockedUntil.merge(hostKey(url), Instant.now().plus(asked),
                            (a, b) -> a.isAfter(b) ? a : b);
                    finish(failed(request.url(), FailureKind.RATE_LIMITED, status, "server asks to retry after "
                            + asked.toSeconds() + " s, more than the " + config.maxRetryAfter().toSeconds()
                            + " s allowed (" + url + ")"));
                    return;
                }
                if (attempt < config.maxRetries()) {
                    Duration wait = asked != null ? asked : backoff(attempt);
                    scheduler.holdOff(hostKey(url), wait);
                    retryLater(url, redirects, attempt, wait, "status " + status);
                    return;
                }
                finish(failed(request.url(), status == 429 || status == 503 ? FailureKind.RATE_LIMITED
                        : FailureKind.HTTP_STATUS, status, "status " + status + " after " + (attempt + 1)
                        + " attempts (" + url + ")"));
                return;
            }
            if (status < 200 || status > 299) {
                finish(failed(request.url(), FailureKind.HTTP_STATUS, status, "status " + status + " from " + url));
                return;
            }
            byte[] body;
            try {
                body = ContentDecoding.decode(response.body(),
                        response.headers().firstValue("content-encoding").orElse(null), config.maxBodyBytes());
            } catch (IOException e) {
                finish(failed(request.url(), kindOf(e), status, e.getMessage() + " (" + url + ")"));
                return;
            }
            finish(new FetchResult.Ok(request.url(), url, status,
                    response.headers().firstValue("content-type").orElse(null), body, validators,
                    response.headers().map(), Instant.now()));
        }

        private void retryLater(URI url, int redirects, int attempt, Duration wait, String why) {
            LOG.debug("retrying {} in {} ms after {}", url, wait.toMillis(), why);
            try {
                timer.schedule(() -> hop(url, redirects, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                finish(failed(request.url(), FailureKind.CANCELLED, 0, "fetcher closed"));
            }
        }

        private void finish(FetchResult r) {
            if (r instanceof FetchResult.Failed f) {
                LOG.debug("fetch failed: {}", f);
            }
            result.complete(r);
        }
    }

    private CompletableFuture<String> checkAddress(URI url) {
        String host = url.getHost();
        return CompletableFuture.supplyAsync(() -> {
            try {
                String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
                InetAddress[] all = InetAddress.getAllByName(h);
                if (config.allowPrivateAddresses()
                        || config.privateHostsAllowed().contains(h.toLowerCase(Locale.ROOT))) {
                    return null;
                }
                for (InetAddress a : all) {
                    String reason = AddressGuard.nonPublicReason(a);
                    if (reason != null) {
                        return host + " resolves to " + reason + " address " + a.getHostAddress()
                                + ", refused (allowPrivateAddresses is off): " + url;
                    }
                }
                return null;
            } catch (UnknownHostException e) {
                return "unknown host " + host + " (" + url + ")";
            }
        }, workers);
    }

    private CompletableFuture<RobotsRules> robotsFor(URI url) {
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority();
        Instant now = Instant.now();
        CachedRobots cached = robots.compute(origin, (k, old) -> old != null && old.expires.isAfter(now) ? old
                : new CachedRobots(loadRobots(URI.create(origin + "/robots.txt")),
                now.plus(config.robotsCacheTtl())));
        return cached.rules();
    }

    private CompletableFuture<RobotsRules> loadRobots(URI robotsUrl) {
        return fetch(new FetchRequest(robotsUrl, Purpose.ROBOTS, Validators.NONE, Map.of())).thenApply(r -> {
            if (r instanceof FetchResult.Ok ok) {
                return RobotsRules.parse(ok.text(), config.robotsAgent());
            }
            // RFC 9309: unavailable (4xx) means no restriction; we also proceed when it cannot be read at all,
            // as the page fetch will meet the same failure and report it.
            LOG.debug("no usable robots.txt at {}: {}", robotsUrl, r);
            return RobotsRules.ALLOW_ALL;
        });
    }

    private Duration backoff(int attempt) {
        long base = config.retryBaseDelay().toMillis() << Math.min(attempt, 16);
        long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Duration.ofMillis(base + jitter);
    }

    private static Validators validatorsOf(HttpResponse<?> response) {
        return new Validators(response.headers().firstValue("etag").orElse(null),
                response.headers().firstValue("last-modified").orElse(null));
    }

    private static Validators merge(Validators fresh, Validators old) {
        return new Validators(fresh.etag() != null ? fresh.etag() : old.etag(),
                fresh.lastModified() != null ? fresh.lastModified() : old.lastModified());
    }

    private static String hostKey(URI url) {
        return url.getHost().toLowerCase(Locale.ROOT);
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException
                || (c instanceof IOException && !(c instanceof HttpTimeoutException)
                && !(c instanceof CappedBodySubscriber.TooLargeException)
                && !(c instanceof CappedBodySubscriber.TruncatedException)
                && !(c instanceof ContentDecoding.BadEncodingException)))
                && c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static FailureKind kindOf(Throwable t) {
        if (t instanceof CappedBodySubscriber.TooLargeException) {
            return FailureKind.BODY_TOO_LARGE;
        }
        if (t instanceof CappedBodySubscriber.TruncatedException) {
            return FailureKind.TRUNCATED_BODY;
        }
        if (t instanceof ContentDecoding.BadEncodingException) {
            return FailureKind.BAD_CONTENT_ENCODING;
        }
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException
                || t instanceof HttpConnectTimeoutException) {
            return FailureKind.TIMEOUT;
        }
        if (t instanceof UnknownHostException) {
            return FailureKind.UNKNOWN_HOST;
        }
        if (t instanceof java.util.concurrent.CancellationException
                || t instanceof java.util.concurrent.RejectedExecutionException) {
            return FailureKind.CANCELLED;
        }
        return FailureKind.CONNECTION;
    }

    private static String describe(Throwable t) {
        if (t instanceof TimeoutException) {
            return "no complete response within the request timeout";
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + m;
    }

    private static FetchResult.Failed failed(URI url, FailureKind kind, int status, String message) {
        return new FetchResult.Failed(url, kind, status, message, Instant.now());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

}
