package dev.vigie.connectors.http;

import dev.vigie.connectors.internal.AddressGuard;
import dev.vigie.connectors.internal.CappedBody;
import dev.vigie.connectors.internal.ContentDecoding;
import dev.vigie.connectors.internal.HostScheduler;
import dev.vigie.connectors.internal.RetryAfter;
import dev.vigie.connectors.internal.RobotsRules;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches over HTTP like a polite, hardened crawler, without blocking the caller: {@link #fetch} returns a future
 * that completes normally with a {@link FetchResult}, never exceptionally (unless the caller cancels it), so one bad
 * source cannot fail a batch.
 *
 * <p>Each hop of a fetch: resolve the host and refuse non-public addresses unless allowed (SSRF, checked again after
 * every redirect); honour robots.txt for {@link Purpose#PAGE}; wait for a per-host slot and the per-host minimum
 * delay; send a conditional GET with Vigie's User-Agent; read at most {@code maxBodyBytes}; follow redirects by hand
 * up to {@code maxRedirects}; retry 429/502/503/504 and connection failures with exponential backoff, honouring
 * {@code Retry-After} up to {@code maxRetryAfter} (and holding the whole host off meanwhile).
 *
 * <p>SSRF and DNS rebinding: the HTTP client (Apache HttpClient 5) asks the fetcher's {@link HostResolver} for the
 * addresses of a host when it opens a connection; the fetcher checks every address returned and hands back only
 * checked ones, so the address checked is the address connected to (the {@code Host} header and TLS SNI keep the
 * name). A name that first resolves to a public address and then to an internal one is refused at the connection.
 *
 * <p>Credentials stay on their origin: the extra headers of a {@link FetchRequest} (API tokens, by contract) are sent
 * only while the scheme, host and port stay those of the request's URL; a redirect to another origin drops them.
 *
 * <p>Time limits close connections: a request still running at {@code requestTimeout} (a server trickling its body)
 * is aborted and its connection closed, and {@link #close()} aborts every request in flight.
 *
 * <p>Not serialisable: the Flink operator creates one in {@code open()} from a {@link FetchConfig} and closes it in
 * {@code close()}. Thread-safe.
 */
public final class HttpFetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);
    /** How long an unreachable robots.txt (5xx, 429, time-out) keeps a host disallowed before it is read again. */
    private static final Duration UNREACHABLE_ROBOTS_TTL = Duration.ofMinutes(5);

    private final FetchConfig config;
    private final HostResolver resolver;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    /** Runs the blocking exchanges; the scheduler keeps at most {@code maxConcurrency} of them in flight. */
    private final ExecutorService io;
    /** Requests on the wire, aborted (connection closed) by {@link #close()}. */
    private final Set<HttpGet> onTheWire = ConcurrentHashMap.newKeySet();

    private final HostScheduler scheduler;
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();
    /** Fetches under way, so that closing completes them instead of leaving callers waiting forever. */
    private final Map<CompletableFuture<FetchResult>, URI> pending = new ConcurrentHashMap<>();
    /** Hosts whose Retry-After exceeded the cap: calls fail fast as RATE_LIMITED until then. */
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    private volatile boolean closed;

    private record CachedRobots(CompletableFuture<RobotsRules> rules, Instant loaded) {
        /** Read rules are kept {@code ttl}; an unreachable robots.txt is asked for again sooner. */
        boolean fresh(Instant now, Duration ttl) {
            Duration keep = ttl;
            if (rules.isDone()
                    && !rules.isCompletedExceptionally()
                    && rules.join().unreachableReason() != null
                    && UNREACHABLE_ROBOTS_TTL.compareTo(ttl) < 0) {
                keep = UNREACHABLE_ROBOTS_TTL;
            }
            return now.isBefore(loaded.plus(keep));
        }
    }

    private HttpFetcher(FetchConfig config, HostResolver resolver) {
        this.config = config;
        this.resolver = resolver;
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(2, r -> daemon(r, "vigie-fetch-timer-" + n.incrementAndGet()));
        this.workers = Executors.newFixedThreadPool(4, r -> daemon(r, "vigie-fetch-worker-" + n.incrementAndGet()));
        this.io = Executors.newFixedThreadPool(
                Math.min(config.maxConcurrency(), 256), r -> daemon(r, "vigie-fetch-io-" + n.incrementAndGet()));
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new org.apache.hc.client5.http.DnsResolver() {
                    @Override
                    public InetAddress[] resolve(String host) throws UnknownHostException {
                        return checkedAddresses(host);
                    }

                    @Override
                    public String resolveCanonicalHostname(String host) {
                        return host;
                    }
                })
                .setMaxConnTotal(config.maxConcurrency())
                .setMaxConnPerRoute(config.perHostConcurrency())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.requestTimeout()))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(config.requestTimeout()))
                        .setResponseTimeout(Timeout.of(config.requestTimeout()))
                        .build())
                .build();
        this.scheduler = new HostScheduler(
                config.maxConcurrency(), config.perHostConcurrency(), config.perHostMinDelay(), timer);
    }

    /** Opens a fetcher (threads and an HTTP client); close it when done. */
    public static HttpFetcher open(FetchConfig config) {
        return open(config, HostResolver.SYSTEM);
    }

    /** Opens a fetcher that resolves host names with {@code resolver} (tests, custom DNS); close it when done. */
    public static HttpFetcher open(FetchConfig config, HostResolver resolver) {
        return new HttpFetcher(
                java.util.Objects.requireNonNull(config, "config"),
                java.util.Objects.requireNonNull(resolver, "resolver"));
    }

    public FetchConfig config() {
        return config;
    }

    /**
     * Fetches {@code request}. The future completes normally unless the caller cancels it: failures are
     * {@link FetchResult.Failed}. Cancelling it stops the fetch: the request on the wire is aborted (its connection
     * closed) and no redirect or retry follows (a per-source time limit uses this).
     */
    public CompletableFuture<FetchResult> fetch(FetchRequest request) {
        CompletableFuture<FetchResult> result = new CompletableFuture<>();
        pending.put(result, request.url());
        if (closed) {
            result.complete(failed(request.url(), FailureKind.CANCELLED, 0, "fetcher closed"));
            pending.remove(result);
            return result;
        }
        Fetch fetch = new Fetch(request, result);
        result.whenComplete((r, e) -> {
            pending.remove(result);
            if (result.isCancelled()) {
                fetch.abort();
            }
        });
        try {
            fetch.hop(request.url(), 0, 0);
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
        onTheWire.forEach(HttpGet::cancel);
        connections.close(CloseMode.IMMEDIATE);
        try {
            client.close(CloseMode.IMMEDIATE);
        } catch (RuntimeException e) {
            LOG.debug("closing the HTTP client: {}", e.toString());
        }
        timer.shutdownNow();
        workers.shutdownNow();
        io.shutdownNow();
        pending.forEach((future, url) ->
                future.complete(failed(url, FailureKind.CANCELLED, 0, "fetcher closed before the fetch ended")));
    }

    /** One fetch through its hops and retries. */
    private final class Fetch {
        private final FetchRequest request;
        private final CompletableFuture<FetchResult> result;
        private final Set<URI> visited = new LinkedHashSet<>();
        /** The request's extra headers (credentials); dropped for good once a redirect leaves the request's origin. */
        private Map<String, String> headers;
        /** The request on the wire, aborted when the caller cancels the fetch. */
        private volatile HttpGet current;

        Fetch(FetchRequest request, CompletableFuture<FetchResult> result) {
            this.request = request;
            this.result = result;
            this.headers = request.headers();
        }

        /** The caller cancelled: abort what is on the wire; {@link #hop} and the exchange start nothing more. */
        void abort() {
            HttpGet get = current;
            if (get != null) {
                get.cancel();
            }
        }

        void hop(URI url, int redirects, int attempt) {
            if (result.isDone()) {
                return;
            }
            if (closed) {
                finish(failed(request.url(), FailureKind.CANCELLED, 0, "fetcher closed"));
                return;
            }
            String host = url.getHost();
            if (host == null
                    || url.getScheme() == null
                    || !(url.getScheme().equalsIgnoreCase("http")
                            || url.getScheme().equalsIgnoreCase("https"))) {
                finish(failed(request.url(), FailureKind.INVALID_URL, 0, "not an http(s) URL: " + url));
                return;
            }
            CompletableFuture<String> refusal = checkAddress(url);
            refusal.thenCompose(reason -> {
                        if (reason != null) {
                            return CompletableFuture.completedFuture((Runnable) () -> finish(failed(
                                    request.url(),
                                    reason.startsWith("unknown host")
                                            ? FailureKind.UNKNOWN_HOST
                                            : FailureKind.BLOCKED_ADDRESS,
                                    0,
                                    reason)));
                        }
                        if (config.honourRobots() && request.purpose().robotsApply()) {
                            return robotsFor(url)
                                    .thenApply(rules -> rules.allows(pathAndQuery(url))
                                            ? (Runnable) () -> send(url, redirects, attempt)
                                            : () -> finish(failed(
                                                    request.url(),
                                                    FailureKind.ROBOTS_DISALLOWED,
                                                    0,
                                                    rules.unreachableReason() == null
                                                            ? "robots.txt of " + host + " disallows " + url
                                                            : "robots.txt of " + host + " could not be read ("
                                                                    + rules.unreachableReason()
                                                                    + "): nothing is fetched from " + host
                                                                    + " until it can be (RFC 9309), " + url)));
                        }
                        return CompletableFuture.completedFuture((Runnable) () -> send(url, redirects, attempt));
                    })
                    .whenComplete((next, e) -> {
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
                finish(failed(
                        request.url(),
                        FailureKind.RATE_LIMITED,
                        0,
                        host + " asked not to be called before " + until + " (" + url + ")"));
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

        private CompletableFuture<Response> exchange(URI url) {
            HttpGet get = new HttpGet(url);
            get.setHeader("User-Agent", config.userAgent());
            get.setHeader("Accept", request.purpose().accept());
            get.setHeader("Accept-Encoding", "gzip, deflate");
            Validators v = request.validators();
            if (v.etag() != null) {
                get.setHeader("If-None-Match", v.etag());
            }
            if (v.lastModified() != null) {
                get.setHeader("If-Modified-Since", v.lastModified());
            }
            headers.forEach(get::setHeader);
            CompletableFuture<Response> response = new CompletableFuture<>();
            try {
                io.execute(() -> {
                    if (result.isDone()) {
                        response.completeExceptionally(
                                new java.util.concurrent.CancellationException("fetch cancelled"));
                        return;
                    }
                    // the whole attempt, body included, is bounded: at requestTimeout the request is aborted,
                    // which closes its connection (a server trickling one byte at a time cannot hold it)
                    ScheduledFuture<?> deadline;
                    try {
                        deadline = timer.schedule(
                                () -> {
                                    if (response.completeExceptionally(new TimeoutException())) {
                                        get.cancel();
                                    }
                                },
                                config.requestTimeout().toMillis(),
                                TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.RejectedExecutionException e) {
                        response.completeExceptionally(e);
                        return;
                    }
                    onTheWire.add(get);
                    current = get;
                    if (result.isCancelled()) {
                        get.cancel(); // cancelled between the check above and now
                    }
                    try {
                        response.complete(HttpFetcher.this.execute(get));
                    } catch (IOException | RuntimeException e) {
                        response.completeExceptionally(
                                closed ? new java.util.concurrent.CancellationException("fetcher closed") : e);
                    } finally {
                        current = null;
                        onTheWire.remove(get);
                        deadline.cancel(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                response.completeExceptionally(e);
            }
            return response;
        }

        private void handle(URI url, int redirects, int attempt, Response response, Throwable error) {
            if (error != null) {
                Throwable cause = unwrap(error);
                FailureKind kind = kindOf(cause);
                if (kind == FailureKind.CONNECTION
                        && attempt < config.maxRetries()
                        && !(cause instanceof CappedBody.TruncatedException)) {
                    retryLater(url, redirects, attempt, backoff(attempt), kind + ": " + describe(cause));
                    return;
                }
                finish(failed(request.url(), kind, 0, describe(cause) + " (" + url + ")"));
                return;
            }
            int status = response.status();
            if (REDIRECTS.contains(status)) {
                String location = response.first("location");
                if (location == null) {
                    finish(failed(
                            request.url(),
                            FailureKind.HTTP_STATUS,
                            status,
                            "redirect " + status + " without Location from " + url));
                    return;
                }
                URI next;
                try {
                    next = url.resolve(new URI(location.strip().replace(" ", "%20")));
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    finish(failed(
                            request.url(),
                            FailureKind.INVALID_URL,
                            status,
                            "invalid redirect Location '" + location + "' from " + url));
                    return;
                }
                visited.add(url);
                if (visited.contains(next)) {
                    finish(failed(
                            request.url(),
                            FailureKind.TOO_MANY_REDIRECTS,
                            status,
                            "redirect loop: " + url + " -> " + next));
                    return;
                }
                if (redirects + 1 > config.maxRedirects()) {
                    finish(failed(
                            request.url(),
                            FailureKind.TOO_MANY_REDIRECTS,
                            status,
                            "more than " + config.maxRedirects() + " redirects, last to " + next));
                    return;
                }
                if (!headers.isEmpty() && !sameOrigin(url, next)) {
                    LOG.debug(
                            "redirect from {} to another origin {}: request headers (credentials) dropped", url, next);
                    headers = Map.of();
                }
                LOG.debug("{} redirects {} to {}", url, status, next);
                hop(next, redirects + 1, 0);
                return;
            }
            Validators validators = validatorsOf(response);
            if (status == 304) {
                finish(new FetchResult.NotModified(
                        request.url(),
                        validators.isEmpty() ? request.validators() : merge(validators, request.validators()),
                        Instant.now()));
                return;
            }
            if (RETRYABLE.contains(status)) {
                Duration asked = RetryAfter.parse(response.first("retry-after"), Instant.now());
                if (asked != null && asked.compareTo(config.maxRetryAfter()) > 0) {
                    blockedUntil.merge(hostKey(url), Instant.now().plus(asked), (a, b) -> a.isAfter(b) ? a : b);
                    finish(failed(
                            request.url(),
                            FailureKind.RATE_LIMITED,
                            status,
                            "server asks to retry after "
                                    + asked.toSeconds() + " s, more than the "
                                    + config.maxRetryAfter().toSeconds()
                                    + " s allowed (" + url + ")"));
                    return;
                }
                if (attempt < config.maxRetries()) {
                    Duration wait = asked != null ? asked : backoff(attempt);
                    scheduler.holdOff(hostKey(url), wait);
                    retryLater(url, redirects, attempt, wait, "status " + status);
                    return;
                }
                finish(failed(
                        request.url(),
                        status == 429 || status == 503 ? FailureKind.RATE_LIMITED : FailureKind.HTTP_STATUS,
                        status,
                        "status " + status + " after " + (attempt + 1) + " attempts (" + url + ")"));
                return;
            }
            if (status < 200 || status > 299) {
                finish(failed(request.url(), FailureKind.HTTP_STATUS, status, "status " + status + " from " + url));
                return;
            }
            byte[] body;
            try {
                body = ContentDecoding.decode(
                        response.body(), response.first("content-encoding"), config.maxBodyBytes());
            } catch (IOException e) {
                finish(failed(request.url(), kindOf(e), status, e.getMessage() + " (" + url + ")"));
                return;
            }
            finish(new FetchResult.Ok(
                    request.url(),
                    url,
                    status,
                    response.first("content-type"),
                    body,
                    validators,
                    response.headers(),
                    Instant.now()));
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

    /** One response: status, headers (names in lower case) and the body of a 2xx (empty otherwise). */
    private record Response(int status, Map<String, List<String>> headers, byte[] body) {
        String first(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** Sends {@code get} and reads the response; blocking, run on the {@code io} pool. */
    private Response execute(HttpGet get) throws IOException {
        try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
            int status = response.getCode();
            Map<String, List<String>> headers = new TreeMap<>();
            for (Header h : response.getHeaders()) {
                headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.getValue());
            }
            byte[] body = new byte[0];
            HttpEntity entity = response.getEntity();
            if (status >= 200 && status < 300 && entity != null) {
                try (InputStream in = entity.getContent()) {
                    body = CappedBody.read(in, config.maxBodyBytes(), entity.getContentLength());
                }
            }
            // an unread or refused body: closing the response closes the connection instead of reading it
            return new Response(status, headers, body);
        }
    }

    /**
     * The resolver's addresses of {@code host}, every one checked: the HTTP client connects only to what this
     * returns, so the checked address is the connected address.
     */
    private InetAddress[] checkedAddresses(String host) throws UnknownHostException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] all = resolver.resolve(h);
        if (all == null || all.length == 0) {
            throw new UnknownHostException(h);
        }
        if (config.allowPrivateAddresses() || config.privateHostsAllowed().contains(h.toLowerCase(Locale.ROOT))) {
            return all;
        }
        for (InetAddress a : all) {
            String reason = AddressGuard.nonPublicReason(a);
            if (reason != null) {
                throw new BlockedAddressException(host + " resolves to " + reason + " address " + a.getHostAddress()
                        + ", refused (allowPrivateAddresses is off)");
            }
        }
        return all;
    }

    /** A host resolving to an address that may not be fetched. */
    static final class BlockedAddressException extends UnknownHostException {
        BlockedAddressException(String message) {
            super(message);
        }
    }

    private CompletableFuture<String> checkAddress(URI url) {
        String host = url.getHost();
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        checkedAddresses(host);
                        return null;
                    } catch (BlockedAddressException e) {
                        return e.getMessage() + ": " + url;
                    } catch (UnknownHostException e) {
                        return "unknown host " + host + " (" + url + ")";
                    }
                },
                workers);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private CompletableFuture<RobotsRules> robotsFor(URI url) {
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority();
        Instant now = Instant.now();
        CachedRobots cached = robots.compute(
                origin,
                (k, old) -> old != null && old.fresh(now, config.robotsCacheTtl())
                        ? old
                        : new CachedRobots(loadRobots(URI.create(origin + "/robots.txt")), now));
        return cached.rules();
    }

    private CompletableFuture<RobotsRules> loadRobots(URI robotsUrl) {
        return fetch(new FetchRequest(robotsUrl, Purpose.ROBOTS, Validators.NONE, Map.of()))
                .thenApply(r -> {
                    if (r instanceof FetchResult.Ok ok) {
                        return RobotsRules.parse(ok.text(), config.robotsAgent());
                    }
                    FetchResult.Failed f = (FetchResult.Failed) r;
                    // RFC 9309 2.3.1: "unavailable" (4xx) means no restriction; "unreachable" (5xx, 429, time-out,
                    // network
                    // error) means complete disallow, for a short while only: the next fetch of that host reads it
                    // again
                    boolean unavailable = f.status() >= 400 && f.status() < 500 && f.status() != 429;
                    boolean pageWillSay = f.kind() == FailureKind.UNKNOWN_HOST
                            || f.kind() == FailureKind.BLOCKED_ADDRESS
                            || f.kind() == FailureKind.INVALID_URL
                            || f.kind() == FailureKind.CANCELLED;
                    if (unavailable || pageWillSay) {
                        LOG.debug("no robots.txt at {}: {}", robotsUrl, r);
                        return RobotsRules.ALLOW_ALL;
                    }
                    LOG.info(
                            "robots.txt at {} unreachable, nothing fetched from that host for now: {}",
                            robotsUrl,
                            f.message());
                    return RobotsRules.unreachable(
                            f.status() > 0
                                    ? "status " + f.status()
                                    : f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                });
    }

    private Duration backoff(int attempt) {
        long base = config.retryBaseDelay().toMillis() << Math.min(attempt, 16);
        long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Duration.ofMillis(base + jitter);
    }

    private static Validators validatorsOf(Response response) {
        return new Validators(response.first("etag"), response.first("last-modified"));
    }

    private static Validators merge(Validators fresh, Validators old) {
        return new Validators(
                fresh.etag() != null ? fresh.etag() : old.etag(),
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
        while ((c instanceof CompletionException
                        || c instanceof java.util.concurrent.ExecutionException
                        || (c instanceof IOException
                                && !(c instanceof SocketTimeoutException)
                                && !(c instanceof CappedBody.TooLargeException)
                                && !(c instanceof CappedBody.TruncatedException)
                                && !(c instanceof UnknownHostException)
                                && !(c instanceof ContentDecoding.BadEncodingException)))
                && c.getCause() != null
                && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static FailureKind kindOf(Throwable t) {
        if (t instanceof CappedBody.TooLargeException) {
            return FailureKind.BODY_TOO_LARGE;
        }
        if (t instanceof CappedBody.TruncatedException) {
            return FailureKind.TRUNCATED_BODY;
        }
        if (t instanceof BlockedAddressException) {
            return FailureKind.BLOCKED_ADDRESS;
        }
        if (t instanceof ContentDecoding.BadEncodingException) {
            return FailureKind.BAD_CONTENT_ENCODING;
        }
        if (t instanceof SocketTimeoutException
                || t instanceof TimeoutException
                || t instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
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
