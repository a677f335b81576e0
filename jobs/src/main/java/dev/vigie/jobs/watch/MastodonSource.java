package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.net.URI;
import java.util.List;

/** Mastodon: an instance, hashtag timelines to follow and full-text queries to search (at least one of them). */
public record MastodonSource(URI instance, List<String> hashtags, List<String> queries) implements Serializable {
    public MastodonSource {
        Checks.requireHttp("mastodon instance", instance);
        hashtags = Checks.requireTexts("mastodon hashtag", hashtags).stream()
                .map(h -> h.startsWith("#") ? h.substring(1) : h)
                .toList();
        queries = Checks.requireTexts("mastodon query", queries);
        if (hashtags.isEmpty() && queries.isEmpty()) {
            throw new IllegalArgumentException("mastodon instance " + instance + " needs hashtags or queries");
        }
    }
}
