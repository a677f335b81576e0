package dev.vigie.jobs.mail.internal;

import dev.vigie.jobs.spike.SpikeReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One hit as a digest shows it, and as the ledger keeps it while it waits to be sent (a daily digest renders hits
 * found by earlier runs, whose mentions the current run no longer carries). A spike alert is one item whose
 * {@code mentionId} is the spike's id, whose title and snippet say what happened, and whose {@code spike} carries the
 * whole report.
 */
public record DigestItem(
        String mentionId,
        String title,
        String url,
        String source,
        Instant publishedAt,
        String lang,
        String sentiment,
        String snippet,
        List<String> matchedTerms,
        int storySources,
        Instant matchedAt,
        SpikeReport spike) {
    public DigestItem {
        Objects.requireNonNull(mentionId, "mentionId");
        title = Objects.requireNonNullElse(title, "");
        url = Objects.requireNonNullElse(url, "");
        source = Objects.requireNonNullElse(source, "");
        lang = Objects.requireNonNullElse(lang, "");
        sentiment = Objects.requireNonNullElse(sentiment, "");
        snippet = Objects.requireNonNullElse(snippet, "");
        matchedTerms = List.copyOf(matchedTerms);
        storySources = Math.max(1, storySources);
        Objects.requireNonNull(matchedAt, "matchedAt");
    }

    /** A keyword hit. */
    public DigestItem(
            String mentionId,
            String title,
            String url,
            String source,
            Instant publishedAt,
            String lang,
            String sentiment,
            String snippet,
            List<String> matchedTerms,
            int storySources,
            Instant matchedAt) {
        this(
                mentionId,
                title,
                url,
                source,
                publishedAt,
                lang,
                sentiment,
                snippet,
                matchedTerms,
                storySources,
                matchedAt,
                null);
    }
}
