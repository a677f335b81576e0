package dev.vigie.connectors.mention;

import java.io.Serializable;

/**
 * How far a mention query has read, stored by the run job between runs (in Elasticsearch) so that the next run asks
 * only for what is newer: the newest Mastodon status id, the newest Bluesky {@code createdAt}, the newest Reddit
 * {@code created_utc} or Hacker News {@code created_at_i}. Opaque to the caller.
 *
 * @param value the position, {@code null} before the first run
 */
public record MentionCursor(String value) implements Serializable {
    /** Nothing read yet: the first run takes the newest pages. */
    public static final MentionCursor START = new MentionCursor(null);

    public MentionCursor {
        value = value == null || value.isBlank() ? null : value.strip();
    }

    public boolean isStart() {
        return value == null;
    }
}
