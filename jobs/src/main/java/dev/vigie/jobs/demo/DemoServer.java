package dev.vigie.jobs.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigie.jobs.demo.internal.DemoReply;
import dev.vigie.jobs.demo.internal.DemoRequest;
import dev.vigie.jobs.demo.internal.MentionApis;
import dev.vigie.jobs.demo.internal.ValidatedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's stand-in for the internet: one HTTP server on a loopback port serving the bundled demo data at the
 * paths the real services use, so the pipeline runs unchanged against it (the watch points its feeds, pages and
 * Mastodon instance here, and the run job's API base URLs for Bluesky, Reddit and Hacker News too).
 *
 * <p>Dates in the data are rewritten relative to the moment the server starts (its <em>anchor</em>), so the data
 * is always a few weeks old at most. The server starts in {@link DemoPhase#FIRST}; {@link #phase(DemoPhase)}
 * switches to the second run's world, where a few feeds and APIs have new items, three competitor pages have
 * changed, one changed only by noise, and everything else answers {@code 304} to a conditional request. Every
 * request is recorded ({@link #requests()}) so the demo can show what the second run did not download.
 *
 * <pre>{@code
 * try (DemoServer server = DemoServer.start(0)) {
 *     URI base = server.baseUri();           // http://127.0.0.1:PORT
 *     ... run the pipeline ...
 *     server.phase(DemoPhase.SECOND);
 *     ... run it again ...
 * }
 * }</pre>
 */
public final class DemoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);
    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final String ATOM = "application/atom+xml; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    /** Feeds: path on the server to bundled file. */
    public static final Map<String, String> FEEDS = ordered(
            "/news/rss.xml", "feeds/courrier-tech.rss.xml",
            "/wire/atom.xml", "feeds/mobility-wire.atom.xml",
            "/veloetville/atom.xml", "feeds/velo-et-ville.atom.xml",
            "/ventelune/blog/rss.xml", "feeds/ventelune-blog.rss.xml",
            "/roulequai/blog/atom.xml", "feeds/roulequai-blog.atom.xml",
            "/cyclanthe/blog/rss.xml", "feeds/cyclanthe-blog.rss.xml");

    /** Competitor pages: path on the server to bundled file. */
    public static final Map<String, String> PAGES = ordered(
            "/roulequai/tarifs", "pages/roulequai-tarifs.html",
            "/roulequai/velos", "pages/roulequai-velos.html",
            "/roulequai/carrieres", "pages/roulequai-carrieres.html",
            "/cyclanthe/pricing", "pages/cyclanthe-pricing.html",
            "/cyclanthe/careers", "pages/cyclanthe-careers.html");

    /** One request the server answered. */
    public record ServedRequest(DemoPhase phase, String path, String query, int status) {
        public ServedRequest {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(path, "path");
        }
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final URI baseUri;
    private final Instant anchor;
    private final Map<String, ValidatedFile> files = new LinkedHashMap<>();
    private final MentionApis apis;
    private final List<ServedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile DemoPhase phase = DemoPhase.FIRST;

    private DemoServer(HttpServer http, Clock clock) {
        this.http = http;
        this.anchor = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.baseUri = URI.create("http://" + http.getAddress().getAddress().getHostAddress() + ":"
                + http.getAddress().getPort());
        FEEDS.forEach((path, file) -> files.put(
                path, new ValidatedFile(file, file.endsWith(".atom.xml") ? ATOM : RSS, anchor, clock::instant)));
        PAGES.forEach((path, file) -> files.put(path, new ValidatedFile(file, HTML, anchor, clock::instant)));
        this.apis = new MentionApis(baseUri, anchor);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "vigie-demo-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts a server on {@code port} of the loopback address (0 for any free port), dated from now. */
    public static DemoServer start(int port) {
        return start(port, Clock.systemUTC());
    }

    /** Starts a server on {@code port} of the loopback address, dated from {@code clock}. */
    public static DemoServer start(int port, Clock clock) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
            DemoServer server = new DemoServer(http, Objects.requireNonNull(clock, "clock"));
            LOG.info("Demo server listening on {} (data dated from {})", server.baseUri, server.anchor);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo server on loopback port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The instant the data's dates count back from. */
    public Instant anchor() {
        return anchor;
    }

    public DemoPhase phase() {
        return phase;
    }

    /** Switches what the server shows; the next requests see {@code next}. */
    public void phase(DemoPhase next) {
        this.phase = Objects.requireNonNull(next, "phase");
        LOG.info("Demo server now serves phase {}", next.number());
    }

    /** Every request answered so far, in order. */
    public List<ServedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests answered in {@code phase} with {@code status}. */
    public long count(DemoPhase inPhase, int status) {
        return requests.stream()
                .filter(r -> r.phase() == inPhase && r.status() == status)
                .count();
    }

    /** Answers a request without going through HTTP (what the HTTP handler does, for tests and tools). */
    public DemoReply answer(DemoRequest request) {
        DemoPhase current = phase;
        String path = request.path();
        ValidatedFile file = files.get(path);
        if (file != null) {
            return file.answer(request, current);
        }
        Optional<DemoReply> api = apis.answer(request, current);
        if (api.isPresent()) {
            return api.get();
        }
        if (path.equals("/robots.txt")) {
            return DemoReply.ok("text/plain; charset=utf-8", "User-agent: *\nAllow: /\n", Map.of());
        }
        if (path.equals("/")) {
            return DemoReply.ok("text/plain; charset=utf-8", index(), Map.of());
        }
        return DemoReply.error(404, "text/plain; charset=utf-8", "Not found: " + path + "\n");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            DemoPhase current = phase;
            DemoReply reply;
            if (!exchange.getRequestMethod().equals("GET")
                    && !exchange.getRequestMethod().equals("HEAD")) {
                reply = DemoReply.error(405, "text/plain; charset=utf-8", "Only GET is served\n");
            } else {
                try {
                    reply = answer(DemoRequest.of(uri.getPath(), uri.getRawQuery(), exchange.getRequestHeaders()));
                } catch (RuntimeException e) {
                    LOG.error("Demo server failed on {}", uri, e);
                    reply = DemoReply.error(500, "text/plain; charset=utf-8", "Internal error\n");
                }
            }
            requests.add(new ServedRequest(current, uri.getPath(), uri.getRawQuery(), reply.status()));
            LOG.debug("demo {} {} -> {}", exchange.getRequestMethod(), uri, reply.status());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] body = reply.body();
            boolean noBody =
                    reply.status() == 304 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private String index() {
        StringBuilder out = new StringBuilder("Vigie demo server, phase ")
                .append(phase.number())
                .append("\n\n");
        List<String> paths = new ArrayList<>(files.keySet());
        paths.addAll(List.of(
                "/api/v1/timelines/tag/ventelune",
                "/api/v2/search?q=ventelune&type=statuses",
                "/xrpc/app.bsky.feed.searchPosts?q=ventelune",
                "/search.json?q=ventelune&sort=new",
                "/api/v1/search_by_date?query=ventelune"));
        paths.forEach(p -> out.append(baseUri).append(p).append('\n'));
        return out.toString();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        LOG.info("Demo server on {} stopped after {} requests", baseUri, requests.size());
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
