package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.run.internal.ElasticsearchCalls;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The lease of a watch against a real Elasticsearch node; expiry is judged with controllable clocks. */
@ExtendWith(ElasticsearchExtension.class)
class WatchLeasesIT {

    private static final Duration TTL = Duration.ofMinutes(2);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static RestClient rest;
    private static ElasticsearchCalls calls;

    @BeforeAll
    static void start() throws Exception {
        ElasticsearchEndpoint endpoint =
                ElasticsearchEndpoint.of(ElasticsearchExtension.url().toString());
        rest = endpoint.restClient();
        calls = new ElasticsearchCalls(endpoint, Duration.ofSeconds(30), null);
    }

    @AfterAll
    static void stop() throws Exception {
        rest.close();
    }

    private static WatchLeases take(String watch, String runId, Instant at, Optional<Duration> wait) throws Exception {
        return WatchLeases.acquire(
                rest, calls, List.of(watch), runId, TTL, wait, Clock.fixed(at, ZoneOffset.UTC), null);
    }

    @Test
    void aLiveLeaseKeepsASecondRunOutUntilItIsReleased() throws Exception {
        String watch = RunFixtures.uniqueId("lease-live");
        WatchLeases first = take(watch, "run-a", T0, Optional.empty());

        assertThatThrownBy(() -> take(watch, "run-b", T0.plusSeconds(60), Optional.empty()))
                .isInstanceOf(WatchBusyException.class)
                .hasMessageContaining("run run-a")
                .hasMessageContaining("until " + T0.plus(TTL))
                .satisfies(e ->
                        assertThat(((WatchBusyException) e).holder().runId()).isEqualTo("run-a"));
        assertThat(WatchLeases.holder(rest, watch, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)))
                .get()
                .satisfies(h -> assertThat(h.runId()).isEqualTo("run-a"));

        first.close();
        try (WatchLeases second = take(watch, "run-b", T0.plusSeconds(61), Optional.empty())) {
            assertThat(second.watches()).containsExactly(watch);
        }
    }

    @Test
    void anExpiredLeaseOfAKilledRunIsTakenOverAndItsHolderFindsItLost() throws Exception {
        String watch = RunFixtures.uniqueId("lease-expired");
        WatchLeases killed = take(watch, "run-killed", T0, Optional.empty());

        try (WatchLeases next = take(watch, "run-next", T0.plus(TTL).plusSeconds(1), Optional.empty())) {
            assertThat(next.watches()).containsExactly(watch);
            // the first run was only paused (Elasticsearch away): it must not send alerts or commit now
            assertThatThrownBy(killed::checkHeld)
                    .isInstanceOf(LeaseLostException.class)
                    .hasMessageContaining(watch)
                    .hasMessageContaining("commits nothing");
            next.checkHeld();
        }
        killed.close();
    }

    @Test
    void aLeaseLeftByAProcessOfThisHostThatIsGoneIsTakenAtOnce() throws Exception {
        String watch = RunFixtures.uniqueId("lease-killed-here");
        Process killed = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        killed.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Request lease = new Request("PUT", "/" + WatchLeases.INDEX + "/_doc/" + watch);
        lease.addParameter("refresh", "true");
        lease.setJsonEntity("{\"watch\":\"" + watch + "\",\"run_id\":\"run-killed\",\"host\":\"" + host + " (pid "
                + killed.pid() + ")\",\"expires_at\":\"" + T0.plus(TTL) + "\"}");
        rest.performRequest(lease);

        try (WatchLeases next = take(watch, "run-next", T0.plusSeconds(10), Optional.empty())) {
            assertThat(next.watches()).containsExactly(watch);
        }
        // a live holder on this host is waited for: this JVM's own process
        WatchLeases alive = take(watch, "run-alive", T0.plusSeconds(10), Optional.empty());
        try {
            assertThatThrownBy(() -> take(watch, "run-other", T0.plusSeconds(20), Optional.empty()))
                    .isInstanceOf(WatchBusyException.class);
        } finally {
            alive.close();
        }
    }

    @Test
    void aRunThatWaitsTakesTheLeaseWhenTheOtherRunReleasesIt() throws Exception {
        String watch = RunFixtures.uniqueId("lease-wait");
        WatchLeases first = take(watch, "run-a", Instant.now(), Optional.empty());
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<WatchLeases> queued = CompletableFuture.supplyAsync(() -> {
            try {
                return WatchLeases.acquire(
                        rest,
                        calls,
                        List.of(watch),
                        "run-b",
                        TTL,
                        Optional.of(Duration.ofMinutes(2)),
                        Clock.systemUTC(),
                        line -> {
                            if (line.contains("waiting")) {
                                waiting.countDown();
                            }
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(waiting.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(queued).isNotDone();

        first.close();
        try (WatchLeases second = queued.get(1, TimeUnit.MINUTES)) {
            assertThat(second.watches()).containsExactly(watch);
        }
    }

    @Test
    void leasesOfSeveralWatchesAreAllOrNothing() throws Exception {
        String a = RunFixtures.uniqueId("lease-multi-a");
        String b = RunFixtures.uniqueId("lease-multi-b");
        try (WatchLeases held = take(b, "run-b", T0, Optional.empty())) {
            assertThatThrownBy(() -> WatchLeases.acquire(
                            rest,
                            calls,
                            List.of(a, b),
                            "run-ab",
                            TTL,
                            Optional.empty(),
                            Clock.fixed(T0, ZoneOffset.UTC),
                            null))
                    .isInstanceOf(WatchBusyException.class);
            // the lease of a, taken before b was found busy, was given back
            try (WatchLeases onlyA = take(a, "run-a", T0, Optional.empty())) {
                assertThat(onlyA.watches()).containsExactly(a);
            }
        }
    }
}
