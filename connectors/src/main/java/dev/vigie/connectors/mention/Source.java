package dev.vigie.connectors.mention;

import java.io.Serializable;
import java.util.Objects;

/**
 * The source a mention was collected from ({@code source.{type,name,url}} in the data contract).
 *
 * @param type platform or feed
 * @param name a readable name: the feed title, the Mastodon instance and query, the subreddit...
 * @param url the feed URL or the API endpoint that was queried; never blank
 */
public record Source(SourceType type, String name, String url) implements Serializable {
    public Source {
        Objects.requireNonNull(type, "type");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("source url must not be blank: '" + url + "'");
        }
        name = name == null || name.isBlank() ? url : name.strip();
    }
}
