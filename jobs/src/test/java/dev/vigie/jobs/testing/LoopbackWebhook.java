package dev.vigie.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on loopback (JDK {@code HttpServer}), as Slack, Teams or an on-premises receiver would be: it
 * records every request (path, headers, JSON body) and answers what the test says: 200 by default, a queue of
 * one-shot answers (500, 429 with {@code Retry-After}, 404 with Slack's {@code no_service}), no answer at all until
 * released, or nothing on its port ({@link #down()}) until {@link #up()} reopens the same port.
 */
public final class LoopbackWebhook implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request the receiver got, and what it answered ({@code -1}: no answer was given). */
    public record Received(String path, Map<String, List<String>> headers, String body, int answered) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public boolean delivered() {
            return answered >= 200 && answered < 300;
        }
    }

    /** An answer: status, {@code Retry-After} (or {@code null}) and body. */
    public record Answer(int status, String retryAfter, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> next = new ArrayDeque<>();
    private volatile Answer always = new Answer(200, null, "ok");
    private volatile Semaphore held;
    private volatile CountDownLatch arrived = new CountDownLatch(1);
    private HttpServer server;

    private LoopbackWebhook() throws IOException {
        up();
    }

    public static LoopbackWebhook start() throws IOException {
        return new LoopbackWebhook();
    }

    /** {@code http://127.0.0.1:port/path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + boundPort + path;
    }

    public URI uri(String path) {
        return URI.create(url(path));
    }

    /** Answers {@code status} to every request from now on (after the queued one-shot answers). */
    public synchronized LoopbackWebhook answer(int status, String body) {
        always = new Answer(status, null, body);
        return this;
    }

    /** Answers the next request with {@code status} (queued after earlier one-shot answers). */
    public synchronized LoopbackWebhook answerNext(int status, String retryAfter, String body) {
        next.add(new Answer(status, retryAfter, body));
        return this;
    }

    /** Stops listening: a connection is refused, as when the endpoint is down. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again, on the same port. */
    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), boundPort), 16);
        s.setExecutor(pool);
        s.createContext("/", this::handle);
        s.start();
        boundPort = s.getAddress().getPort();
        server = s;
    }

    private int boundPort;
    private final java.util.concurrent.ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-webhook");
        t.setDaemon(true);
        return t;
    });

    /** Holds each answer until {@link #releaseAnswers()} (the request is recorded at once). */
    public void holdAnswers() {
        held = new Semaphore(0);
    }

    public void releaseAnswers() {
        Semaphore h = held;
        held = null;
        if (h != null) {
            h.release(1_000);
        }
    }

    /**
     * Runs {@code action} once, when the next request has been read and before it is answered (e.g. cutting
     * Elasticsearch off, so that the sender dies between the receiver accepting and the ledger recording it).
     */
    public void beforeNextAnswer(Runnable action) {
        beforeAnswer = action;
    }

    private volatile Runnable beforeAnswer;

    /** Waits for the next request to arrive (counting from the last call). */
    public boolean awaitRequest(long timeout, TimeUnit unit) throws InterruptedException {
        return arrived.await(timeout, unit);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The requests to {@code path} the receiver answered with a 2xx. */
    public List<Received> delivered(String path) {
        return received(path).stream().filter(Received::delivered).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Answer answer;
            synchronized (this) {
                answer = next.isEmpty() ? always : next.poll();
            }
            Semaphore h = held;
            if (h != null) {
                received.add(new Received(exchange.getRequestURI().getPath(), headers, body, -1));
                arrived.countDown();
                try {
                    h.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return; // the client gave up long ago: nothing is answered
            }
            Runnable before = beforeAnswer;
            beforeAnswer = null;
            if (before != null) {
                before.run();
            }
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body, answer.status()));
            CountDownLatch a = arrived;
            arrived = new CountDownLatch(1);
            a.countDown();
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            if (answer.status() >= 300 && answer.status() < 400) {
                exchange.getResponseHeaders().set("Location", "https://elsewhere.example/hooks/moved");
            }
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    @Override
    public void close() {
        releaseAnswers();
        down();
        pool.shutdownNow();
    }
}
