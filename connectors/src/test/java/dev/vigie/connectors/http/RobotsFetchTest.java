package dev.vigie.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.connectors.testing.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the fetcher does with pages when robots.txt cannot be read (RFC 9309 section 2.3.1). */
class RobotsFetchTest {
    private LoopbackServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        server.route("/page", ex -> LoopbackServer.send(ex, 200, "text/html", "<p>hello</p>", StandardCharsets.UTF_8));
        fetcher = HttpFetcher.open(FetchConfig.builder()
                .allowPrivateAddresses(true)
                .perHostMinDelay(Duration.ZERO)
                .retryBaseDelay(Duration.ofMillis(10))
                .maxRetries(1)
                .requestTimeout(Duration.ofMillis(800))
                .build());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private FetchResult page() {
        return fetcher.fetchNow(FetchRequest.of(server.url("/page"), Purpose.PAGE));
    }

    @Test
    void aServerErrorOnRobotsTxtDisallowsTheHost() {
        server.route("/robots.txt", ex -> LoopbackServer.send(ex, 500, "text/plain", "oops", StandardCharsets.UTF_8));

        assertThat(page()).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.ROBOTS_DISALLOWED);
            assertThat(f.message()).contains("status 500");
        });
        assertThat(server.hits("/page")).isZero();
    }

    @Test
    void tooManyRequestsOnRobotsTxtDisallowsTheHost() {
        server.route(
                "/robots.txt", ex -> LoopbackServer.send(ex, 429, "text/plain", "slow down", StandardCharsets.UTF_8));

        assertThat(page())
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.ROBOTS_DISALLOWED));
        assertThat(server.hits("/page")).isZero();
    }

    @Test
    void aRobotsTxtThatTimesOutDisallowsTheHost() {
        CountDownLatch never = new CountDownLatch(1);
        server.route("/robots.txt", ex -> never.await(5, TimeUnit.SECONDS));

        assertThat(page())
                .isInstanceOfSatisfying(
                        FetchResult.Failed.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.ROBOTS_DISALLOWED));
        assertThat(server.hits("/page")).isZero();
        never.countDown();
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() {
        server.route("/robots.txt", ex -> LoopbackServer.send(ex, 403, "text/plain", "no", StandardCharsets.UTF_8));

        assertThat(page()).isInstanceOf(FetchResult.Ok.class);
    }
}
