package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * Where the watch's documents and state live. The API key is a {@link Secret} and never prints; a URL carrying
 * credentials ({@code http://elastic:pw@host}) is refused, so that a password cannot ride in the URL into a message.
 */
public record ElasticsearchSettings(URI url, Secret apiKey) implements Serializable {
    public static final URI DEFAULT_URL = URI.create("http://localhost:9200");
    /** Why a URL with user information is refused, and what to write instead. */
    public static final String CREDENTIALS_IN_URL = "must not carry credentials; put an API key in "
            + "elasticsearch.api_key: \"${ES_API_KEY}\" (created with POST /_security/api_key)";

    public static final ElasticsearchSettings DEFAULT = new ElasticsearchSettings(DEFAULT_URL, Secret.NONE);

    public ElasticsearchSettings {
        if (url != null && url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(CREDENTIALS_IN_URL);
        }
        Checks.requireHttp("elasticsearch url", url);
        apiKey = Objects.requireNonNullElse(apiKey, Secret.NONE);
    }
}
