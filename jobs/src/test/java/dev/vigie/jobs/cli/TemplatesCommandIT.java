package dev.vigie.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ElasticsearchExtension.class)
class TemplatesCommandIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vigie(String... args) {
        return Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void installsEveryTemplateIdempotently(ElasticsearchClient es, URI url) throws Exception {
        assertThat(vigie("templates", "install", "--es", url.toString())).isEqualTo(ExitCodes.OK);
        for (String name : IndexTemplates.NAMES) {
            assertThat(out.toString()).containsPattern("(?m)^" + name + " +(unchanged|updated|created)");
        }
        assertThat(IndexTemplates.NAMES).contains("vigie-state", "vigie-errors");
        assertThat(out.toString()).contains("Templates installed in " + url);
        assertThat(es.indices().existsIndexTemplate(t -> t.name("vigie-state")).value())
                .isTrue();

        out.getBuffer().setLength(0);
        assertThat(vigie("templates", "install", "--es", url.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).containsPattern("(?m)^vigie-alerts +unchanged");
    }

    @Test
    void anUnreachableClusterExitsOneWithTheReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(vigie("templates", "install", "--es", "http://127.0.0.1:" + port))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).startsWith("vigie install: ").contains("Connection refused");
    }
}
