package dev.vigie.connectors.mention;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing somebody published that a watch collects: a feed entry, a toot, a Bluesky post, a Reddit post or comment,
 * a Hacker News story or comment. This is the record the run job enriches and indexes into {@code vigie-mentions}.
 *
 * <p>The {@code id} is deterministic so that a rerun overwrites instead of duplicating: the platform's own id where
 * there is one ({@code mastodon:mastodon.social:1130...}, {@code bluesky:at://...}, {@code reddit:t3_abc},
 * {@code hackernews:4242}), else {@code url:} and a SHA-256 of the canonical URL.
 *
 * @param id deterministic document id, never blank
 * @param source where it was collected
 * @param url canonical URL (absolute, no fragment, no {@code utm_*}); never blank
 * @param title title if the format has one (feeds, Reddit, HN stories), else {@code null}
 * @param text plain text (HTML stripped, scripts and styles removed); may be empty, never {@code null}
 * @param author author, {@link Author#UNKNOWN} when nobody is named
 * @param publishedAt publication time in UTC
 * @param publishedEstimated {@code true} when the source gave no usable date and {@code publishedAt} is the fetch time
 * @param fetchedAt when Vigie fetched it
 * @param lang language hint from the source (ISO 639-1 primary subtag, lower case), {@code null} when none
 * @param engagement reactions where the platform counts them
 * @param reach audience estimate (author followers/karma) where known, else {@code null}
 */
public record Mention(
        String id,
        Source source,
        String url,
        String title,
        String text,
        Author author,
        Instant publishedAt,
        boolean publishedEstimated,
        Instant fetchedAt,
        String lang,
        Engagement engagement,
        Long reach)
        implements Serializable {

    public Mention {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("mention id must not be blank: '" + id + "'");
        }
        Objects.requireNonNull(source, "source");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("mention url must not be blank for id " + id);
        }
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        title = title == null || title.isBlank() ? null : title.strip();
        text = text == null ? "" : text;
        author = author == null ? Author.UNKNOWN : author;
        engagement = engagement == null ? Engagement.NONE : engagement;
        lang = lang == null || lang.isBlank() ? null : lang;
        if (reach != null && reach < 0) {
            throw new IllegalArgumentException("reach must not be negative: " + reach);
        }
    }
}
