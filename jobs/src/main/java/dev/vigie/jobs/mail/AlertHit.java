package dev.vigie.jobs.mail;

import dev.vigie.jobs.spike.SpikeReport;
import dev.vigie.jobs.watch.Checks;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One mention matched by one alert rule, as the run job hands it to {@link AlertDispatcher}. Everything but the ids
 * comes from a feed or a page and is treated as hostile when rendered.
 *
 * @param watch        the watch id
 * @param rule         the alert rule id
 * @param mentionId    the mention's document id in {@code vigie-mentions}
 * @param title        the mention's title; may be empty (posts have none)
 * @param url          the mention's link as published; only http(s) links are ever rendered as links
 * @param source       where it was found, for people (a feed title, {@code Mastodon}, {@code news.example})
 * @param publishedAt  when it was published; {@code null} when the source did not say
 * @param lang         ISO 639-1 code; empty when unknown
 * @param sentiment    {@code positive}, {@code neutral} or {@code negative}; empty when unknown
 * @param text         the mention's plain text, from which the snippet is cut
 * @param matchedTerms the terms of the rule's query found in the mention, highlighted in the snippet
 * @param storySources how many sources carry the same story (this one included), at least 1
 * @param spike        for a spike alert ({@code mentionId} is then the spike's id), what the alert shows; else
 *                     {@code null}. Spike alerts are found after the job, so the job's serializer never carries one.
 */
public record AlertHit(
        String watch,
        String rule,
        String mentionId,
        String title,
        String url,
        String source,
        Instant publishedAt,
        String lang,
        String sentiment,
        String text,
        List<String> matchedTerms,
        int storySources,
        SpikeReport spike)
        implements Serializable {
    public AlertHit {
        if (Checks.id(watch) != null || Checks.id(rule) != null) {
            throw new IllegalArgumentException(
                    "watch '" + watch + "' and rule '" + rule + "' must be ids ([a-z0-9-]+)");
        }
        if (mentionId == null || mentionId.isBlank()) {
            throw new IllegalArgumentException("mention id must not be empty");
        }
        title = Objects.requireNonNullElse(title, "");
        url = Objects.requireNonNullElse(url, "");
        source = Objects.requireNonNullElse(source, "");
        lang = Objects.requireNonNullElse(lang, "");
        sentiment = Objects.requireNonNullElse(sentiment, "");
        text = Objects.requireNonNullElse(text, "");
        matchedTerms = matchedTerms.stream()
                .filter(t -> t != null && !t.isBlank())
                .distinct()
                .toList();
        if (storySources < 1) {
            throw new IllegalArgumentException("storySources must be at least 1, got " + storySources);
        }
    }

    /** A keyword hit. */
    public AlertHit(
            String watch,
            String rule,
            String mentionId,
            String title,
            String url,
            String source,
            Instant publishedAt,
            String lang,
            String sentiment,
            String text,
            List<String> matchedTerms,
            int storySources) {
        this(
                watch,
                rule,
                mentionId,
                title,
                url,
                source,
                publishedAt,
                lang,
                sentiment,
                text,
                matchedTerms,
                storySources,
                null);
    }
}
