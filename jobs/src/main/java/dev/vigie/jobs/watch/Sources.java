package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.net.URI;
import java.util.List;

/** Where mentions of the brand are looked for, besides the competitors' own feeds and pages. */
public record Sources(
        List<URI> feeds,
        List<MastodonSource> mastodon,
        List<BlueskySource> bluesky,
        List<RedditSource> reddit,
        List<HackerNewsSource> hackernews)
        implements Serializable {
    /** No sources at all. */
    public static final Sources NONE = new Sources(List.of(), List.of(), List.of(), List.of(), List.of());

    public Sources {
        feeds = Checks.requireHttp("feed", feeds);
        mastodon = List.copyOf(mastodon);
        bluesky = List.copyOf(bluesky);
        reddit = List.copyOf(reddit);
        hackernews = List.copyOf(hackernews);
    }
}
