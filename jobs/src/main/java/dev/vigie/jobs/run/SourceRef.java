package dev.vigie.jobs.run;

import java.io.Serializable;

/**
 * One source of one watch, as shown in the summary and recorded in {@code vigie-runs} and {@code vigie-state}.
 *
 * @param watch the watch id
 * @param type  {@code feed}, {@code mastodon}, {@code bluesky}, {@code reddit}, {@code hackernews} or {@code page}
 * @param name  a readable name (the query, the hashtag, the competitor)
 * @param url   the feed, page or API URL
 */
public record SourceRef(String watch, String type, String name, String url) implements Serializable {

    public SourceRef {
        for (var field : new String[][] {{"watch", watch}, {"type", type}, {"name", name}, {"url", url}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException("source " + field[0] + " must not be blank");
            }
        }
    }

    /** The key of this source's state, stable across runs as long as the watch file names it the same way. */
    public String key() {
        return type + " " + name + " " + url;
    }

    @Override
    public String toString() {
        return watch + " " + type + " " + name;
    }
}
