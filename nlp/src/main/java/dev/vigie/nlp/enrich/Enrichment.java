package dev.vigie.nlp.enrich;

import dev.vigie.nlp.alert.AlertMatch;
import dev.vigie.nlp.brand.BrandMention;
import dev.vigie.nlp.dedup.StorySignature;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.theme.ThemeMatch;
import java.util.List;
import java.util.Objects;

/**
 * Everything the chain learned about one item, in the shape of the {@code vigie-mentions} fields: {@code lang},
 * {@code sentiment.{label,score}}, {@code themes[]}, {@code brands[]}, {@code alerts[]}, plus the story signature
 * (grouped by the job into {@code story_id}) and the watch relevance that feeds {@code curation_score}. A stage
 * that failed leaves its default (unknown language, no sentiment, empty lists, null signature) and one message in
 * {@code errors}: one bad item never fails a batch.
 */
public record Enrichment(
        String id,
        String language,
        Sentiment sentiment,
        List<ThemeMatch> themes,
        List<BrandMention> brands,
        StorySignature story,
        List<AlertMatch> alerts,
        double relevance,
        List<String> errors) {

    public Enrichment {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("enrichment needs a document id: '" + id + "'");
        }
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sentiment, "sentiment");
        themes = List.copyOf(themes);
        brands = List.copyOf(brands);
        alerts = List.copyOf(alerts);
        errors = List.copyOf(errors);
        if (!(relevance >= 0 && relevance <= 1)) {
            throw new IllegalArgumentException("relevance must be within [0, 1]: " + relevance);
        }
    }

    /** Theme ids, best first ({@code themes[]}). */
    public List<String> themeIds() {
        return themes.stream().map(ThemeMatch::id).toList();
    }

    /** Distinct names of the brand and competitors named ({@code brands[]}). */
    public List<String> brandNames() {
        return brands.stream().map(BrandMention::name).distinct().toList();
    }

    /** Ids of the alert rules matched ({@code alerts[]}). */
    public List<String> alertRuleIds() {
        return alerts.stream().map(AlertMatch::ruleId).distinct().toList();
    }
}
