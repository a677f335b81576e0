package dev.vigie.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.watch.Competitor;
import dev.vigie.jobs.watch.PageWatch;
import dev.vigie.jobs.watch.Watch;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled demo watch passes the same loader as a user's file and points only at the demo server. */
class DemoWatchTest {

    private static final URI SERVER = URI.create("http://127.0.0.1:40123");

    @Test
    void loadsWithEverySourceTypeOnTheDemoServer(@TempDir Path models) throws Exception {
        Path frModel = DemoModel.train(models, new PrintStream(OutputStream.nullOutputStream()));
        Watch watch = DemoWatch.load(SERVER, URI.create("http://127.0.0.1:9200"), Path.of("/tmp/demo-outbox"), frModel);
        assertThat(watch.sentimentModels()).containsExactly(Map.entry("fr", frModel.toString()));
        assertThat(watch.id()).isEqualTo(DemoWatch.ID);
        assertThat(watch.brand().name()).isEqualTo("Ventelune");
        assertThat(watch.competitors()).extracting(Competitor::name).containsExactly("Roulequai", "Cyclanthe");
        assertThat(watch.sources().feeds())
                .hasSize(4)
                .allMatch(u -> u.toString().startsWith(SERVER.toString()));
        assertThat(watch.sources().mastodon())
                .singleElement()
                .satisfies(m -> assertThat(m.instance()).isEqualTo(SERVER));
        assertThat(watch.sources().bluesky()).isNotEmpty();
        assertThat(watch.sources().reddit()).isNotEmpty();
        assertThat(watch.sources().hackernews()).isNotEmpty();
        assertThat(watch.competitors().stream().flatMap(c -> c.pages().stream()).map(PageWatch::url))
                .hasSize(DemoServer.PAGES.size())
                .allMatch(u -> DemoServer.PAGES.containsKey(u.getPath())
                        && u.toString().startsWith(SERVER.toString()));
        assertThat(watch.alerts()).extracting(a -> a.id()).containsExactly("crisis", "competitor-pricing");
        assertThat(watch.mail().smtpServer()).isEmpty();
        assertThat(watch.mail().outboxPath()).isEqualTo(Path.of("/tmp/demo-outbox"));
        assertThat(watch.elasticsearch().url()).isEqualTo(URI.create("http://127.0.0.1:9200"));
        assertThat(watch.report()).isPresent();
    }

    @Test
    void leavesNoPlaceholderBehind() {
        String yaml = DemoWatch.yaml(SERVER, URI.create("http://es:9200/"), Path.of("out"), Path.of("models/fr.model"));
        assertThat(yaml).doesNotContain("{{").contains("http://es:9200\"").contains("outbox: \"out\"");
    }
}
