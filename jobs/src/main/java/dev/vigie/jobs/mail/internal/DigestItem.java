package dev.vigie.jobs.mail.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One hit as a digest shows it, and as the ledger keeps it while it waits to be sent (a daily digest renders hits
 * found by earlier runs, whose mentions the current run no longer carries).
 */
public record DigestItem(String mentionId, String title, String url, String source, Instant publishedAt,
                         String lang, String sentiment, String snippet, List<String> matchedTerms, int storySources,
                         Instant matchedAt) {
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
}
