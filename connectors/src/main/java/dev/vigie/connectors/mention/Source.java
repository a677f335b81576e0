package dev.vigie.connectors.mention;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a mention was published ({@code source.{type,name,url,search}} in the data contract): the outlet a
 * social-listening user counts share of voice by, not the query that found it.
 *
 * <p>A feed entry's outlet is the feed (its title, or the competitor whose feed it is); a Mastodon status's is the
 * instance its author posts from ({@code mastodon.social}, also when another instance's timeline carried it); a
 * Reddit post's is its subreddit ({@code r/france}); a Hacker News item's is {@code Hacker News}; a Bluesky post's is
 * {@code bsky.app}, where every post of the network is read.
 *
 * @param type   platform or feed
 * @param name   the outlet as people name it; the URL when nothing better is known
 * @param url    the outlet's address: the feed URL, the instance, the subreddit's page...; never blank
 * @param search the search that found the mention, as the watch names it ({@code "acme" on r/marketing},
 *               {@code #acme on mastodon.social}); {@code null} for feeds, which are read whole
 */
public record Source(SourceType type, String name, String url, String search) implements Serializable {
    public Source {
        Objects.requireNonNull(type, "type");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("source url must not be blank: '" + url + "'");
        }
        name = name == null || name.isBlank() ? url : name.strip();
        search = search == null || search.isBlank() ? null : search.strip();
    }

    /** A feed, named by its title or by the competitor it belongs to. */
    public static Source feed(String name, String feedUrl) {
        return new Source(SourceType.FEED, name, feedUrl, null);
    }
}
