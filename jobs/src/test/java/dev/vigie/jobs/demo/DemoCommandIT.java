package dev.vigie.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.demo.internal.DemoIndices;
import dev.vigie.jobs.watch.Watch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vigie demo} against a real Elasticsearch node, with a stand-in for the run job that fetches the demo
 * watch's feeds and pages the way the fetcher does (keeping validators between runs): the command must clear the
 * previous demo, serve phase 1 then phase 2, and report what the second run did not download.
 */
@ExtendWith(ElasticsearchExtension.class)
class DemoCommandIT {

    /** Fetches the watch's feeds and pages with conditional GETs, remembering validators across runs. */
    private static final class FetchingPipeline implements DemoPipeline {
        final HttpClient http = HttpClient.newHttpClient();
        final Map<URI, String> etags = new HashMap<>();
        final List<String> phases = new ArrayList<>();
        final List<Map<Integer, Integer>> statusCounts = new ArrayList<>();

        @Override
        public void run(Watch watch, URI elasticsearch, URI apis, PrintStream out) throws Exception {
            assertThat(watch.sources().mastodon().get(0).instance()).isEqualTo(apis);
            phases.add(
                    http.send(HttpRequest.newBuilder(apis.resolve("/")).build(), HttpResponse.BodyHandlers.ofString())
                            .body()
                            .lines()
                            .findFirst()
                            .orElseThrow());
            List<URI> urls = new ArrayList<>(watch.sources().feeds());
            watch.competitors().forEach(c -> {
                urls.addAll(c.feeds());
                c.pages().forEach(p -> urls.add(p.url()));
            });
            Map<Integer, Integer> counts = new HashMap<>();
            for (URI url : urls) {
                HttpRequest.Builder request = HttpRequest.newBuilder(url);
                if (etags.containsKey(url)) {
                    request.header("If-None-Match", etags.get(url));
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                response.headers().firstValue("ETag").ifPresent(tag -> etags.put(url, tag));
                counts.merge(response.statusCode(), 1, Integer::sum);
            }
            statusCounts.add(counts);
            out.println("stand-in run fetched " + urls.size() + " urls: " + counts);
        }
    }

    @Test
    void runsBothPhasesOnAClearedWatchAndReportsThe304sOfTheSecondRun(URI es, @TempDir Path folder) throws Exception {
        index(es, "vigie-runs", "demo-it-old", "{\"watch\":\"" + DemoWatch.ID + "\",\"run_id\":\"old\"}");
        index(es, "vigie-runs", "demo-it-other", "{\"watch\":\"demo-it-other\",\"run_id\":\"keep\"}");
        FetchingPipeline pipeline = new FetchingPipeline();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        int exit = new CommandLine(new DemoCommand(pipeline, out))
                .execute(
                        "--es",
                        es.toString(),
                        "--outbox",
                        folder.resolve("outbox").toString(),
                        "--reports",
                        folder.resolve("reports").toString(),
                        "--models",
                        folder.resolve("models").toString());

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(pipeline.phases).containsExactly("Vigie demo server, phase 1", "Vigie demo server, phase 2");
        int feedsAndPages = DemoServer.FEEDS.size() + DemoServer.PAGES.size();
        assertThat(pipeline.statusCounts.get(0)).containsExactly(Map.entry(200, feedsAndPages));
        // unchanged in phase 2: three feeds and the jobs page of Roulequai
        assertThat(pipeline.statusCounts.get(1)).containsEntry(304, 4).containsEntry(200, feedsAndPages - 4);
        assertThat(printed)
                .contains(
                        "Using Elasticsearch at " + es,
                        "Run 1 of 2",
                        "Run 2 of 2",
                        "of which 4 answered 304 Not Modified",
                        "What to open next");
        // at least the document indexed above (more when the node served a real demo before)
        assertThat(printed).containsPattern("Cleared [1-9][0-9]* documents? of a previous demo");
        DemoIndices demo = new DemoIndices(es, DemoWatch.ID);
        assertThat(demo.count("vigie-runs")).isZero();
        assertThat(new DemoIndices(es, "demo-it-other").count("vigie-runs")).isEqualTo(1);
    }

    @Test
    void refusesAnElasticsearchThatDoesNotAnswer() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new DemoCommand(
                (w, e, a, o) -> {
                    throw new AssertionError("must not run");
                },
                new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cli.execute("--es", "http://127.0.0.1:1");
        assertThat(exit).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not answer at http://127.0.0.1:1");
    }

    private static void index(URI es, String index, String id, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(es.resolve("/" + index + "/_doc/" + id + "?refresh=true"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }
}
