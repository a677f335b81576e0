package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.Vigie;
import dev.vigie.jobs.watch.Brand;
import dev.vigie.jobs.watch.ElasticsearchSettings;
import dev.vigie.jobs.watch.Secret;
import dev.vigie.jobs.watch.Watch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run writes to one Elasticsearch: watches naming different endpoints (or API keys) are refused before anything
 * is contacted, rather than all sent to the first watch's Elasticsearch with its API key.
 */
class RunEndpointsTest {

    private static Watch watch(String id, String url, String apiKey) {
        return Watch.builder(id, new Brand(id, List.of()))
                .elasticsearch(new ElasticsearchSettings(URI.create(url), Secret.of(apiKey)))
                .build();
    }

    @Test
    void aRunOfWatchesOnDifferentElasticsearchIsRefusedNamingBothFiles(@TempDir Path dir) throws Exception {
        Path acme = dir.resolve("acme.yaml");
        Path globex = dir.resolve("globex.yaml");
        Files.writeString(acme, "watch: acme\nbrand: Acme\nelasticsearch: { url: \"http://127.0.0.1:1\" }\n");
        Files.writeString(globex, "watch: globex\nbrand: Globex\nelasticsearch: { url: \"http://127.0.0.2:1\" }\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute("run", "-w", acme.toString(), "-w", globex.toString(), "--wait-for-es", "1");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.INVALID_WATCH);
        assertThat(err.toString())
                .contains(globex + ": elasticsearch: ")
                .contains(acme.toString())
                .contains("http://127.0.0.2:1")
                .contains("http://127.0.0.1:1")
                .doesNotContain("\tat ");
    }

    @Test
    void optionsRefuseWatchesOnDifferentEndpointsOrKeys() {
        assertThatThrownBy(() -> RunOptions.builder()
                        .watch(watch("acme", "http://es-a:9200", null))
                        .watch(watch("globex", "http://es-b:9200", null))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'acme'")
                .hasMessageContaining("'globex'");
        assertThatThrownBy(() -> RunOptions.builder()
                        .watch(watch("acme", "http://es:9200", "a2V5LWE="))
                        .watch(watch("globex", "http://es:9200", "a2V5LWI="))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("API key")
                .hasMessageNotContaining("a2V5LWE=")
                .hasMessageNotContaining("a2V5LWI=");
    }

    @Test
    void theSameEndpointWrittenTwoWaysIsOneEndpoint() {
        RunOptions options = RunOptions.builder()
                .watch(watch("acme", "http://es.internal", "a2V5"))
                .watch(watch("globex", "http://es.internal:9200/", "a2V5"))
                .build();

        assertThat(options.elasticsearch().url()).isEqualTo("http://es.internal:9200");
    }
}
