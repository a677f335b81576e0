package dev.vigie.jobs.run;

import dev.vigie.connectors.page.PageSpec;
import java.io.Serializable;
import java.net.URI;
import java.util.List;

/** What to fetch for one source; built from a watch by {@link SourcePlanner}. */
public sealed interface SourceSpec extends Serializable {

    /** The host the fetch goes to: tasks are keyed by it so that per-host politeness holds across subtasks. */
    String host();

    /** An RSS/Atom feed, the watch's own or a competitor's ({@code competitor} is then its name). */
    record Feed(URI url, String competitor) implements SourceSpec {
        public String host() {
            return url.getHost();
        }
    }

    /** A Mastodon instance searched for one hashtag or one query (exactly one of the two). */
    record Mastodon(URI instance, String hashtag, String query) implements SourceSpec {
        public Mastodon {
            if ((hashtag == null) == (query == null)) {
                throw new IllegalArgumentException("a Mastodon source has a hashtag or a query, not both nor none");
            }
        }

        public String host() {
            return instance.getHost();
        }
    }

    /** A Bluesky post search. */
    record Bluesky(URI api, String query) implements SourceSpec {
        public String host() {
            return api.getHost();
        }
    }

    /** A Reddit search, site-wide ({@code subreddit} null) or in one subreddit. */
    record Reddit(URI api, String query, String subreddit) implements SourceSpec {
        public String host() {
            return api.getHost();
        }
    }

    /** A Hacker News search (Algolia API). */
    record HackerNews(URI api, String query) implements SourceSpec {
        public String host() {
            return api.getHost();
        }
    }

    /**
     * A competitor's page, watched for changes in the selected section ({@code select} empty for its main content),
     * without the {@code ignore}d parts and the {@code noise} patterns.
     */
    record Page(String competitor, URI url, String select, String ignore, List<String> noise) implements SourceSpec {
        public Page {
            noise = List.copyOf(noise);
        }

        public String host() {
            return url.getHost();
        }

        /** What the page watcher needs; blank selectors mean "none". */
        public PageSpec toPageSpec() {
            return new PageSpec(url.toString(), select, ignore, noise);
        }
    }
}
