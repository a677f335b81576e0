package dev.vigie.jobs.run;

import dev.vigie.connectors.mention.Mention;
import dev.vigie.jobs.watch.Competitor;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.nlp.brand.BrandMatcher;
import dev.vigie.nlp.brand.BrandSpec;
import dev.vigie.nlp.dedup.StorySignature;
import dev.vigie.nlp.dedup.StorySigner;
import dev.vigie.nlp.lang.LanguageDetector;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.theme.CurationScorer;
import dev.vigie.nlp.theme.CurationSignals;
import dev.vigie.nlp.theme.Theme;
import dev.vigie.nlp.theme.ThemeClassifier;
import dev.vigie.nlp.theme.ThemeMatch;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches a mention: language, sentiment, themes and curation score, brands and competitors named, and its story
 * signature. The models (language profiles, sentiment, theme classifiers, brand matchers) are built once per subtask
 * in {@code open()} from the watches' serializable settings. Each watch's language detector knows the default
 * languages plus those the watch lists ({@link Watch#detectedLanguages()}); watches listing the same languages share
 * one detector, and a language one client lists never changes another client's detection.
 */
final class EnrichMentions extends RichMapFunction<Collected, EnrichedMention> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichMentions.class);

    /** What enrichment needs of one watch. */
    private record WatchModel(List<BrandSpec> brands, List<dev.vigie.jobs.watch.Theme> themes, List<String> languages,
                              Map<String, String> sentimentModels)
            implements Serializable {
    }

    private final String runId;
    private final Map<String, WatchModel> models;
    private final EnglishSentimentScorer.CoreNlpUse coreNlp;
    private transient Map<String, LanguageDetector> languages;
    private transient Map<String, SentimentAnalyzer> sentiment;
    private transient Map<String, BrandMatcher> brandMatchers;
    private transient Map<String, ThemeClassifier> themeClassifiers;
    private transient CurationScorer curation;
    private transient StorySigner signer;

    EnrichMentions(String runId, List<Watch> watches, EnglishSentimentScorer.CoreNlpUse coreNlp) {
        this.runId = runId;
        this.coreNlp = coreNlp;
        this.models = new HashMap<>();
        for (Watch watch : watches) {
            List<BrandSpec> brands = new ArrayList<>();
            brands.add(new BrandSpec(watch.brand().name(), BrandSpec.Role.BRAND, watch.brand().aliases()));
            for (Competitor competitor : watch.competitors()) {
                brands.add(new BrandSpec(competitor.name(), BrandSpec.Role.COMPETITOR, competitor.aliases()));
            }
            models.put(watch.id(), new WatchModel(List.copyOf(brands), watch.themes(), watch.detectedLanguages(),
                    watch.sentimentModels()));
        }
    }

    @Override
    public void open(OpenContext context) {
        long start = System.nanoTime();
        sentiment = new HashMap<>();
        Map<Map<String, String>, SentimentAnalyzer> analyzers = new HashMap<>();
        languages = new HashMap<>();
        brandMatchers = new HashMap<>();
        themeClassifiers = new HashMap<>();
        Map<List<String>, LanguageDetector> detectors = new HashMap<>();
        models.forEach((watch, model) -> {
            languages.put(watch, detectors.computeIfAbsent(model.languages(),
                    codes -> LanguageDetector.builder().addLanguages(codes).build()));
            sentiment.put(watch, analyzers.computeIfAbsent(model.sentimentModels(), files -> {
                SentimentAnalyzer.Builder builder = SentimentAnalyzer.builder().coreNlpUse(coreNlp);
                files.forEach((lang, file) -> builder.trainedModel(lang, java.nio.file.Path.of(file)));
                return builder.build();
            }));
            brandMatchers.put(watch, BrandMatcher.of(model.brands()));
            if (!model.themes().isEmpty()) {
                themeClassifiers.put(watch, ThemeClassifier.train(model.themes().stream()
                        .map(t -> new Theme(t.id(), t.label(), t.examples(), t.keywords())).toList()));
            }
        });
        curation = CurationScorer.defaults();
        signer = StorySigner.create();
        LOG.info("Enrichment models of {} watches loaded in {} ms", models.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public EnrichedMention map(Collected collected) {
        Mention m = collected.mention();
        String text = m.title() == null ? m.text() : m.title() + "\n" + m.text();
        String lang = languages.get(collected.watch()).detect(text, m.lang()).language();
        Sentiment s = sentiment.get(collected.watch()).analyze(text, lang);
        ThemeClassifier classifier = themeClassifiers.get(collected.watch());
        List<String> themes = new ArrayList<>();
        double bestTheme = 0;
        if (classifier != null) {
            for (ThemeMatch match : classifier.classify(text)) {
                themes.add(match.id());
                bestTheme = Math.max(bestTheme, match.score());
            }
        }
        List<String> brands = brandMatchers.get(collected.watch()).names(text);
        if (collected.competitor() != null && !brands.contains(collected.competitor())) {
            brands = new ArrayList<>(brands);
            brands.add(collected.competitor());
        }
        double curationScore = curation.score(new CurationSignals(
                CurationScorer.relevance(bestTheme, !brands.isEmpty()), text.length(), m.source().type().id(),
                orZero(m.engagement().likes()), orZero(m.engagement().shares()), orZero(m.engagement().comments()),
                1));
        StorySignature signature = signer.sign(text);
        RunProgress.enriched(runId);
        return new EnrichedMention(collected.watch(), collected.sourceKey(), m, lang,
                s.method() == Sentiment.Method.NONE ? null : s.label().id(), s.score(), themes, curationScore, brands,
                signature.isComparable() ? signature : null, null, null, List.of(), 1);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
