package dev.vigie.nlp.enrich;

import dev.vigie.nlp.lang.LanguageDetector;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.sentiment.TrainedSentimentModel;
import dev.vigie.nlp.theme.Theme;
import dev.vigie.nlp.theme.ThemeClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of the enrichment chain, loaded once per JVM and shared by every {@link Enricher}: every Flink subtask
 * and every run of a long-lived process ({@code vigie serve}) gets the same instances for the same settings. All of
 * them are immutable and thread-safe.
 *
 * <ul>
 *   <li>Language detectors, one per set of languages (the language profiles are read once per set).</li>
 *   <li>Sentiment analyzers, one per CoreNLP use and set of trained model files. The built-in models they use (the
 *       English social model and its sentence encoder, the lexicons, CoreNLP when used) are already read once per
 *       JVM by their own classes. A trained model file is known by its path, size and modification time: a file
 *       retrained in place ({@code vigie train}) is read again at the next call, and the analyzers that used the old
 *       version are replaced.</li>
 *   <li>Theme classifiers, one per list of themes (training is deterministic, so a cached classifier is the one a new
 *       training would give; the word vectors it uses are read once per JVM).</li>
 * </ul>
 */
public final class ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private static final ConcurrentMap<Set<String>, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<SentimentKey, LoadedAnalyzer> ANALYZERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Path, LoadedModel> TRAINED = new ConcurrentHashMap<>();
    private static final ConcurrentMap<List<Theme>, ThemeClassifier> THEMES = new ConcurrentHashMap<>();

    private ModelRegistry() {}

    /**
     * The detector of {@link LanguageDetector#DEFAULT_LANGUAGES} plus {@code extra} (codes as
     * {@link LanguageDetector.Builder#addLanguages} takes them; order and case do not matter), with default thresholds.
     *
     * @throws IllegalArgumentException when a language has no profile
     */
    public static LanguageDetector languages(Collection<String> extra) {
        Objects.requireNonNull(extra, "extra languages");
        Set<String> all = new TreeSet<>(LanguageDetector.DEFAULT_LANGUAGES);
        for (String code : extra) {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("blank language code in " + extra);
            }
            all.add(code.trim().toLowerCase(Locale.ROOT));
        }
        return DETECTORS.computeIfAbsent(
                Set.copyOf(all),
                codes -> LanguageDetector.builder().languages(codes).build());
    }

    /**
     * The analyzer for this CoreNLP use, with a trained model file per language where given (the other settings
     * at their defaults).
     *
     * @throws IllegalArgumentException naming the file when a trained model cannot be read
     */
    public static SentimentAnalyzer sentiment(
            EnglishSentimentScorer.CoreNlpUse coreNlpUse, Map<String, Path> trainedModels) {
        Objects.requireNonNull(coreNlpUse, "coreNlpUse");
        Map<String, Path> files = new TreeMap<>();
        trainedModels.forEach(
                (lang, file) -> files.put(lang, file.toAbsolutePath().normalize()));
        Map<String, FileStamp> stamps = new TreeMap<>();
        files.forEach((lang, file) -> stamps.put(lang, FileStamp.of(lang, file)));
        SentimentKey key = new SentimentKey(coreNlpUse, Map.copyOf(files));
        return ANALYZERS
                .compute(key, (k, cached) -> {
                    if (cached != null && cached.stamps().equals(stamps)) {
                        return cached;
                    }
                    SentimentAnalyzer.Builder builder =
                            SentimentAnalyzer.builder().coreNlpUse(coreNlpUse);
                    files.forEach((lang, file) -> builder.scorer(lang, trained(lang, stamps.get(lang))));
                    return new LoadedAnalyzer(Map.copyOf(stamps), builder.build());
                })
                .analyzer();
    }

    /** The classifier of these themes with {@link ThemeClassifier#DEFAULT_MIN_SCORE}. */
    public static ThemeClassifier themes(List<Theme> themes) {
        return THEMES.computeIfAbsent(List.copyOf(themes), ThemeClassifier::train);
    }

    private static TrainedSentimentModel trained(String lang, FileStamp stamp) {
        return TRAINED.compute(stamp.file(), (file, cached) -> {
                    if (cached != null && cached.stamp().equals(stamp)) {
                        return cached;
                    }
                    try {
                        TrainedSentimentModel model = TrainedSentimentModel.load(file);
                        LOG.info(
                                "sentiment for '{}' uses the trained model {} ({} bytes, modified {})",
                                lang,
                                file,
                                stamp.size(),
                                stamp.modified());
                        return new LoadedModel(stamp, model);
                    } catch (IOException e) {
                        throw new IllegalArgumentException(
                                "cannot read the sentiment model for '" + lang + "' at " + file + ": " + e.getMessage(),
                                e);
                    }
                })
                .model();
    }

    private record SentimentKey(EnglishSentimentScorer.CoreNlpUse coreNlpUse, Map<String, Path> files) {}

    /** An analyzer with the versions of the model files it was built from. */
    private record LoadedAnalyzer(Map<String, FileStamp> stamps, SentimentAnalyzer analyzer) {}

    private record LoadedModel(FileStamp stamp, TrainedSentimentModel model) {}

    /**
     * A version of a model file: a file rewritten in place changes size or modification time, one replaced by a
     * move changes its file key (inode) too.
     */
    private record FileStamp(Path file, long size, FileTime modified, Object fileKey) {

        static FileStamp of(String lang, Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(file, attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read the sentiment model for '" + lang + "' at " + file + ": " + e, e);
            }
        }
    }
}
