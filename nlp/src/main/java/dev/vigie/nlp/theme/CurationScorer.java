package dev.vigie.nlp.theme;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The curation score (0 to 100, indexed as {@code curation_score}) that ranks the week's items for the report:
 * <pre>
 * score = 100 x ( w_relevance  x relevance
 *               + w_length     x min(1, ln(1 + chars) / ln(1 + 1500))
 *               + w_source     x sourceWeight(source.type)
 *               + w_engagement x min(1, ln(1 + likes + 2 x shares + comments) / ln(1 + 1000))
 *               + w_coverage   x min(1, log2(storySources) / 3) )
 * </pre>
 * with default weights 0.40, 0.10, 0.15, 0.20, 0.15 (they must sum to 1). Logarithms because the 1,000th like
 * says less than the 10th; length saturates at about a news lead (1,500 characters) so that long pages do not win
 * by size; coverage reaches its maximum when eight sources carry the story. Source weights by default: feed 1.0
 * (editorial news), page 0.9 (a competitor's own page), hackernews 0.8, reddit 0.7, mastodon and bluesky 0.6,
 * anything else 0.5. Relevance is the item's best theme score, raised when it names the brand or a competitor
 * ({@link #relevance}). Immutable and thread-safe.
 */
public final class CurationScorer {

    public static final double DEFAULT_RELEVANCE_WEIGHT = 0.40;
    public static final double DEFAULT_LENGTH_WEIGHT = 0.10;
    public static final double DEFAULT_SOURCE_WEIGHT = 0.15;
    public static final double DEFAULT_ENGAGEMENT_WEIGHT = 0.20;
    public static final double DEFAULT_COVERAGE_WEIGHT = 0.15;
    public static final double DEFAULT_UNKNOWN_SOURCE = 0.5;
    public static final Map<String, Double> DEFAULT_SOURCE_WEIGHTS =
            Map.of("feed", 1.0, "page", 0.9, "hackernews", 0.8, "reddit", 0.7, "mastodon", 0.6, "bluesky", 0.6);

    private static final double LENGTH_SATURATION = Math.log1p(1500);
    private static final double ENGAGEMENT_SATURATION = Math.log1p(1000);

    private final double relevanceWeight;
    private final double lengthWeight;
    private final double sourceWeight;
    private final double engagementWeight;
    private final double coverageWeight;
    private final Map<String, Double> sourceWeights;

    private CurationScorer(Builder b) {
        this.relevanceWeight = b.relevance;
        this.lengthWeight = b.length;
        this.sourceWeight = b.source;
        this.engagementWeight = b.engagement;
        this.coverageWeight = b.coverage;
        this.sourceWeights = Map.copyOf(b.sourceWeights);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The scorer with the default weights. */
    public static CurationScorer defaults() {
        return builder().build();
    }

    /**
     * Relevance of an item to the watch in [0, 1]: {@code 0.6 x bestThemeScore + 0.4} when it names the brand or
     * a competitor, {@code bestThemeScore} otherwise.
     */
    public static double relevance(double bestThemeScore, boolean namesBrandOrCompetitor) {
        if (!(bestThemeScore >= 0 && bestThemeScore <= 1)) {
            throw new IllegalArgumentException("theme score must be within [0, 1]: " + bestThemeScore);
        }
        return namesBrandOrCompetitor ? 0.6 * bestThemeScore + 0.4 : bestThemeScore;
    }

    /** The score, 0 to 100. */
    public double score(CurationSignals s) {
        double length = Math.min(1, Math.log1p(s.textLength()) / LENGTH_SATURATION);
        double source = sourceWeights.getOrDefault(s.sourceType().toLowerCase(Locale.ROOT), DEFAULT_UNKNOWN_SOURCE);
        double engagement =
                Math.min(1, Math.log1p(s.likes() + 2.0 * s.shares() + s.comments()) / ENGAGEMENT_SATURATION);
        double coverage = Math.min(1, (Math.log(s.storySources()) / Math.log(2)) / 3);
        double score = relevanceWeight * s.relevance()
                + lengthWeight * length
                + sourceWeight * source
                + engagementWeight * engagement
                + coverageWeight * coverage;
        return Math.max(0, Math.min(100, 100 * score));
    }

    /** Weights of the curation score; {@link #build()} checks they are within [0, 1] and sum to 1. */
    public static final class Builder {
        private double relevance = DEFAULT_RELEVANCE_WEIGHT;
        private double length = DEFAULT_LENGTH_WEIGHT;
        private double source = DEFAULT_SOURCE_WEIGHT;
        private double engagement = DEFAULT_ENGAGEMENT_WEIGHT;
        private double coverage = DEFAULT_COVERAGE_WEIGHT;
        private final Map<String, Double> sourceWeights = new HashMap<>(DEFAULT_SOURCE_WEIGHTS);

        private Builder() {}

        public Builder weights(double relevance, double length, double source, double engagement, double coverage) {
            this.relevance = relevance;
            this.length = length;
            this.source = source;
            this.engagement = engagement;
            this.coverage = coverage;
            return this;
        }

        /** The weight in [0, 1] of items of one {@code source.type}. */
        public Builder sourceWeight(String sourceType, double weight) {
            if (sourceType == null || sourceType.isBlank()) {
                throw new IllegalArgumentException("source type must not be blank: '" + sourceType + "'");
            }
            if (!(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException(
                        "weight of source '" + sourceType + "' must be within [0, 1]: " + weight);
            }
            sourceWeights.put(sourceType.toLowerCase(Locale.ROOT), weight);
            return this;
        }

        public CurationScorer build() {
            double[] w = {relevance, length, source, engagement, coverage};
            String[] names = {"relevance", "length", "source", "engagement", "coverage"};
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                if (!(w[i] >= 0 && w[i] <= 1)) {
                    throw new IllegalArgumentException(names[i] + " weight must be within [0, 1]: " + w[i]);
                }
                sum += w[i];
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("curation weights must sum to 1, they sum to " + sum);
            }
            return new CurationScorer(this);
        }
    }
}
