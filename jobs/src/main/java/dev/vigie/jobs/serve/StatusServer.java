package dev.vigie.jobs.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The health endpoint of {@code vigie serve}: {@code GET /health} answers 200 with the scheduler's status as JSON
 * (every watch, its schedule, next run and last run), or 503 once the server is stopping. Bound to a loopback
 * address; a Kubernetes probe or a monitoring agent on the same host reads it.
 */
public final class StatusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private StatusServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts serving on {@code host:port} ({@code port} 0: a free one).
     *
     * @throws IOException when the port cannot be bound
     */
    public static StatusServer start(String host, int port, Supplier<WatchScheduler.Status> status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/health", exchange -> answer(exchange, status.get()));
        server.start();
        return new StatusServer(server);
    }

    /** The address of the health endpoint. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/health");
    }

    private static void answer(HttpExchange exchange, WatchScheduler.Status status) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(status));
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status.stopping() ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static ObjectNode toJson(WatchScheduler.Status status) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", status.stopping() ? "stopping" : "up");
        if (status.runningNow() != null) {
            root.put("running", status.runningNow());
        }
        ArrayNode watches = root.putArray("watches");
        for (WatchScheduler.WatchStatus w : status.watches()) {
            ObjectNode node = watches.addObject();
            node.put("watch", w.watch());
            node.put("schedule", w.schedule());
            node.put("next_run", w.nextRun().toString());
            node.put("runs", w.runs());
            WatchScheduler.LastRun last = w.lastRun();
            if (last != null) {
                ObjectNode run = node.putObject("last_run");
                run.put("run_id", last.runId());
                run.put("started_at", last.startedAt().toString());
                run.put("duration_ms", last.duration().toMillis());
                run.put("outcome", last.outcome().name().toLowerCase(java.util.Locale.ROOT));
                run.put("fresh", last.fresh());
                run.put("failed_sources", last.failedSources());
                if (last.message() != null) {
                    run.put("message", last.message());
                }
                run.put("log", last.log().toString());
            }
        }
        return root;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
