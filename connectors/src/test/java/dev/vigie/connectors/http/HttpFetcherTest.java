package dev.vigie.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.connectors.testing.Fixtures;
import dev.vigie.connectors.testing.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private static final String FEED = Fixtures.rss("Actualités", 3);

    private LoopbackServer server;
    private HttpFetcher fetcher;
    private final AtomicInteger bodiesSent = new AtomicInteger();
    /** Routes that must not answer while the client is at work wait for this, counted down when the test ends. */
    private final CountDownLatch testOver = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        server.route("/feed.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                LoopbackServer.send(ex, 304, null, new byte[0]);
                return;
            }
            bodiesSent.incrementAndGet();
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Tue, 03 Jun 2025 08:00:00 GMT");
            LoopbackServer.send(ex, 200, "application/rss+xml; charset=utf-8", FEED, StandardCharsets.UTF_8);
        });
        fetcher = HttpFetcher.open(loopbackConfig().build());
    }

    @AfterEach
    void stop() {
        testOver.countDown();
        fetcher.close();
        server.close();
    }

    private static FetchConfig.Builder loopbackConfig() {
        return FetchConfig.builder()
                .allowPrivateAddresses(true)
                .perHostMinDelay(Duration.ZERO)
                .perHostConcurrency(4)
                .retryBaseDelay(Duration.ofMillis(20))
                .requestTimeout(Duration.ofSeconds(5));
    }

    private FetchResult get(String path, Purpose purpose) {
        return fetcher.fetchNow(FetchRequest.of(server.url(path), purpose));
    }

    @Test
    void fetchesBodyAndSendsUserAgentNamingVigieAndContactUrl() {
        FetchResult r = get("/feed.xml", Purpose.FEED);

        assertThat(r).isInstanceOf(FetchResult.Ok.class);
        FetchResult.Ok ok = (FetchResult.Ok) r;
        assertThat(ok.text()).isEqualTo(FEED);
        assertThat(ok.validators()).isEqualTo(new Validators("\"v1\"", "Tue, 03 Jun 2025 08:00:00 GMT"));
        String ua = server.seen().get(0).header("User-Agent");
        assertThat(ua).startsWith("Vigie/").contains(FetchConfig.DEFAULT_CONTACT_URL);
        assertThat(server.seen().get(0).header("Accept-Encoding")).contains("gzip");
    }

    @Test
    void skipsUnchangedFeedWhenServerAnswers304() {
        FetchResult.Ok first = (FetchResult.Ok) get("/feed.xml", Purpose.FEED);

        FetchResult second =
                fetcher.fetchNow(FetchRequest.conditional(server.url("/feed.xml"), Purpose.FEED, first.validators()));

        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
        assertThat(((FetchResult.NotModified) second).validators().etag()).isEqualTo("\"v1\"");
        assertThat(server.seen().get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.seen().get(1).header("If-Modified-Since")).isEqualTo("Tue, 03 Jun 2025 08:00:00 GMT");
        assertThat(bodiesSent.get()).as("bodies downloaded").isEqualTo(1);
    }

    @Test
    void decodesGzipAndDeflateBodies() throws Exception {
        byte[] plain = FEED.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        ByteArrayOutputStream zl = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(zl)) {
            out.write(plain);
        }
        server.route("/gzip", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "application/rss+xml", gz.toByteArray());
        });
        server.route("/deflate", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            LoopbackServer.send(ex, 200, "application/rss+xml", zl.toByteArray());
        });

        assertThat(((FetchResult.Ok) get("/gzip", Purpose.FEED)).text()).isEqualTo(FEED);
        assertThat(((FetchResult.Ok) get("/deflate", Purpose.FEED)).text()).isEqualTo(FEED);
    }

    @Test
    void readsBodyMislabelledAsUtf8AsWindows1252() {
        server.route(
                "/wrong-charset",
                ex -> LoopbackServer.send(
                        ex,
                        200,
                        "text/html; charset=utf-8",
                        "<p>Café crème à 3 €</p>".getBytes(java.nio.charset.Charset.forName("windows-1252"))));
        server.route(
                "/meta-charset",
                ex -> LoopbackServer.send(
                        ex,
                        200,
                        "text/html",
                        "<html><head><meta charset=\"iso-8859-15\"></head><p>Prix : 3 €</p>"
                                .getBytes(java.nio.charset.Charset.forName("ISO-8859-15"))));

        assertThat(((FetchResult.Ok) get("/wrong-charset", Purpose.PAGE)).text())
                .isEqualTo("<p>Café crème à 3 €</p>");
        assertThat(((FetchResult.Ok) get("/meta-charset", Purpose.PAGE)).text()).contains("Prix : 3 €");
    }

    @Test
    void givesUpOnSlowServerAtTheRequestTimeout() {
        // Neither route finishes its answer before the test is over: a fetch that returns before then has given up
        // at its own timeout (without one it would get the late answer, or the complete body, and be Ok).
        server.route("/slow", ex -> {
            testOver.await(60, TimeUnit.SECONDS);
            LoopbackServer.send(ex, 200, "text/plain", "late".getBytes(StandardCharsets.UTF_8));
        });
        server.route("/slow-body", ex -> {
            ex.sendResponseHeaders(200, 4);
            OutputStream out = ex.getResponseBody();
            out.write('x');
            out.flush();
            testOver.await(60, TimeUnit.SECONDS);
            out.write("xxx".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        try (HttpFetcher impatient = HttpFetcher.open(loopbackConfig()
                .requestTimeout(Duration.ofMillis(400))
                .maxRetries(0)
                .build())) {
            FetchResult slow = impatient.fetchNow(FetchRequest.of(server.url("/slow"), Purpose.FEED));
            FetchResult slowBody = impatient.fetchNow(FetchRequest.of(server.url("/slow-body"), Purpose.FEED));

            assertThat(slow)
                    .isInstanceOfSatisfying(
                            FetchResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT));
            assertThat(slowBody)
                    .isInstanceOfSatisfying(
                            FetchResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT));
        }
    }

    @Test
    void followsRedirectsAndReportsTheFinalUrl() {
        server.route("/moved", ex -> {
            ex.getResponseHeaders().set("Location", "/feed.xml");
            LoopbackServer.send(ex, 301, null, new byte[0]);
        });

        FetchResult.Ok ok = (FetchResult.Ok) get("/moved", Purpose.FEED);

        assertThat(ok.url().toString()).endsWith("/moved");
        assertThat(ok.finalUrl().toString()).isEqualTo(server.url("/feed.xml"));
    }

    @Test
    void stopsARedirectLoopAndAnOverlongRedirectChain() {
        server.route("/loop-a", ex -> {
            ex.getResponseHeaders().set("Location", "/loop-b");
            LoopbackServer.send(ex, 302, null, new byte[0]);
        });
        server.route("/loop-b", ex -> {
            ex.getResponseHeaders().set("Location", "/loop-a");
            LoopbackServer.send(ex, 302, null, new byte[0]);
        });
        server.route("/chain", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getQuery().substring(2));
            ex.getResponseHeaders().set("Location", "/chain?n=" + (n + 1));
            LoopbackServer.send(ex, 307, null, new byte[0]);
        });

        FetchResult.Failed loop = (FetchResult.Failed) get("/loop-a", Purpose.FEED);
        FetchResult.Failed chain = (FetchResult.Failed) get("/chain?n=0", Purpose.FEED);

        assertThat(loop.kind()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS);
        assertThat(loop.message()).contains("loop");
        assertThat(chain.kind()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS);
        assertThat(server.hits("/chain")).isEqualTo(FetchConfig.DEFAULT_MAX_REDIRECTS + 1);
    }

    @Test
    void retriesAfter429HonouringRetryAfter() {
        // Like a real rate-limited API, the server answers 429 again to a request that comes before the second it
        // asked for (its deadline is set before its answer leaves, so a client that waits a second after reading
        // the answer is never early): a second 429 would make a third call.
        AtomicInteger calls = new AtomicInteger();
        AtomicLong notBefore = new AtomicLong();
        server.route("/limited", ex -> {
            if (calls.incrementAndGet() == 1 || System.nanoTime() - notBefore.get() < 0) {
                notBefore.set(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
                ex.getResponseHeaders().set("Retry-After", "1");
                LoopbackServer.send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
            } else {
                LoopbackServer.send(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            }
        });

        FetchResult r = get("/limited", Purpose.API);

        assertThat(r).isInstanceOf(FetchResult.Ok.class);
        assertThat(calls.get())
                .as("retried once, after the second the server asked for")
                .isEqualTo(2);
    }

    @Test
    void failsAsRateLimitedWhenRetryAfterExceedsTheCapOrRetriesRunOut() {
        server.route("/go-away", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            LoopbackServer.send(ex, 429, "text/plain", new byte[0]);
        });
        server.route("/unavailable", ex -> LoopbackServer.send(ex, 503, "text/plain", new byte[0]));

        FetchResult.Failed goAway = (FetchResult.Failed) get("/go-away", Purpose.API);
        FetchResult.Failed sameHostLater = (FetchResult.Failed) get("/unavailable", Purpose.API);

        assertThat(goAway.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(goAway.message()).contains("3600");
        assertThat(server.hits("/go-away")).isEqualTo(1);
        assertThat(sameHostLater.kind()).as("the host asked for an hour's rest").isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(server.hits("/unavailable")).isZero();

        try (HttpFetcher fresh = HttpFetcher.open(loopbackConfig().build())) {
            FetchResult.Failed unavailable =
                    (FetchResult.Failed) fresh.fetchNow(FetchRequest.of(server.url("/unavailable"), Purpose.API));
            assertThat(unavailable.kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(server.hits("/unavailable")).isEqualTo(FetchConfig.DEFAULT_MAX_RETRIES + 1);
        }
    }

    @Test
    void reportsATruncatedBody() {
        server.route("/truncated", ex -> {
            ex.sendResponseHeaders(200, 10_000);
            OutputStream out = ex.getResponseBody();
            out.write(FEED.substring(0, 100).getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new java.io.IOException("connection dropped on purpose");
        });

        FetchResult.Failed f = (FetchResult.Failed) get("/truncated", Purpose.FEED);

        assertThat(f.kind()).isEqualTo(FailureKind.TRUNCATED_BODY);
        assertThat(f.url().toString()).endsWith("/truncated");
    }

    @Test
    void refusesOversizeBodiesDeclaredStreamedOrCompressed() throws Exception {
        byte[] big = new byte[300_000];
        java.util.Arrays.fill(big, (byte) 'a');
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(big);
        }
        server.route("/big", ex -> LoopbackServer.send(ex, 200, "text/plain", big));
        server.route("/big-chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write(big, 0, 10_000);
                }
            }
        });
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.send(ex, 200, "text/plain", gz.toByteArray());
        });
        try (HttpFetcher capped =
                HttpFetcher.open(loopbackConfig().maxBodyBytes(100_000).build())) {
            for (String path : List.of("/big", "/big-chunked", "/bomb")) {
                FetchResult r = capped.fetchNow(FetchRequest.of(server.url(path), Purpose.FEED));
                assertThat(r)
                        .as(path)
                        .isInstanceOfSatisfying(
                                FetchResult.Failed.class,
                                f -> assertThat(f.kind()).isEqualTo(FailureKind.BODY_TOO_LARGE));
            }
        }
    }

    @Test
    void refusesLoopbackByDefaultAndPrivateRedirectTargets() {
        server.route("/to-metadata", ex -> {
            ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            LoopbackServer.send(ex, 302, null, new byte[0]);
        });
        server.route("/to-intranet", ex -> {
            ex.getResponseHeaders().set("Location", "http://10.1.2.3/admin");
            LoopbackServer.send(ex, 302, null, new byte[0]);
        });
        server.route("/to-localhost", ex -> {
            ex.getResponseHeaders().set("Location", "http://localhost:" + server.port() + "/feed.xml");
            LoopbackServer.send(ex, 302, null, new byte[0]);
        });
        try (HttpFetcher strict = HttpFetcher.open(FetchConfig.builder().build());
                HttpFetcher onlyThisHost = HttpFetcher.open(FetchConfig.builder()
                        .privateHostsAllowed(Set.of("127.0.0.1"))
                        .perHostMinDelay(Duration.ZERO)
                        .build())) {
            FetchResult.Failed direct =
                    (FetchResult.Failed) strict.fetchNow(FetchRequest.of(server.url("/feed.xml"), Purpose.FEED));
            assertThat(direct.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
            assertThat(direct.message()).contains("loopback");
            assertThat(server.hits("/feed.xml")).isZero();

            for (String path : List.of("/to-metadata", "/to-intranet", "/to-localhost")) {
                FetchResult r = onlyThisHost.fetchNow(FetchRequest.of(server.url(path), Purpose.FEED));
                assertThat(r)
                        .as(path)
                        .isInstanceOfSatisfying(
                                FetchResult.Failed.class,
                                f -> assertThat(f.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS));
            }
            assertThat(server.hits("/feed.xml")).isZero();
        }
    }

    @Test
    void honoursRobotsTxtForPagesOnlyAndReadsItOncePerHost() {
        server.route(
                "/robots.txt",
                ex -> LoopbackServer.send(
                        ex,
                        200,
                        "text/plain",
                        "User-agent: *\nDisallow: /\n\nUser-agent: Vigie\nDisallow: /private/\nAllow: /private/ok\n",
                        StandardCharsets.UTF_8));
        for (String p : List.of("/private/x", "/private/ok", "/public", "/private/feed.xml")) {
            server.route(p, ex -> LoopbackServer.send(ex, 200, "text/html", "<p>hi</p>", StandardCharsets.UTF_8));
        }

        FetchResult disallowed = get("/private/x", Purpose.PAGE);
        FetchResult allowedException = get("/private/ok", Purpose.PAGE);
        FetchResult allowed = get("/public", Purpose.PAGE);
        FetchResult feed = get("/private/feed.xml", Purpose.FEED);

        assertThat(disallowed)
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.ROBOTS_DISALLOWED));
        assertThat(allowedException).isInstanceOf(FetchResult.Ok.class);
        assertThat(allowed).isInstanceOf(FetchResult.Ok.class);
        assertThat(feed).isInstanceOf(FetchResult.Ok.class);
        assertThat(server.hits("/private/x")).isZero();
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
    }

    @Test
    void limitsConcurrencyPerHostAndSpacesRequestStarts() {
        server.route("/slowish", ex -> {
            Thread.sleep(100);
            LoopbackServer.send(ex, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        });
        try (HttpFetcher polite = HttpFetcher.open(loopbackConfig()
                .perHostConcurrency(2)
                .perHostMinDelay(Duration.ofMillis(60))
                .build())) {
            List<CompletableFuture<FetchResult>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(polite.fetch(FetchRequest.of(server.url("/slowish?i=" + i), Purpose.FEED)));
            }
            all.forEach(f -> assertThat(f.join()).isInstanceOf(FetchResult.Ok.class));
        }
        // the spacing of the starts (60 ms) is checked on a controlled clock by HostSchedulerTest
        assertThat(server.maxInFlight()).isLessThanOrEqualTo(2);
        assertThat(server.hits("/slowish")).isEqualTo(8);
    }

    @Test
    void reportsErrorStatusesAndRefusedConnectionsAsTypedFailures() throws Exception {
        FetchResult.Failed notFound = (FetchResult.Failed) get("/nothing-here", Purpose.FEED);
        assertThat(notFound.kind()).isEqualTo(FailureKind.HTTP_STATUS);
        assertThat(notFound.status()).isEqualTo(404);

        String deadUrl;
        try (LoopbackServer dead = new LoopbackServer()) {
            deadUrl = dead.url("/feed.xml");
        }
        try (HttpFetcher once = HttpFetcher.open(loopbackConfig().maxRetries(0).build())) {
            FetchResult.Failed refused = (FetchResult.Failed) once.fetchNow(FetchRequest.of(deadUrl, Purpose.FEED));
            assertThat(refused.kind()).isEqualTo(FailureKind.CONNECTION);
            assertThat(refused.url().toString()).isEqualTo(deadUrl);
        }
    }

    @Test
    void closingCompletesFetchesUnderWayAsCancelled() {
        server.route("/forever", ex -> {
            testOver.await(60, TimeUnit.SECONDS);
            LoopbackServer.send(ex, 200, "text/plain", "late".getBytes(StandardCharsets.UTF_8));
        });
        HttpFetcher closing = HttpFetcher.open(loopbackConfig().build());
        CompletableFuture<FetchResult> underWay = closing.fetch(FetchRequest.of(server.url("/forever"), Purpose.FEED));

        closing.close();

        assertThat(underWay.join())
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.CANCELLED));
        assertThat(closing.fetchNow(FetchRequest.of(server.url("/feed.xml"), Purpose.FEED)))
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.CANCELLED));
    }
}
