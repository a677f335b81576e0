package dev.vigie.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.sun.net.httpserver.HttpServer;
import dev.vigie.dashboards.EsClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command reaches Elasticsearch the same way: {@code vigie run} through {@link ElasticsearchEndpoint},
 * {@code report}, {@code templates} and {@code demo} through {@link EsClients}. A URL without a port means 9200
 * (Elasticsearch's port, as Logstash and Beats read such a URL); a path is a prefix put before every request (a
 * reverse proxy); credentials in the URL are refused without being printed.
 */
class ElasticsearchEndpointTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"status\":\"green\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private static HttpHost host(RestClient client) {
        return client.getNodes().get(0).getHost();
    }

    @Test
    void aUrlWithoutPortGoesToPort9200InEveryCommand() throws IOException {
        ElasticsearchEndpoint endpoint = ElasticsearchEndpoint.of("http://es.internal");
        try (RestClient run = endpoint.restClient();
                ElasticsearchClient report = EsClients.create(URI.create("http://es.internal"), null)) {
            assertThat(host(run).toURI()).isEqualTo("http://es.internal:9200");
            assertThat(host(((RestClientTransport) report._transport()).restClient())
                            .toURI())
                    .isEqualTo("http://es.internal:9200");
        }
        assertThat(endpoint.url()).isEqualTo("http://es.internal:9200");
        assertThat(ElasticsearchEndpoint.of("https://es.internal/").url()).isEqualTo("https://es.internal:9200");
        assertThat(ElasticsearchEndpoint.of("https://es.internal:443").url()).isEqualTo("https://es.internal:443");
    }

    @Test
    void aPathIsAPrefixBeforeEveryRequest() throws IOException {
        try (RestClient proxy = ElasticsearchEndpoint.of(base() + "/es").restClient();
                RestClient nested = new ElasticsearchEndpoint(base() + "/a/b/", "aWQ6a2V5").restClient()) {
            proxy.performRequest(new Request("GET", "/_cluster/health"));
            nested.performRequest(new Request("GET", "/vigie-runs/_count"));
        }
        assertThat(seen).containsExactly("/es/_cluster/health null", "/a/b/vigie-runs/_count ApiKey aWQ6a2V5");
        assertThat(ElasticsearchEndpoint.of(base() + "/es/").url()).isEqualTo(base() + "/es");
    }

    @Test
    void refusesCredentialsInTheUrlPointingToTheApiKeyWithoutPrintingThem() {
        IllegalArgumentException e = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> ElasticsearchEndpoint.of("http://elastic:hunter2@es.internal:9200"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("api_key").doesNotContain("hunter2");

        IllegalArgumentException report = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> EsClients.create(URI.create("http://elastic:hunter2@es.internal:9200"), null));
        assertThat(report).isNotNull();
        assertThat(report.getMessage()).contains("api_key").doesNotContain("hunter2");
    }

    @Test
    void printsNeitherTheApiKeyNorAQuery() {
        ElasticsearchEndpoint endpoint = new ElasticsearchEndpoint("http://es.internal:9200", "c2VjcmV0LWtleQ==");
        assertThat(endpoint.toString()).isEqualTo("http://es.internal:9200 (api key)");
        IllegalArgumentException e = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> ElasticsearchEndpoint.of("http://es.internal:9200/?token=hunter2"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }
}
