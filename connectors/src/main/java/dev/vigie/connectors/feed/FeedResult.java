package dev.vigie.connectors.feed;

import dev.vigie.connectors.mention.Mention;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What became of one feed body: parsed into mentions (possibly after recovering from malformed XML, which
 * {@link Parsed#recoveries()} says), or rejected with a reason. Never an exception.
 */
public sealed interface FeedResult extends Serializable permits FeedResult.Parsed, FeedResult.Rejected {

    /** The feed URL as given to the parser. */
    String feedUrl();

    /**
     * A feed that yielded its entries.
     *
     * @param feedUrl feed URL
     * @param format Rome's name of the dialect ({@code rss_2.0}, {@code atom_1.0}, {@code rss_1.0}...)
     * @param title feed title or {@code null}
     * @param lang language hint of the feed or {@code null}
     * @param mentions one per entry that could be mapped
     * @param entryErrors entries that could not be mapped, one message each (the feed is kept)
     * @param recoveries what a strict parser would have refused and was repaired, like a feed reader's "bozo"
     *                   flag; empty for a well-formed feed
     */
    record Parsed(
            String feedUrl,
            String format,
            String title,
            String lang,
            List<Mention> mentions,
            List<String> entryErrors,
            List<String> recoveries)
            implements FeedResult {
        public Parsed {
            Objects.requireNonNull(feedUrl, "feedUrl");
            mentions = List.copyOf(mentions);
            entryErrors = List.copyOf(entryErrors);
            recoveries = List.copyOf(recoveries);
        }

        /** Whether the body was well-formed XML in its declared encoding (nothing had to be repaired). */
        public boolean wellFormed() {
            return recoveries.isEmpty();
        }
    }

    /**
     * A body that is not a usable feed.
     *
     * @param feedUrl feed URL
     * @param reason why, for counting
     * @param message a human-readable explanation (parser message with line and column where known)
     */
    record Rejected(String feedUrl, Reason reason, String message) implements FeedResult {
        public Rejected {
            Objects.requireNonNull(feedUrl, "feedUrl");
            Objects.requireNonNull(reason, "reason");
            message = message == null || message.isBlank() ? reason.name() : message;
        }
    }

    /** Why a body was rejected. */
    enum Reason {
        /** Empty body. */
        EMPTY,
        /** Malformed XML that even lenient recovery could not read as a feed. */
        MALFORMED,
        /** Well-formed XML, but not RSS, Atom or RDF (an HTML page, OPML...). */
        NOT_A_FEED,
        /** Refused for security: external entities (XXE) or entity-expansion declarations. */
        UNSAFE
    }
}
