package dev.vigie.nlp.alert;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One keyword alert of a watch, as written in the watch file.
 *
 * <p>The query syntax is checked when an {@link AlertMatcher} is opened (or earlier with
 * {@link AlertMatcher#checkQuery(String)}), not here, so that a watch with one bad rule can still load its other
 * rules.
 *
 * @param watch the watch id ({@code [a-z0-9-]+}); a document only matches the rules of its own watch
 * @param id the rule id, unique within the watch
 * @param query the analyst query (see the package documentation)
 * @param languages language codes the document must have (e.g. {@code fr}); empty: any language
 * @param sentiments sentiment labels the document must have ({@link #SENTIMENT_LABELS}); empty: any sentiment
 */
public record AlertRule(String watch, String id, String query, Set<String> languages, Set<String> sentiments)
        implements Serializable {

    /** Sentiment labels a rule may filter on, as produced by the sentiment component. */
    public static final Set<String> SENTIMENT_LABELS = Set.of("positive", "neutral", "negative");

    private static final Pattern WATCH_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z]{2,4})?");

    /** Validates ids and filters, lower-cases and copies the filter sets. */
    public AlertRule {
        if (watch == null || !WATCH_ID.matcher(watch).matches()) {
            throw new IllegalArgumentException("watch id must match [a-z0-9-]+: '" + watch + "'");
        }
        if (id == null || !RULE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "alert rule id must match [A-Za-z0-9_.-]+: '" + id + "' (watch " + watch + ")");
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("alert rule '" + id + "' of watch " + watch + " has an empty query");
        }
        languages = languages == null
                ? Set.of()
                : Set.copyOf(languages.stream().map(AlertRule::lower).toList());
        for (String lang : languages) {
            if (!LANGUAGE.matcher(lang).matches()) {
                throw new IllegalArgumentException("alert rule '" + id + "': bad language code '" + lang + "'");
            }
        }
        sentiments = sentiments == null
                ? Set.of()
                : Set.copyOf(sentiments.stream().map(AlertRule::lower).toList());
        for (String s : sentiments) {
            if (!SENTIMENT_LABELS.contains(s)) {
                throw new IllegalArgumentException("alert rule '" + id + "': unknown sentiment '" + s
                        + "' (expected one of positive, neutral, negative)");
            }
        }
    }

    /** A rule without language or sentiment filter. */
    public static AlertRule of(String watch, String id, String query) {
        return new AlertRule(watch, id, query, Set.of(), Set.of());
    }

    /** Whether a document's language and sentiment pass this rule's filters. */
    public boolean accepts(String language, String sentiment) {
        if (!languages.isEmpty() && (language == null || !languages.contains(lower(language)))) {
            return false;
        }
        return sentiments.isEmpty() || (sentiment != null && sentiments.contains(lower(sentiment)));
    }

    private static String lower(String s) {
        if (s == null) {
            throw new IllegalArgumentException("filter value must not be null");
        }
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
