package dev.vigie.connectors.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a loopback address for connector tests (the model is jsoup's TestServer): routes are
 * handlers registered by path; every request is recorded (path, headers) so tests can assert what a server saw.
 */
public final class LoopbackServer implements AutoCloseable {
    /** A route: answers one exchange. */
    @FunctionalInterface
    public interface Route {
        void handle(HttpExchange exchange) throws Exception;
    }

    /** What the server saw of one request. */
    public record Seen(String path, String query, Map<String, List<String>> headers, long startNanos) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public LoopbackServer() throws IOException {
        this("127.0.0.1");
    }

    public LoopbackServer(String loopbackAddress) throws IOException {
        // headers and body are written separately: without TCP_NODELAY each response waits for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0), 200);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public LoopbackServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:43567}. */
    public String base() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    public String url(String path) {
        return base() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public long hits(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).count();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        seen.add(new Seen(
                path, ex.getRequestURI().getRawQuery(), Map.copyOf(ex.getRequestHeaders()), System.nanoTime()));
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            Route r = routes.get(path);
            if (r == null) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else {
                r.handle(ex);
            }
        } catch (Exception e) {
            // the client sees a broken connection, which is what some routes want
        } finally {
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    /** Sends a complete response. */
    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        if (status == 304 || status == 204) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    public static void send(HttpExchange ex, int status, String contentType, String body, Charset charset)
            throws IOException {
        send(ex, status, contentType, body.getBytes(charset));
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
