package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.util.List;

/**
 * A keyword alert: a Lucene query run on every new mention, and who gets the hits, how often; or a spike alert
 * ({@code spike}), which has no query and sends one alert per spike of the brand's mentions.
 *
 * @param id        unique in the watch, {@code [a-z0-9-]+}
 * @param query     Lucene classic query syntax (AND, OR, NOT, "phrases"~slop); empty for a spike alert
 * @param languages ISO 639-1 codes the mention must be in; empty for any language
 * @param sentiment sentiment the mention must have; {@link SentimentFilter#ANY} for no filter
 * @param to        email recipients; with {@code webhooks} empty, hits are only indexed, never sent
 * @param every     how often the hits are sent
 * @param webhooks  Slack, Teams and generic webhooks that get the same digests, each on its own ledger entries
 * @param spike     the settings of a spike alert, or {@code null} for a keyword alert
 */
public record AlertRuleSpec(
        String id,
        String query,
        List<String> languages,
        SentimentFilter sentiment,
        List<String> to,
        Frequency every,
        List<Webhook> webhooks,
        SpikeSpec spike)
        implements Serializable {
    public static final Frequency DEFAULT_EVERY = Frequency.RUN;

    public AlertRuleSpec {
        Checks.requireId("alert id", id);
        if (spike == null) {
            Checks.requireText("alert query of '" + id + "'", query);
        } else if (query != null && !query.isBlank()) {
            throw new IllegalArgumentException(
                    "spike alert '" + id + "' has a query; a spike alert counts every " + "mention of the brand");
        } else {
            query = "";
        }
        languages = List.copyOf(languages);
        for (String lang : languages) {
            if (!Checks.LANGUAGE_CODE.matcher(lang).matches()) {
                throw new IllegalArgumentException("alert language '" + lang + "' is not a two-letter code");
            }
        }
        sentiment = sentiment == null ? SentimentFilter.ANY : sentiment;
        to = Checks.requireEmails("alert recipient", to);
        every = every == null ? DEFAULT_EVERY : every;
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Webhook w : webhooks) {
            if (!seen.add(w.channelId())) {
                throw new IllegalArgumentException("alert '" + id + "' lists " + w.describe() + " twice");
            }
        }
    }

    /** A keyword rule. */
    public AlertRuleSpec(
            String id,
            String query,
            List<String> languages,
            SentimentFilter sentiment,
            List<String> to,
            Frequency every,
            List<Webhook> webhooks) {
        this(id, query, languages, sentiment, to, every, webhooks, null);
    }

    /** A keyword rule that only emails. */
    public AlertRuleSpec(
            String id,
            String query,
            List<String> languages,
            SentimentFilter sentiment,
            List<String> to,
            Frequency every) {
        this(id, query, languages, sentiment, to, every, List.of(), null);
    }

    /** Whether this is a spike alert (no query; see {@link SpikeSpec}). */
    public boolean isSpike() {
        return spike != null;
    }

    /**
     * Every channel of the rule as the ledger names it: the email addresses, then each webhook's
     * {@link Webhook#channelId()}.
     */
    public List<String> channels() {
        List<String> all = new java.util.ArrayList<>(to);
        webhooks.forEach(w -> all.add(w.channelId()));
        return List.copyOf(all);
    }

    /** The webhook whose {@link Webhook#channelId()} is {@code channel}, if any. */
    public java.util.Optional<Webhook> webhook(String channel) {
        return webhooks.stream()
                .filter(w -> w.channelId().equalsIgnoreCase(channel))
                .findFirst();
    }

    /** Whether a mention in {@code lang} passes the language filter. */
    public boolean acceptsLanguage(String lang) {
        return languages.isEmpty() || languages.contains(lang);
    }
}
