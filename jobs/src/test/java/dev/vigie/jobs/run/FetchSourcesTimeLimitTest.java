package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.jobs.state.SourceState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A source past its time limit is failed and its work stops: the connection of a server that trickles its body is
 * closed, instead of being read until the (much longer) request timeout while the run has moved on.
 */
class FetchSourcesTimeLimitTest {

    @Test
    void aSourcePastItsTimeLimitFailsAndItsConnectionIsClosed() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            CountDownLatch closedByClient = new CountDownLatch(1);
            Thread server = new Thread(() -> trickle(socket, closedByClient), "trickle-server");
            server.setDaemon(true);
            server.start();
            String url = "http://127.0.0.1:" + socket.getLocalPort() + "/feed.xml";
            FetchSources fetch = new FetchSources(
                    "run-" + System.nanoTime(),
                    FetchConfig.builder()
                            .allowPrivateAddresses(true)
                            .requestTimeout(Duration.ofMinutes(5))
                            .maxRetries(0)
                            .build(),
                    Duration.ofMillis(700));
            fetch.open();
            try {
                SourceOutcome outcome = fetch.fetch(new SourceTask(
                                new SourceRef("acme", "feed", url, url),
                                new SourceSpec.Feed(URI.create(url), null),
                                SourceState.EMPTY))
                        .get(30, TimeUnit.SECONDS);

                assertThat(outcome.report().status()).isEqualTo(SourceStatus.FAILED);
                assertThat(outcome.report().reason()).contains("timed out");
                assertThat(closedByClient.await(10, TimeUnit.SECONDS))
                        .as("the trickling connection was closed at the source's time limit")
                        .isTrue();
            } finally {
                fetch.close();
            }
        }
    }

    /** Sends headers, then one body byte every 100 ms; counts down when the client closes the connection. */
    private static void trickle(ServerSocket socket, CountDownLatch closedByClient) {
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
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout(100);
            for (int i = 0; i < 100_000; i++) {
                out.write('x');
                out.flush();
                try {
                    if (in.read() < 0) {
                        break;
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // not closed: go on
                }
            }
        } catch (IOException e) {
            // reset or broken pipe: the client closed the connection
        }
        closedByClient.countDown();
    }
}
