package dev.vigie.jobs.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on loopback serving bodies that a test writes, like a feed host or an API would: each route
 * has a content type and a body, answers with an {@code ETag} and honours {@code If-None-Match} with 304; a route
 * can be made to fail with a status. Counts the requests and the 304s per path.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private record Route(String contentType, byte[] body, int status) {}

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();

    private LoopbackHttpServer(HttpServer server) {
        this.server = server;
    }

    public static LoopbackHttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        LoopbackHttpServer loopback = new LoopbackHttpServer(server);
        server.createContext("/", loopback::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return loopback;
    }

    /** {@code http://127.0.0.1:port} */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code body} at {@code path} (no query string: the query is ignored when matching). */
    public LoopbackHttpServer serve(String path, String contentType, String body) {
        routes.put(path, new Route(contentType, body.getBytes(StandardCharsets.UTF_8), 200));
        return this;
    }

    /** Makes {@code path} answer {@code status} with a short text body. */
    public LoopbackHttpServer fail(String path, int status) {
        routes.put(path, new Route("text/plain", ("error " + status).getBytes(StandardCharsets.UTF_8), status));
        return this;
    }

    public int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    public int notModified(String path) {
        return notModified.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Route route = routes.get(path);
        try (exchange) {
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (route.status() != 200) {
                exchange.getResponseHeaders().add("Content-Type", route.contentType());
                exchange.sendResponseHeaders(route.status(), route.body().length);
                exchange.getResponseBody().write(route.body());
                return;
            }
            String etag = "\"" + sha256(route.body()) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", route.contentType());
            exchange.sendResponseHeaders(200, route.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(route.body());
            }
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
