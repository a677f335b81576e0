package dev.vigie.jobs.run;

import dev.vigie.connectors.mention.Mention;
import dev.vigie.jobs.watch.Competitor;
import dev.vigie.jobs.watch.ThemeSpec;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.nlp.brand.BrandMatcher;
import dev.vigie.nlp.brand.BrandSpec;
import dev.vigie.nlp.dedup.StorySignature;
import dev.vigie.nlp.dedup.StorySigner;
import dev.vigie.nlp.enrich.Enricher;
import dev.vigie.nlp.enrich.Enrichment;
import dev.vigie.nlp.enrich.EnrichmentInput;
import dev.vigie.nlp.enrich.ModelRegistry;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.theme.CurationScorer;
import dev.vigie.nlp.theme.CurationSignals;
import dev.vigie.nlp.theme.Theme;
import dev.vigie.nlp.theme.ThemeMatch;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches a mention through the watch's {@link Enricher} (the one enrichment chain, which the benchmarks measure):
 * language, sentiment, themes, brands and competitors named, story signature; then the curation score. The models
 * (language profiles, sentiment, theme classifiers) come from the {@link ModelRegistry}, loaded once per JVM for
 * every subtask and every run of {@code vigie serve}; {@code open()} looks them up from the watches' serializable
 * settings and builds the cheap per-watch parts (brand matchers). Each watch's language detector knows the default languages plus those
 * the watch lists ({@link Watch#detectedLanguages()}); watches listing the same languages share one detector, and a
 * language one client lists never changes another client's detection.
 *
 * <p>One bad item never fails the run: a stage that throws on an item leaves its default (unknown language, no
 * sentiment, no themes...), the item is indexed with what the other stages found, and it is counted per source in
 * the {@link EnrichmentFailures} accumulator (the run summary and {@code vigie-runs} show the count). Keyword alerts
 * are matched by the next operator ({@link MatchAlerts}), after stories are assigned.
 */
final class EnrichMentions extends RichMapFunction<Collected, EnrichedMention> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichMentions.class);

    /** What enrichment needs of one watch. */
    private record WatchModel(
            List<BrandSpec> brands, List<ThemeSpec> themes, List<String> languages, Map<String, String> sentimentModels)
            implements Serializable {}

    private final String runId;
    private final Map<String, WatchModel> models;
    private final EnglishSentimentScorer.CoreNlpUse coreNlp;
    private transient Map<String, Enricher> enrichers;
    private transient CurationScorer curation;
    private transient EnrichmentFailures failures;

    EnrichMentions(String runId, List<Watch> watches, EnglishSentimentScorer.CoreNlpUse coreNlp) {
        this.runId = runId;
        this.coreNlp = coreNlp;
        this.models = new HashMap<>();
        for (Watch watch : watches) {
            List<BrandSpec> brands = new ArrayList<>();
            brands.add(new BrandSpec(
                    watch.brand().name(), BrandSpec.Role.BRAND, watch.brand().aliases()));
            for (Competitor competitor : watch.competitors()) {
                brands.add(new BrandSpec(competitor.name(), BrandSpec.Role.COMPETITOR, competitor.aliases()));
            }
            models.put(
                    watch.id(),
                    new WatchModel(
                            List.copyOf(brands), watch.themes(), watch.detectedLanguages(), watch.sentimentModels()));
        }
    }

    @Override
    public void open(OpenContext context) {
        long start = System.nanoTime();
        StorySigner signer = StorySigner.create();
        enrichers = new HashMap<>();
        models.forEach((watch, model) -> {
            // the registry's models are loaded once per JVM: every subtask and every run of vigie serve shares them
            Map<String, Path> trained = new HashMap<>();
            model.sentimentModels().forEach((lang, file) -> trained.put(lang, Path.of(file)));
            Enricher.Builder builder = Enricher.builder(watch)
                    .languages(ModelRegistry.languages(model.languages()))
                    .sentiment(ModelRegistry.sentiment(coreNlp, trained))
                    .stories(signer)
                    .brands(BrandMatcher.of(model.brands()));
            if (!model.themes().isEmpty()) {
                builder.themes(ModelRegistry.themes(model.themes().stream()
                        .map(t -> new Theme(t.id(), t.label(), t.examples(), t.keywords()))
                        .toList()));
            }
            enrichers.put(watch, builder.build());
        });
        curation = CurationScorer.defaults();
        failures = new EnrichmentFailures();
        if (context != null) {
            getRuntimeContext().addAccumulator(EnrichmentFailures.NAME, failures);
        }
        LOG.info(
                "Enrichment models of {} watches loaded in {} ms",
                models.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public EnrichedMention map(Collected collected) {
        Mention m = collected.mention();
        EnrichmentInput input =
                new EnrichmentInput(m.id(), m.title(), m.text(), m.author().name(), m.url(), m.lang());
        Enrichment e = enrichers.get(collected.watch()).enrich(input);
        List<String> errors = new ArrayList<>(e.errors());
        List<String> brands = e.brandNames();
        if (collected.competitor() != null && !brands.contains(collected.competitor())) {
            brands = new ArrayList<>(brands);
            brands.add(collected.competitor());
        }
        Double curationScore = null;
        try {
            double bestTheme =
                    e.themes().stream().mapToDouble(ThemeMatch::score).max().orElse(0);
            curationScore = curation.score(new CurationSignals(
                    CurationScorer.relevance(bestTheme, !brands.isEmpty()),
                    input.fullText().length(),
                    m.source().type().id(),
                    orZero(m.engagement().likes()),
                    orZero(m.engagement().shares()),
                    orZero(m.engagement().comments()),
                    1));
        } catch (RuntimeException failure) {
            errors.add("curation: " + failure);
        }
        if (!errors.isEmpty()) {
            failures.add(EnrichmentFailures.key(collected.watch(), collected.sourceKey()));
            LOG.warn(
                    "Run {}: enrichment of {} (watch {}) failed in {} stage(s), indexed with the others: {}",
                    runId,
                    m.id(),
                    collected.watch(),
                    errors.size(),
                    errors);
        }
        RunProgress.enriched(runId);
        Sentiment s = e.sentiment();
        StorySignature signature = e.story();
        return new EnrichedMention(
                collected.watch(),
                collected.sourceKey(),
                m,
                e.language(),
                s.method() == Sentiment.Method.NONE ? null : s.label().id(),
                s.score(),
                e.themeIds(),
                curationScore,
                brands,
                signature != null && signature.isComparable() ? signature : null,
                null,
                null,
                List.of(),
                1);
    }

    /** The enrichment chain of a watch, after {@code open()} (for tests outside a job). */
    Enricher enricher(String watch) {
        return enrichers.get(watch);
    }

    /** Items of this subtask whose enrichment failed in some stage, per source (for tests outside a job). */
    EnrichmentFailures failures() {
        return failures;
    }

    @Override
    public void close() throws IOException {
        if (enrichers != null) {
            for (Enricher enricher : enrichers.values()) {
                enricher.close();
            }
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
