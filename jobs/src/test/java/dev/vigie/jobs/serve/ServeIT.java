package dev.vigie.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.run.EmbeddedCluster;
import dev.vigie.jobs.run.RunOptions;
import dev.vigie.jobs.run.VigieRun;
import dev.vigie.jobs.sink.ElasticsearchEndpoint;
import dev.vigie.jobs.testing.GeneratedFeeds;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie serve}'s scheduler on a real Elasticsearch node and one embedded Flink cluster kept between runs: a
 * watch scheduled every second is run again and again through the entry point of {@code vigie run}, each run
 * incremental, with a log per run and its state on the health endpoint, until a graceful stop.
 */
@ExtendWith(ElasticsearchExtension.class)
class ServeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a run may take on a loaded machine before the test gives up (not a speed check). */
    private static final long RUN_TIMEOUT_MINUTES = 5;

    @TempDir
    Path runs;

    @Test
    void runsAWatchOnItsScheduleOnOneClusterIncrementallyWithALogPerRunUntilStopped() throws Exception {
        URI es = ElasticsearchExtension.url();
        String id = "serve-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        try (LoopbackHttpServer server = LoopbackHttpServer.start();
                RestClient rest = ElasticsearchEndpoint.of(es.toString()).restClient();
                EmbeddedCluster cluster = EmbeddedCluster.start(2)) {
            String feed = "/serve/feed.xml";
            server.serve(feed, "application/rss+xml", GeneratedFeeds.rss(server.url() + "/serve", id, 20, 7));
            Watch watch = new WatchLoader(Map.of()).parse(id + ".yaml", """
                    watch: %s
                    brand: { name: Acme }
                    schedule: every 1s
                    sources:
                      feeds: ["%s%s"]
                    elasticsearch: { url: "%s" }
                    """.formatted(id, server.url(), feed, es));
            BlockingQueue<WatchScheduler.LastRun> ended = new LinkedBlockingQueue<>();
            WatchScheduler scheduler = new WatchScheduler(
                    List.of(watch),
                    w -> RunOptions.builder()
                            .cluster(cluster)
                            .dispatchAlerts(false)
                            .coreNlp(EnglishSentimentScorer.CoreNlpUse.NEVER)
                            .fetchConfig(FetchConfig.builder()
                                    .allowPrivateAddresses(true)
                                    .perHostMinDelay(Duration.ZERO)
                                    .build()),
                    VigieRun::run,
                    runs,
                    Clock.systemUTC(),
                    ended::add);
            try (StatusServer status = StatusServer.start("127.0.0.1", 0, scheduler::status)) {
                scheduler.start();

                WatchScheduler.LastRun first = next(ended);
                assertThat(first.outcome()).isEqualTo(WatchScheduler.Outcome.DONE);
                assertThat(first.fresh()).isEqualTo(20);
                WatchScheduler.LastRun second = next(ended);
                assertThat(second.outcome()).isEqualTo(WatchScheduler.Outcome.DONE);
                assertThat(second.fresh()).isZero();

                server.serve(feed, "application/rss+xml", GeneratedFeeds.rss(server.url() + "/serve", id, 25, 7));
                long fresh = 0;
                for (int run = 0; run < 3 && fresh == 0; run++) {
                    WatchScheduler.LastRun later = next(ended);
                    assertThat(later.outcome()).isEqualTo(WatchScheduler.Outcome.DONE);
                    fresh = later.fresh();
                }
                assertThat(fresh)
                        .as("the 5 items added to the feed, in one later run")
                        .isEqualTo(5);

                JsonNode health = JSON.readTree(HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(status.url()).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
                assertThat(health.path("status").asText()).isEqualTo("up");
                JsonNode entry = health.path("watches").get(0);
                assertThat(entry.path("watch").asText()).isEqualTo(id);
                assertThat(entry.path("schedule").asText()).isEqualTo("every 1s");
                assertThat(entry.path("runs").asLong()).isGreaterThanOrEqualTo(3);
                assertThat(entry.path("last_run").path("outcome").asText()).isEqualTo("done");

                scheduler.stop(Duration.ofMinutes(RUN_TIMEOUT_MINUTES));
                assertThat(scheduler.status().stopping()).isTrue();
                assertThat(scheduler.status().runningNow()).isNull();
            }

            long runsDone = scheduler.status().watches().get(0).runs();
            try (Stream<Path> logs = Files.list(runs.resolve(id))) {
                List<Path> files = logs.toList();
                assertThat(files).hasSize((int) runsDone);
                for (Path log : files) {
                    String text = Files.readString(log);
                    assertThat(text)
                            .contains("of watch " + id)
                            .contains("Run " + log.getFileName().toString().replace(".log", ""));
                }
            }
            Request count = new Request("GET", "/vigie-mentions/_count");
            count.addParameter("q", "watch:" + id);
            count.addParameter("ignore_unavailable", "true");
            rest.performRequest(new Request("POST", "/vigie-mentions/_refresh"));
            assertThat(JSON.readTree(rest.performRequest(count).getEntity().getContent())
                            .path("count")
                            .asLong())
                    .isEqualTo(25);
        }
    }

    private static WatchScheduler.LastRun next(BlockingQueue<WatchScheduler.LastRun> ended)
            throws InterruptedException {
        WatchScheduler.LastRun run = ended.poll(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        assertThat(run)
                .as("a run ended within " + RUN_TIMEOUT_MINUTES + " minutes")
                .isNotNull();
        return run;
    }
}
