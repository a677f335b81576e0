package dev.vigie.jobs.run;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * Base URLs of the mention APIs that a watch names only by query. The defaults are the public services; tests and the
 * demo point them at a loopback server.
 */
public record ApiEndpoints(URI bluesky, URI reddit, URI hackernews) implements Serializable {

    public static final URI DEFAULT_BLUESKY = URI.create("https://public.api.bsky.app");
    public static final URI DEFAULT_REDDIT = URI.create("https://www.reddit.com");
    public static final URI DEFAULT_HACKERNEWS = URI.create("https://hn.algolia.com");
    public static final ApiEndpoints DEFAULT = new ApiEndpoints(DEFAULT_BLUESKY, DEFAULT_REDDIT, DEFAULT_HACKERNEWS);

    public ApiEndpoints {
        Objects.requireNonNull(bluesky, "bluesky");
        Objects.requireNonNull(reddit, "reddit");
        Objects.requireNonNull(hackernews, "hackernews");
    }

    /** All three APIs served under one base URL (a loopback test or demo server). */
    public static ApiEndpoints allAt(URI base) {
        return new ApiEndpoints(base, base, base);
    }
}
