package dev.vigie.jobs.sink;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.vigie.dashboards.EsClients;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import org.elasticsearch.client.RestClient;

/**
 * Where Elasticsearch answers, as a serializable value that Flink functions carry and turn into a client in
 * {@code open()}. The URL is read as every command reads it ({@link EsClients#canonical}): no port means
 * {@value EsClients#DEFAULT_PORT}, a path is a prefix before every request, credentials in it are refused. It is kept
 * in its canonical form ({@code http://es.internal:9200}), so two spellings of one endpoint are equal.
 *
 * @param url    the base URL, e.g. {@code http://localhost:9200}
 * @param apiKey an API key (the encoded form), or {@code null}; never printed
 */
public record ElasticsearchEndpoint(String url, String apiKey) implements Serializable {

    /** Socket timeout of one request; a bulk of a few megabytes is answered well within it. */
    public static final int DEFAULT_SOCKET_TIMEOUT_MS = 60_000;

    public ElasticsearchEndpoint {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Elasticsearch url must not be blank");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Elasticsearch url is not a URL: '" + masked(url) + "'");
        }
        url = EsClients.canonical(uri).toString();
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
    }

    /** The text with anything between {@code //} and {@code @} masked, for a URL too broken to parse. */
    private static String masked(String url) {
        return url.replaceAll("//[^/@]*@", "//****@").replaceAll("\\?.*", "?****");
    }

    /** An endpoint without authentication. */
    public static ElasticsearchEndpoint of(String url) {
        return new ElasticsearchEndpoint(url, null);
    }

    /** A new low-level client; the caller closes it. */
    public RestClient restClient() {
        return EsClients.restClientBuilder(URI.create(url), apiKey)
                .setRequestConfigCallback(config -> config.setSocketTimeout(DEFAULT_SOCKET_TIMEOUT_MS))
                .build();
    }

    /** A synchronous client and its transport; closing the returned handle closes both. */
    public Clients clients() {
        RestClientTransport transport = new RestClientTransport(restClient(), new JacksonJsonpMapper());
        return new Clients(transport);
    }

    /** The clients over one transport. */
    public static final class Clients implements Closeable {
        private final RestClientTransport transport;

        private Clients(RestClientTransport transport) {
            this.transport = transport;
        }

        public ElasticsearchClient sync() {
            return new ElasticsearchClient(transport);
        }

        public ElasticsearchAsyncClient async() {
            return new ElasticsearchAsyncClient(transport);
        }

        public RestClient rest() {
            return transport.restClient();
        }

        @Override
        public void close() throws IOException {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return url + (apiKey == null ? "" : " (api key)");
    }
}
