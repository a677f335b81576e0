package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Competitor pages through the whole run job, as a user follows them run after run: the first snapshot is a
 * baseline, the watch file's {@code noise} patterns make a page whose only changes are a stock counter and a session
 * token unchanged while the same page without them reports a change, a real price change is reported with the noise
 * left out of it, editing the patterns takes a new baseline, and a selector that matches nothing fails the page.
 */
@ExtendWith(ElasticsearchExtension.class)
class PageWatchIT {

    private static final String PREFIX = "/pages";
    private static final String NOISE = "['Only \\d+ bikes left', 'session [0-9a-f]{6,}']";
    private static LoopbackHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackHttpServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String pricing(int premium, int bikesLeft, String session) {
        return """
                <!doctype html><html><head><title>Globex pricing</title></head><body>
                <main><div class="pricing"><h2>Plans</h2><p>Basic: 10 euros a month</p>
                <p>Premium: %d euros a month</p><p>Only %d bikes left at this price!</p>
                <p class="tiny">Ref. session %s</p></div></main><footer>© Globex</footer></body></html>
                """.formatted(premium, bikesLeft, session);
    }

    private static void servePricing(int premium, int bikesLeft, String session) {
        String body = pricing(premium, bikesLeft, session);
        server.serve(PREFIX + "/pricing", "text/html; charset=utf-8", body);
        server.serve(PREFIX + "/pricing-raw", "text/html; charset=utf-8", body);
        server.serve(PREFIX + "/offers", "text/html; charset=utf-8", body);
    }

    private static Watch watch(String id, String noise) throws InvalidWatchException {
        String base = server.url() + PREFIX;
        String yaml = """
                watch: %1$s
                brand: { name: Acme }
                competitors:
                  - name: Globex
                    pages:
                      - { url: "%2$s/pricing", select: "main .pricing", noise: %3$s }
                      - { url: "%2$s/pricing-raw", select: "main .pricing" }
                      - { url: "%2$s/offers", select: "main .offers" }
                elasticsearch: { url: "%4$s" }
                """.formatted(id, base, noise, ElasticsearchExtension.url());
        return new WatchLoader(Map.of()).parse(id + ".yaml", yaml);
    }

    private static RunSummary run(Watch watch) throws Exception {
        return VigieRun.run(RunFixtures.options(watch, server, PREFIX, ElasticsearchExtension.url())
                .build());
    }

    private static SourceReport page(RunSummary summary, String path) {
        return summary.sources().stream()
                .filter(s -> s.ref().url().endsWith(PREFIX + path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no page " + path + " in " + summary.sources()));
    }

    @Test
    void noiseOnlyChangesAreNoChangeRealChangesAreAndTheFirstSnapshotIsABaseline() throws Exception {
        String id = RunFixtures.uniqueId("pages");
        Watch watch = watch(id, NOISE);
        servePricing(29, 12, "a81f9c0d");

        RunSummary first = run(watch);

        SourceReport baseline = page(first, "/pricing");
        assertThat(baseline.status()).isEqualTo(SourceStatus.BASELINE);
        assertThat(baseline.fetched()).isEqualTo(1);
        assertThat(baseline.fresh()).isZero();
        assertThat(baseline.unchanged()).as("nothing was compared").isZero();
        assertThat(page(first, "/pricing-raw").status()).isEqualTo(SourceStatus.BASELINE);
        SourceReport offers = page(first, "/offers");
        assertThat(offers.status()).isEqualTo(SourceStatus.FAILED);
        assertThat(offers.reason()).contains("select 'main .offers' matched nothing on the page");
        StringWriter printed = new StringWriter();
        first.print(new PrintWriter(printed));
        assertThat(printed.toString())
                .containsPattern("page +Globex /pages/pricing +1 +0 +0  baseline: first "
                        + "snapshot stored; changes are reported from the next run")
                .contains("FAILED: select 'main .offers' matched nothing");
        assertThat(RunJobIT.runRecords(first.runId()))
                .extracting(r -> r.path("status").asText())
                .containsExactlyInAnyOrder("baseline", "baseline", "failed");
        assertThat(RunJobIT.search("vigie-page-changes", "watch", id)).isEmpty();

        servePricing(29, 9, "77e0b2aa");
        RunSummary second = run(watch);

        assertThat(page(second, "/pricing").status())
                .as("only the counter and the token changed")
                .isEqualTo(SourceStatus.UNCHANGED);
        assertThat(page(second, "/pricing").unchanged()).isEqualTo(1);
        assertThat(page(second, "/pricing-raw").status())
                .as("the same page without the noise patterns")
                .isEqualTo(SourceStatus.NEW);
        List<JsonNode> changes = RunJobIT.search("vigie-page-changes", "watch", id);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.path("url").asText()).endsWith("/pricing-raw");
            assertThat(c.path("added").asText()).contains("Only 9 bikes left");
        });

        servePricing(32, 4, "0c55e1f9");
        RunSummary third = run(watch);

        assertThat(page(third, "/pricing").status()).isEqualTo(SourceStatus.NEW);
        JsonNode priceRise = RunJobIT.search("vigie-page-changes", "watch", id).stream()
                .filter(c -> c.path("url").asText().endsWith("/pricing"))
                .findFirst()
                .orElseThrow();
        assertThat(priceRise.path("kind").asText()).isEqualTo("price");
        assertThat(priceRise.path("removed").asText()).isEqualTo("Premium: 29 euros a month");
        assertThat(priceRise.path("added").asText()).isEqualTo("Premium: 32 euros a month");
        assertThat(priceRise.path("diff").asText()).doesNotContain("bikes left", "session");

        int requests = server.requests(PREFIX + "/pricing");
        int notModified = server.notModified(PREFIX + "/pricing");
        RunSummary edited = run(watch(id, "['Only \\d+ bikes left', 'session [0-9a-f]{6,}', 'Basic: \\d+']"));

        SourceReport rebased = page(edited, "/pricing");
        assertThat(rebased.status()).isEqualTo(SourceStatus.BASELINE);
        assertThat(rebased.reason()).startsWith("noise changed in the watch, new snapshot stored");
        assertThat(server.requests(PREFIX + "/pricing")).isEqualTo(requests + 1);
        assertThat(server.notModified(PREFIX + "/pricing"))
                .as("asked for the whole page, not a 304")
                .isEqualTo(notModified);
        assertThat(page(edited, "/pricing-raw").status()).isEqualTo(SourceStatus.UNCHANGED);
    }
}
