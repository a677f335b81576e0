package dev.vigie.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.connectors.testing.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or careless server cannot get from the fetcher: credentials sent to another origin, a connection to
 * an internal address after a DNS answer changes, or a connection held open past the time limit.
 */
class HttpFetcherSecurityTest {
    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer s3cret-token");

    private LoopbackServer instance;
    private LoopbackServer other;

    @BeforeEach
    void start() throws Exception {
        instance = new LoopbackServer("127.0.0.1");
        other = new LoopbackServer("127.0.0.2");
        other.route("/landing", ex -> LoopbackServer.send(ex, 200, "application/json", "[]", StandardCharsets.UTF_8));
        instance.route(
                "/landing", ex -> LoopbackServer.send(ex, 200, "application/json", "[]", StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        instance.close();
        other.close();
    }

    private static FetchConfig.Builder loopback() {
        return FetchConfig.builder()
                .allowPrivateAddresses(true)
                .perHostMinDelay(Duration.ZERO)
                .retryBaseDelay(Duration.ofMillis(20))
                .requestTimeout(Duration.ofSeconds(5));
    }

    @Test
    void credentialsAreDroppedWhenARedirectLeavesTheOriginAndKeptWithinIt() throws Exception {
        instance.route("/away", ex -> {
            ex.getResponseHeaders().set("Location", other.url("/landing"));
            LoopbackServer.send(ex, 302, null, new byte[0]);
        });
        instance.route("/same", ex -> {
            ex.getResponseHeaders().set("Location", "/landing");
            LoopbackServer.send(ex, 302, null, new byte[0]);
        });
        // same host name, other port: another origin too
        try (LoopbackServer otherPort = new LoopbackServer("127.0.0.1");
                HttpFetcher fetcher = HttpFetcher.open(loopback().build())) {
            otherPort.route(
                    "/landing", ex -> LoopbackServer.send(ex, 200, "application/json", "[]", StandardCharsets.UTF_8));
            instance.route("/port", ex -> {
                ex.getResponseHeaders().set("Location", otherPort.url("/landing"));
                LoopbackServer.send(ex, 307, null, new byte[0]);
            });

            FetchResult away = fetcher.fetchNow(api(instance.url("/away")));
            FetchResult port = fetcher.fetchNow(api(instance.url("/port")));
            FetchResult same = fetcher.fetchNow(api(instance.url("/same")));

            assertThat(away).isInstanceOf(FetchResult.Ok.class);
            assertThat(port).isInstanceOf(FetchResult.Ok.class);
            assertThat(same).isInstanceOf(FetchResult.Ok.class);
            assertThat(other.seen()).hasSize(1);
            assertThat(other.seen().get(0).header("Authorization"))
                    .as("token sent to 127.0.0.2")
                    .isNull();
            assertThat(otherPort.seen().get(0).header("Authorization"))
                    .as("token sent to another port")
                    .isNull();
            assertThat(instance.seen().stream()
                            .filter(s -> s.path().equals("/landing"))
                            .findFirst()
                            .orElseThrow()
                            .header("Authorization"))
                    .as("same-origin redirect keeps the token")
                    .isEqualTo("Bearer s3cret-token");
        }
    }

    @Test
    void connectsToTheAddressThatWasCheckedWithTheNameInTheHostHeader() {
        instance.route(
                "/feed.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", FEED, StandardCharsets.UTF_8));
        HostResolver dns = host -> host.equals("feeds.vigie.test")
                ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
                : HostResolver.SYSTEM.resolve(host);
        try (HttpFetcher fetcher = HttpFetcher.open(
                FetchConfig.builder()
                        .perHostMinDelay(Duration.ZERO)
                        .privateHostsAllowed(Set.of("feeds.vigie.test"))
                        .build(),
                dns)) {
            FetchResult r = fetcher.fetchNow(
                    FetchRequest.of("http://feeds.vigie.test:" + instance.port() + "/feed.xml", Purpose.FEED));

            assertThat(r).isInstanceOf(FetchResult.Ok.class);
            assertThat(instance.seen().get(0).header("Host")).isEqualTo("feeds.vigie.test:" + instance.port());
        }
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckIsRefusedAtTheConnection() throws Exception {
        instance.route(
                "/feed.xml", ex -> LoopbackServer.send(ex, 200, "application/rss+xml", FEED, StandardCharsets.UTF_8));
        List<String> answers = new CopyOnWriteArrayList<>();
        // first answer public (TEST-NET-3, never routed), every later answer loopback: a rebinding DNS server
        HostResolver rebinding = host -> {
            if (!host.equals("rebind.vigie.test")) {
                throw new UnknownHostException(host);
            }
            String a = answers.isEmpty() ? "203.0.113.7" : "127.0.0.1";
            answers.add(a);
            return new InetAddress[] {InetAddress.getByName(a)};
        };
        try (HttpFetcher fetcher = HttpFetcher.open(
                FetchConfig.builder()
                        .perHostMinDelay(Duration.ZERO)
                        .maxRetries(0)
                        .build(),
                rebinding)) {
            FetchResult r = fetcher.fetchNow(
                    FetchRequest.of("http://rebind.vigie.test:" + instance.port() + "/feed.xml", Purpose.FEED));

            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
                assertThat(f.message()).contains("loopback");
            });
            assertThat(answers).containsExactly("203.0.113.7", "127.0.0.1");
            assertThat(instance.seen())
                    .as("the loopback server was never reached")
                    .isEmpty();
        }
    }

    @Test
    void aBodyTimeOutClosesTheConnection() throws Exception {
        try (Trickle server = new Trickle()) {
            try (HttpFetcher fetcher = HttpFetcher.open(loopback()
                    .requestTimeout(Duration.ofMillis(800))
                    .maxRetries(0)
                    .build())) {
                FetchResult r = fetcher.fetchNow(FetchRequest.of(server.url(), Purpose.FEED));

                assertThat(r)
                        .isInstanceOfSatisfying(
                                FetchResult.Failed.class,
                                f -> assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT));
                assertThat(server.closedByClient.await(10, TimeUnit.SECONDS))
                        .as("connection closed by the fetcher while it was still open")
                        .isTrue();
            }
        }
    }

    @Test
    void closingTheFetcherClosesConnectionsUnderWay() throws Exception {
        try (Trickle server = new Trickle()) {
            HttpFetcher fetcher = HttpFetcher.open(
                    loopback().requestTimeout(Duration.ofMinutes(5)).build());
            CompletableFuture<FetchResult> underWay = fetcher.fetch(FetchRequest.of(server.url(), Purpose.FEED));
            assertThat(server.headersSent.await(10, TimeUnit.SECONDS)).isTrue();

            fetcher.close();

            assertThat(underWay.join())
                    .isInstanceOfSatisfying(
                            FetchResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.CANCELLED));
            assertThat(server.closedByClient.await(10, TimeUnit.SECONDS))
                    .as("connection closed when the fetcher closed")
                    .isTrue();
        }
    }

    private static FetchRequest api(String url) {
        return new FetchRequest(FetchRequest.parse(url), Purpose.API, Validators.NONE, TOKEN);
    }

    /** A server that sends its headers, then one body byte every 100 ms for minutes, and notices the client leaving. */
    private static final class Trickle implements AutoCloseable {
        final ServerSocket socket = new ServerSocket();
        final CountDownLatch headersSent = new CountDownLatch(1);
        final CountDownLatch closedByClient = new CountDownLatch(1);
        final Thread thread;

        Trickle() throws IOException {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            thread = new Thread(this::serve, "trickle-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/slow.xml";
        }

        private void serve() {
            try (Socket s = socket.accept()) {
                InputStream in = s.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int c = in.read();
                    if (c < 0) {
                        return;
                    }
                    head.append((char) c);
                }
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                headersSent.countDown();
                s.setSoTimeout(100);
                for (int i = 0; i < 100_000; i++) {
                    out.write('x');
                    out.flush();
                    try {
                        if (in.read() < 0) {
                            break; // the client closed its side
                        }
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        // nothing to read and not closed: go on trickling
                    }
                }
            } catch (IOException e) {
                // reset or broken pipe: the client closed the connection
            }
            closedByClient.countDown();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }
}
