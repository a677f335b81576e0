package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/** Where the watch's documents and state live. The API key is a {@link Secret} and never prints. */
public record ElasticsearchSettings(URI url, Secret apiKey) implements Serializable {
    public static final URI DEFAULT_URL = URI.create("http://localhost:9200");
    public static final ElasticsearchSettings DEFAULT = new ElasticsearchSettings(DEFAULT_URL, Secret.NONE);

    public ElasticsearchSettings {
        Checks.requireHttp("elasticsearch url", url);
        apiKey = Objects.requireNonNullElse(apiKey, Secret.NONE);
    }
}
