package dev.vigie.dashboards;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Creates {@link ElasticsearchClient}s the same way for the job, the tests and the command line, so that an API key,
 * a path prefix and {@code java.time} values behave identically everywhere. Closing the client closes its HTTP
 * connections.
 */
public final class EsClients {

    private EsClients() {
    }

    /**
     * Creates a client for one Elasticsearch endpoint.
     *
     * @param url {@code http(s)://host[:port][/prefix]}; the port defaults to 9200
     * @param apiKeyOrNull the encoded API key ({@code base64(id:key)}) sent as {@code Authorization: ApiKey ...},
     *     or null/blank for a node without security
     * @return a client whose {@code java.time} values are written as ISO-8601 strings
     */
    public static ElasticsearchClient create(URI url, String apiKeyOrNull) {
        if (url == null || url.getHost() == null
            || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("Elasticsearch URL must be http(s)://host[:port], got " + url);
        }
        int port = url.getPort() == -1 ? 9200 : url.getPort();
        RestClientBuilder builder = RestClient.builder(new HttpHost(url.getHost(), port, url.getScheme()));
        String path = url.getPath();
        if (path != null && !path.isEmpty() && !"/".equals(path)) {
            builder.setPathPrefix(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        }
        if (apiKeyOrNull != null && !apiKeyOrNull.isBlank()) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + apiKeyOrNull.strip())});
        }
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper(json)));
    }
}
