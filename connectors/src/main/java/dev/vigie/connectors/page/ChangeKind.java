package dev.vigie.connectors.page;

/** Coarse kind of a page change ({@code kind} in {@code vigie-page-changes}). */
public enum ChangeKind {
    /** Amounts with currencies differ between old and new. */
    PRICE("price"),
    /** A new product, feature, release. */
    PRODUCT("product"),
    /** Dated news items, press releases, posts. */
    NEWS("news"),
    /** Job offers. */
    JOBS("jobs"),
    OTHER("other");

    private final String id;

    ChangeKind(String id) {
        this.id = id;
    }

    /** The lower-case value stored in Elasticsearch. */
    public String id() {
        return id;
    }
}
