package dev.vigie.connectors.mention;

/** Where a mention comes from; the value of {@code source.type} in the {@code vigie-mentions} index. */
public enum SourceType {
    FEED("feed"),
    MASTODON("mastodon"),
    BLUESKY("bluesky"),
    REDDIT("reddit"),
    HACKERNEWS("hackernews");

    private final String id;

    SourceType(String id) {
        this.id = id;
    }

    /** The lower-case name stored in Elasticsearch. */
    public String id() {
        return id;
    }
}
