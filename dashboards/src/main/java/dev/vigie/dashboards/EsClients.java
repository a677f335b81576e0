package dev.vigie.dashboards;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Creates Elasticsearch clients the same way for every command ({@code run}, {@code report}, {@code templates},
 * {@code demo}), the tests and the job, so that a URL means the same everywhere:
 * <ul>
 *   <li>{@code http(s)://host[:port][/prefix]}; without a port, {@value #DEFAULT_PORT} (Elasticsearch's port, as
 *       Logstash and Beats read such a URL), for https too: write {@code :443} for a proxy on the https port;</li>
 *   <li>a path is a prefix put before every request ({@code http://proxy/es} sends {@code /es/_bulk});</li>
 *   <li>credentials in the URL, a query or a fragment are refused (an API key goes in {@code api_key}, sent as
 *       {@code Authorization: ApiKey ...}), and the message never repeats the credentials.</li>
 * </ul>
 * Closing a client closes its HTTP connections.
 */
public final class EsClients {

    /** The port of a URL that names none. */
    public static final int DEFAULT_PORT = 9200;

    private EsClients() {}

    /**
     * The URL in its one canonical form, {@code scheme://host:port[/prefix]} (port explicit, no trailing slash).
     *
     * @throws IllegalArgumentException when it is not {@code http(s)://host[:port][/prefix]}; the message shows the
     *     URL without its user information
     */
    public static URI canonical(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("Elasticsearch URL must be http(s)://host[:port][/prefix], got null");
        }
        String shown = printable(url);
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Elasticsearch URL must not carry credentials (" + shown + "): put an "
                    + "API key in elasticsearch.api_key, e.g. api_key: \"${ES_API_KEY}\"");
        }
        if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException(
                    "Elasticsearch URL must be http(s)://host[:port][/prefix], got " + shown);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("Elasticsearch URL must be http(s)://host[:port][/prefix], without "
                    + "a query or a fragment, got " + shown);
        }
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        try {
            return new URI(
                    url.getScheme(),
                    null,
                    url.getHost(),
                    url.getPort() == -1 ? DEFAULT_PORT : url.getPort(),
                    path.isEmpty() ? null : path,
                    null,
                    null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Elasticsearch URL is not valid: " + shown, e);
        }
    }

    /** A URL as messages may show it: scheme, host, port and path, never user information nor a query. */
    public static String printable(URI url) {
        if (url == null) {
            return "null";
        }
        if (url.getRawUserInfo() == null && url.getRawQuery() == null) {
            return url.toString();
        }
        return (url.getScheme() == null ? "" : url.getScheme() + "://")
                + (url.getRawUserInfo() == null ? "" : "****@")
                + (url.getHost() == null ? "" : url.getHost())
                + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?****");
    }

    /**
     * A low-level client builder for one endpoint: the host and port of {@link #canonical}, its path as the path
     * prefix, and the API key as a default header. Callers add their own time-outs.
     *
     * @param url {@code http(s)://host[:port][/prefix]}
     * @param apiKeyOrNull the encoded API key ({@code base64(id:key)}), or null/blank for a node without security
     */
    public static RestClientBuilder restClientBuilder(URI url, String apiKeyOrNull) {
        URI canonical = canonical(url);
        RestClientBuilder builder =
                RestClient.builder(new HttpHost(canonical.getHost(), canonical.getPort(), canonical.getScheme()));
        if (canonical.getPath() != null && !canonical.getPath().isEmpty()) {
            builder.setPathPrefix(canonical.getPath());
        }
        if (apiKeyOrNull != null && !apiKeyOrNull.isBlank()) {
            builder.setDefaultHeaders(
                    new Header[] {new BasicHeader("Authorization", "ApiKey " + apiKeyOrNull.strip())});
        }
        return builder;
    }

    /**
     * Creates a client for one Elasticsearch endpoint.
     *
     * @param url {@code http(s)://host[:port][/prefix]}; the port defaults to {@value #DEFAULT_PORT}
     * @param apiKeyOrNull the encoded API key ({@code base64(id:key)}) sent as {@code Authorization: ApiKey ...},
     *     or null/blank for a node without security
     * @return a client whose {@code java.time} values are written as ISO-8601 strings
     */
    public static ElasticsearchClient create(URI url, String apiKeyOrNull) {
        RestClientBuilder builder = restClientBuilder(url, apiKeyOrNull);
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper(json)));
    }
}
