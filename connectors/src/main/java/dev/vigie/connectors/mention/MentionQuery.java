package dev.vigie.connectors.mention;

import dev.vigie.connectors.http.FetchRequest;
import dev.vigie.connectors.http.FetchResult;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One query on a mention platform, as configured in the watch file. Serialisable: the run job ships it to workers.
 * A query knows its wire format: it builds the request of the first page for a cursor and parses each response into
 * a {@link MentionPage} (mentions, next page, newest position). {@link MentionCollector} drives the pagination.
 */
public sealed interface MentionQuery extends Serializable
        permits MastodonTagTimeline, MastodonSearch, BlueskySearch, RedditSearch, HackerNewsSearch {

    /**
     * The search as people read it ({@code "acme" on Reddit}, {@code #acme on mastodon.social}): what the run
     * summary shows, and {@link Source#search()} of every mention it finds. Where a mention was published is its
     * own {@link Mention#source()}.
     */
    String label();

    /** The first request of a run: only what is newer than {@code since} when there is a cursor. */
    FetchRequest firstRequest(MentionCursor since);

    /** Parses one response; never throws for bad items (they go to {@link MentionPage#errors()}). */
    MentionPage parse(FetchResult.Ok response, MentionCursor since);

    /**
     * Whether pages after the first go from older to newer when there is a cursor, so that stopping early still
     * lets the cursor advance (Mastodon {@code min_id}); otherwise pages go from newest to oldest.
     */
    default boolean oldestFirst(MentionCursor since) {
        return false;
    }

    /** Orders two cursor values; numeric by default (ids, epoch seconds). */
    default int compare(String a, String b) {
        return new BigDecimal(a).compareTo(new BigDecimal(b));
    }
}
