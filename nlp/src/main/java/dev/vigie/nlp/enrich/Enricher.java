package dev.vigie.nlp.enrich;

import dev.vigie.nlp.alert.AlertDocument;
import dev.vigie.nlp.alert.AlertMatch;
import dev.vigie.nlp.alert.AlertMatcher;
import dev.vigie.nlp.alert.AlertResult;
import dev.vigie.nlp.brand.BrandMatcher;
import dev.vigie.nlp.brand.BrandMention;
import dev.vigie.nlp.dedup.StorySignature;
import dev.vigie.nlp.dedup.StorySigner;
import dev.vigie.nlp.lang.LanguageDetector;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.theme.CurationScorer;
import dev.vigie.nlp.theme.ThemeClassifier;
import dev.vigie.nlp.theme.ThemeMatch;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrichment chain the pipeline calls once per item, in order: language, sentiment (in that language), themes,
 * brands, story signature, keyword alerts (which may filter on language and sentiment). Build one per Flink
 * operator instance in {@code open()} and close it in {@code close()}: the models come from the
 * {@link ModelRegistry}, loaded once per JVM and shared by every enricher; the alert matcher is owned and closed by
 * the enricher.
 *
 * <p>Each stage runs on its own: a stage that throws leaves its default in the result and a message in
 * {@link Enrichment#errors()}, and the other stages still run. Thread-safe: {@link #enrich} may be called from
 * several threads, every component being thread-safe.
 */
public final class Enricher implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Enricher.class);

    private final String watch;
    private final LanguageDetector languages;
    private final SentimentAnalyzer sentiment;
    private final ThemeClassifier themes;
    private final BrandMatcher brands;
    private final StorySigner stories;
    private final AlertMatcher alerts;

    private Enricher(Builder b) {
        this.watch = b.watch;
        this.languages = b.languages;
        this.sentiment = b.sentiment;
        this.themes = b.themes;
        this.brands = b.brands;
        this.stories = b.stories;
        this.alerts = b.alerts;
    }

    /** A builder for the chain of one watch. */
    public static Builder builder(String watch) {
        return new Builder(watch);
    }

    public String watch() {
        return watch;
    }

    /** The language detector (shared: see {@link ModelRegistry}). */
    public LanguageDetector languages() {
        return languages;
    }

    /** The sentiment analyzer (shared: see {@link ModelRegistry}). */
    public SentimentAnalyzer sentiment() {
        return sentiment;
    }

    /** The theme classifier, or null when the watch has no themes. */
    public ThemeClassifier themes() {
        return themes;
    }

    /** Runs the whole chain on one item. */
    public Enrichment enrich(EnrichmentInput input) {
        Objects.requireNonNull(input, "input");
        List<String> errors = new ArrayList<>();
        String text = input.fullText();
        String language = stage(
                "language",
                errors,
                LanguageDetector.UNKNOWN,
                () -> languages.detect(text, input.languageHint()).language());
        Sentiment sent = stage("sentiment", errors, Sentiment.none(), () -> sentiment.analyze(text, language));
        List<ThemeMatch> on =
                themes == null ? List.of() : stage("themes", errors, List.of(), () -> themes.classify(text));
        List<BrandMention> named =
                brands == null ? List.of() : stage("brands", errors, List.of(), () -> brands.find(text));
        StorySignature story = stories == null ? null : stage("story", errors, null, () -> stories.sign(text));
        List<AlertMatch> matched = alerts == null
                ? List.of()
                : stage("alerts", errors, List.of(), () -> {
                    AlertResult result = alerts.match(AlertDocument.builder(watch, input.id())
                            .title(input.title())
                            .text(input.text())
                            .author(input.author())
                            .url(input.url())
                            .language(language)
                            .sentiment(sent.label().id())
                            .build());
                    result.errors().forEach(e -> errors.add("alerts: " + e));
                    return result.matches();
                });
        double relevance = CurationScorer.relevance(on.isEmpty() ? 0 : on.get(0).score(), !named.isEmpty());
        return new Enrichment(input.id(), language, sent, on, named, story, matched, relevance, errors);
    }

    private <T> T stage(String name, List<String> errors, T fallback, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | StackOverflowError e) {
            // a model's recursion (a regular expression on a pathological text) fails the item's stage, not the run
            LOG.debug("{} stage failed on one item", name, e);
            errors.add(name + ": " + e);
            return fallback;
        }
    }

    /** Closes the alert matcher. */
    @Override
    public void close() throws IOException {
        if (alerts != null) {
            alerts.close();
        }
    }

    /**
     * Components of the chain. Language detection, sentiment and story signatures have defaults (built in
     * {@link #build()} when not given); themes, brands and alerts are skipped when the watch has none.
     */
    public static final class Builder {
        private final String watch;
        private LanguageDetector languages;
        private SentimentAnalyzer sentiment;
        private ThemeClassifier themes;
        private BrandMatcher brands;
        private StorySigner stories;
        private AlertMatcher alerts;

        private Builder(String watch) {
            if (watch == null || !watch.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("watch id must match [a-z0-9][a-z0-9-]*: '" + watch + "'");
            }
            this.watch = watch;
        }

        /** Default: the shared detector of {@link LanguageDetector#DEFAULT_LANGUAGES} ({@link ModelRegistry#languages}). */
        public Builder languages(LanguageDetector detector) {
            this.languages = Objects.requireNonNull(detector, "languages");
            return this;
        }

        /** Default: the shared analyzer with the built-in models and no CoreNLP ({@link ModelRegistry#sentiment}). */
        public Builder sentiment(SentimentAnalyzer analyzer) {
            this.sentiment = Objects.requireNonNull(analyzer, "sentiment");
            return this;
        }

        public Builder themes(ThemeClassifier classifier) {
            this.themes = Objects.requireNonNull(classifier, "themes");
            return this;
        }

        public Builder brands(BrandMatcher matcher) {
            this.brands = Objects.requireNonNull(matcher, "brands");
            return this;
        }

        /** Default: {@link StorySigner#create()}. */
        public Builder stories(StorySigner signer) {
            this.stories = Objects.requireNonNull(signer, "stories");
            return this;
        }

        /** The watch's alert matcher; the enricher closes it. */
        public Builder alerts(AlertMatcher matcher) {
            this.alerts = Objects.requireNonNull(matcher, "alerts");
            return this;
        }

        public Enricher build() {
            if (languages == null) {
                languages = ModelRegistry.languages(List.of());
            }
            if (sentiment == null) {
                sentiment = ModelRegistry.sentiment(SentimentAnalyzer.Builder.DEFAULT_CORENLP_USE, Map.of());
            }
            if (stories == null) {
                stories = StorySigner.create();
            }
            return new Enricher(this);
        }
    }
}
