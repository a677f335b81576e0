package dev.vigie.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EsClientsTest {

    @Test
    void sendsTheApiKeyAndThePathPrefix() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"acknowledged\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (ElasticsearchClient client = EsClients.create(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/es/"), "aWQ6a2V5")) {
            client.indices().delete(d -> d.index("vigie-x"));
        } finally {
            server.stop(0);
        }
        assertThat(seen).containsExactly("/es/vigie-x ApiKey aWQ6a2V5");
    }

    @Test
    void refusesNonHttpUrlsNamingThem() {
        assertThatThrownBy(() -> EsClients.create(URI.create("ftp://es.example"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://es.example");
        assertThatThrownBy(() -> EsClients.create(URI.create("localhost:9200"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("localhost:9200");
        assertThatThrownBy(() -> EsClients.create(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
