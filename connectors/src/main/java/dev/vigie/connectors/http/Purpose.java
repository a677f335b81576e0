package dev.vigie.connectors.http;

/**
 * What a fetch is for. It chooses the {@code Accept} header and whether robots.txt applies: robots.txt governs
 * crawling web pages; feeds and APIs are published to be polled, as every feed reader assumes.
 */
public enum Purpose {
    /** An RSS/Atom feed. */
    FEED(
            "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
            false),
    /** A web page (competitor pages): robots.txt is honoured. */
    PAGE("text/html, application/xhtml+xml;q=0.9, */*;q=0.5", true),
    /** A JSON API (Mastodon, Bluesky, Reddit, Hacker News). */
    API("application/json", false),
    /** robots.txt itself. */
    ROBOTS("text/plain, */*;q=0.5", false);

    private final String accept;
    private final boolean robotsApply;

    Purpose(String accept, boolean robotsApply) {
        this.accept = accept;
        this.robotsApply = robotsApply;
    }

    /** The {@code Accept} header sent. */
    public String accept() {
        return accept;
    }

    /** Whether robots.txt rules are checked before fetching. */
    public boolean robotsApply() {
        return robotsApply;
    }
}
