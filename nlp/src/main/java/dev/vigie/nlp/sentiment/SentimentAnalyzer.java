package dev.vigie.nlp.sentiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentiment of a document in its language: the entry point the pipeline calls. English goes to
 * {@link EnglishSentimentScorer} (by default a model fitted on tweets and rated snippets over words, lexicon and a
 * sentence embedding), French to Vigie's own {@link LexiconScorer};
 * a model the analyst trained ({@link Train}) replaces the built-in scorer of its language. Other languages get
 * {@link Sentiment#none()}: a wrong guess is worse than no answer on a dashboard.
 *
 * <p>Build one per operator in {@code open()}; heavy models (the sentence encoder of the default English model,
 * about a second to load; CoreNLP, about 1 GB, only with {@code WHEN_UNCERTAIN} or {@code ALWAYS}) are loaded once
 * per JVM and shared. Built-in English and French scorers read through {@code PhrasingRules}. Immutable and
 * thread-safe.
 */
public final class SentimentAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(SentimentAnalyzer.class);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final Map<String, SentimentScorer> scorers;

    private SentimentAnalyzer(Map<String, SentimentScorer> scorers) {
        this.scorers = Map.copyOf(scorers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The languages (ISO 639-1) this analyzer has a scorer for. */
    public Set<String> languages() {
        return scorers.keySet();
    }

    /**
     * The sentiment of {@code text} written in {@code language} (ISO 639-1, e.g. {@code fr}); neutral with
     * method {@link Sentiment.Method#NONE} for a blank text or a language without a scorer (including null and
     * {@code unknown}).
     */
    public Sentiment analyze(String text, String language) {
        if (text == null || text.isBlank() || language == null) {
            return Sentiment.none();
        }
        SentimentScorer scorer = scorers.get(language.toLowerCase(Locale.ROOT));
        return scorer == null ? Sentiment.none() : scorer.score(text);
    }

    /** Settings of a {@link SentimentAnalyzer}, each with a named default. */
    public static final class Builder {
        public static final EnglishSentimentScorer.CoreNlpUse DEFAULT_CORENLP_USE =
                EnglishSentimentScorer.CoreNlpUse.NEVER;
        /** Lexicon compound scores at least this far from 0 are trusted without CoreNLP. */
        public static final double DEFAULT_UNCERTAINTY_MARGIN = 0.3;
        /** CoreNLP reads at most the first this many characters of a text (titles and leads carry the tone). */
        public static final int DEFAULT_CORENLP_MAX_CHARS = 600;

        private EnglishSentimentScorer.CoreNlpUse coreNlpUse = DEFAULT_CORENLP_USE;
        private double uncertaintyMargin = DEFAULT_UNCERTAINTY_MARGIN;
        private int coreNlpMaxChars = DEFAULT_CORENLP_MAX_CHARS;
        private final Map<String, Path> modelFiles = new HashMap<>();
        private final Map<String, SentimentScorer> models = new HashMap<>();

        private Builder() {}

        /** When English texts go through CoreNLP; {@code NEVER} (the default: the social model) does not load it at all. */
        public Builder coreNlpUse(EnglishSentimentScorer.CoreNlpUse use) {
            this.coreNlpUse = Objects.requireNonNull(use, "coreNlpUse");
            return this;
        }

        /** With {@code WHEN_UNCERTAIN}: CoreNLP reads texts whose lexicon score is within this margin of 0 (0..1). */
        public Builder uncertaintyMargin(double margin) {
            if (!(margin >= 0 && margin <= 1)) {
                throw new IllegalArgumentException("uncertainty margin must be within [0, 1]: " + margin);
            }
            this.uncertaintyMargin = margin;
            return this;
        }

        /** How many leading characters of a text CoreNLP reads, at least 20. */
        public Builder coreNlpMaxChars(int maxChars) {
            if (maxChars < 20) {
                throw new IllegalArgumentException("CoreNLP max chars must be at least 20: " + maxChars);
            }
            this.coreNlpMaxChars = maxChars;
            return this;
        }

        /** Uses a model file written by {@link Train} for {@code language} instead of the built-in scorer. */
        public Builder trainedModel(String language, Path file) {
            modelFiles.put(checkLanguage(language), Objects.requireNonNull(file, "file"));
            models.remove(language);
            return this;
        }

        /** Uses an in-memory scorer for {@code language} instead of the built-in one. */
        public Builder scorer(String language, SentimentScorer scorer) {
            models.put(checkLanguage(language), Objects.requireNonNull(scorer, "scorer"));
            modelFiles.remove(language);
            return this;
        }

        private static String checkLanguage(String language) {
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("language must be an ISO 639 code such as 'fr': '" + language + "'");
            }
            return language;
        }

        /**
         * Loads what is needed and builds the analyzer.
         *
         * @throws IllegalArgumentException naming the file when a trained model cannot be read
         */
        public SentimentAnalyzer build() {
            Map<String, SentimentScorer> scorers = new HashMap<>();
            scorers.put("fr", PhrasingRules.french(LexiconScorer.french()));
            if (!models.containsKey("en") && !modelFiles.containsKey("en")) {
                scorers.put(
                        "en",
                        PhrasingRules.english(
                                coreNlpUse == EnglishSentimentScorer.CoreNlpUse.NEVER
                                        ? new EnglishSentimentScorer(
                                                LexiconScorer.english(), EnglishSocialModel.shipped())
                                        : new EnglishSentimentScorer(
                                                LexiconScorer.english(),
                                                CoreNlpSentiment.shared(),
                                                coreNlpUse,
                                                uncertaintyMargin,
                                                coreNlpMaxChars,
                                                EnglishSentimentModel.shipped())));
            }
            for (Map.Entry<String, Path> e : modelFiles.entrySet()) {
                try {
                    scorers.put(e.getKey(), TrainedSentimentModel.load(e.getValue()));
                    LOG.info("sentiment for '{}' uses the trained model {}", e.getKey(), e.getValue());
                } catch (IOException ex) {
                    throw new IllegalArgumentException(
                            "cannot read the sentiment model for '" + e.getKey() + "' at " + e.getValue() + ": "
                                    + ex.getMessage(),
                            ex);
                }
            }
            scorers.putAll(models);
            return new SentimentAnalyzer(scorers);
        }
    }
}
