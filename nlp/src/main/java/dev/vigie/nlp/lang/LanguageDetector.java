package dev.vigie.nlp.lang;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.BuiltInLanguages;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import dev.vigie.nlp.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Language of short social texts (posts, titles, snippets) with Optimaize's n-gram detector (the one Tika ships).
 *
 * <p>Why Optimaize rather than lingua: equal accuracy on French/English posts measured here, about 35 µs a call,
 * and a jar of about 2 MB instead of 80 MB (see docs/evaluation.md, "Language").
 *
 * <p>Short posts are cleaned first ({@link TextNormalizer#stripForLanguageDetection(String)}: URLs, handles and the
 * {@code #} of hashtags carry no language). A text with fewer than {@link Builder#minLetters(int)} letters, or whose
 * best language has a probability below {@link Builder#minProbability(double)}, is {@link #UNKNOWN}. A platform hint
 * (Mastodon's {@code language}, Bluesky's {@code langs}, a feed's {@code <language>}) is used when the text is too
 * short to judge or when the detector does not clearly disagree, because users' default settings are often wrong
 * but rarely contradict a confident detection.
 *
 * <p>Thread-safe: the profiles are loaded once in the builder and detection keeps no per-call state; build one per
 * process or per Flink operator in {@code open()} (loading all profiles takes about a second).
 */
public final class LanguageDetector {

    /**
     * Languages detected by default: French, English and the five other languages most often met beside them in
     * European social media. Fewer profiles are more accurate on short texts (fewer look-alike languages such as
     * Haitian Creole or Afrikaans to confuse English with) and faster; enough others stay so that a Spanish post is
     * "es", not "fr".
     */
    public static final Set<String> DEFAULT_LANGUAGES = Set.of("fr", "en", "de", "es", "it", "nl", "pt");

    /** The answer when the language cannot be told. */
    public static final String UNKNOWN = "unknown";
    /** Below this probability the best language is not trusted. */
    public static final double DEFAULT_MIN_PROBABILITY = 0.80;
    /** Texts with fewer letters than this (after cleaning) are not judged. */
    public static final int DEFAULT_MIN_LETTERS = 8;
    /** A hint is overruled only when the detector gives another language at least this probability. */
    public static final double DEFAULT_HINT_OVERRULE_PROBABILITY = 0.95;

    /**
     * Only the first characters of a text are read: a few thousand characters settle the language of an article, and
     * the detector's cost grows with the length (a hostile 40,000-letter word took seconds).
     */
    public static final int MAX_CHARS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(LanguageDetector.class);

    private final com.optimaize.langdetect.LanguageDetector detector;
    private final TextObjectFactory textFactory;
    private final Set<String> languages;
    private final double minProbability;
    private final int minLetters;
    private final double hintOverrule;

    private LanguageDetector(Builder b, com.optimaize.langdetect.LanguageDetector detector, Set<String> languages) {
        this.detector = detector;
        this.textFactory = CommonTextObjectFactories.forDetectingShortCleanText();
        this.languages = languages;
        this.minProbability = b.minProbability;
        this.minLetters = b.minLetters;
        this.hintOverrule = b.hintOverrule;
    }

    /** A detector over {@link #DEFAULT_LANGUAGES}, with default thresholds. */
    public static LanguageDetector open() {
        return builder().build();
    }

    /** A builder, to restrict languages or change thresholds. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every language code Optimaize has a built-in profile for ({@code fr}, {@code zh-CN}...), without reading them. */
    public static Set<String> builtInLanguages() {
        Set<String> out = new TreeSet<>();
        for (LdLocale l : BuiltInLanguages.getLanguages()) {
            out.add(l.toString());
        }
        return out;
    }

    /**
     * Whether a language can be detected: a built-in profile exists for this code, given as a language
     * ({@code fr}, {@code zh}) or as a profile name ({@code zh-CN}). What {@link Builder#addLanguages} accepts.
     */
    public static boolean canDetect(String code) {
        if (code == null) {
            return false;
        }
        for (LdLocale l : BuiltInLanguages.getLanguages()) {
            if (l.getLanguage().equals(code) || l.toString().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** The languages this detector can answer. */
    public Set<String> languages() {
        return languages;
    }

    /**
     * Detects the language of a text.
     *
     * @param text a post, title or snippet; null counts as empty
     * @return the language, or {@link #UNKNOWN} when unsure
     */
    public LanguageGuess detect(String text) {
        return detect(text, null);
    }

    /**
     * Detects the language of a text, using a platform or feed hint when the text agrees or is too short to judge.
     *
     * @param text a post, title or snippet; null counts as empty
     * @param hint a language code from the source ({@code fr}, {@code fr-CA}, {@code en_US}), or null
     * @return the language, or {@link #UNKNOWN} when unsure
     */
    public LanguageGuess detect(String text, String hint) {
        String h = normalizeHint(hint);
        String clean = text == null ? "" : TextNormalizer.stripForLanguageDetection(head(text));
        if (countLetters(clean) < minLetters) {
            return h != null ? new LanguageGuess(h, 0, LanguageGuess.Source.HINT) : unknown();
        }
        List<DetectedLanguage> probabilities = detector.getProbabilities(textFactory.forText(clean));
        DetectedLanguage best = probabilities.isEmpty() ? null : probabilities.get(0);
        if (h != null) {
            boolean overruled = best != null && !language(best).equals(h) && best.getProbability() >= hintOverrule;
            if (!overruled) {
                double p = 0;
                for (DetectedLanguage d : probabilities) {
                    if (language(d).equals(h)) {
                        p = d.getProbability();
                    }
                }
                return new LanguageGuess(h, p, LanguageGuess.Source.HINT);
            }
        }
        if (best == null || best.getProbability() < minProbability) {
            return unknown();
        }
        return new LanguageGuess(language(best), best.getProbability(), LanguageGuess.Source.DETECTED);
    }

    /** The first {@link #MAX_CHARS} characters, never splitting a surrogate pair. */
    static String head(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end);
    }

    private static LanguageGuess unknown() {
        return new LanguageGuess(UNKNOWN, 0, LanguageGuess.Source.UNKNOWN);
    }

    private static String language(DetectedLanguage d) {
        return d.getLocale().getLanguage();
    }

    /** Reduces {@code fr-CA}, {@code fr_FR}, {@code FR} to {@code fr}; null for blank or unusable hints. */
    static String normalizeHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String h = hint.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = h.indexOf('-');
        if (dash > 0) {
            h = h.substring(0, dash);
        }
        if (h.length() < 2 || h.length() > 3 || !h.chars().allMatch(Character::isLetter) || h.equals("und")) {
            return null;
        }
        return h;
    }

    private static int countLetters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Builder for {@link LanguageDetector}. */
    public static final class Builder {
        private Set<String> languages = DEFAULT_LANGUAGES;
        private int shortTextLength = SHORT_TEXT_LENGTH;
        private double minProbability = DEFAULT_MIN_PROBABILITY;
        private int minLetters = DEFAULT_MIN_LETTERS;
        private double hintOverrule = DEFAULT_HINT_OVERRULE_PROBABILITY;

        private Builder() {}

        /**
         * Restricts detection to these languages (ISO 639-1 codes with a built-in profile). Default:
         * {@link #DEFAULT_LANGUAGES}; add the languages a watch lists with {@link #addLanguages(Collection)}.
         */
        public Builder languages(Collection<String> codes) {
            if (codes == null || codes.isEmpty()) {
                throw new IllegalArgumentException("languages must not be empty: " + codes);
            }
            Set<String> set = new LinkedHashSet<>();
            for (String c : codes) {
                if (c == null || c.isBlank()) {
                    throw new IllegalArgumentException("blank language code in " + codes);
                }
                set.add(c.trim().toLowerCase(Locale.ROOT));
            }
            this.languages = set;
            return this;
        }

        /** Texts up to this length use the short-text algorithm; for the benchmark's comparison. */
        Builder shortTextLength(int chars) {
            if (chars < 0) {
                throw new IllegalArgumentException("short text length must be >= 0: " + chars);
            }
            this.shortTextLength = chars;
            return this;
        }

        /** Every built-in profile (70 languages) instead of {@link #DEFAULT_LANGUAGES}. */
        public Builder allLanguages() {
            this.languages = null;
            return this;
        }

        /**
         * Adds languages to the current set, e.g. those the watch's alerts list.
         *
         * @param codes ISO 639-1 codes with a built-in profile
         */
        public Builder addLanguages(Collection<String> codes) {
            if (codes == null) {
                throw new IllegalArgumentException("languages must not be null");
            }
            if (languages == null || codes.isEmpty()) {
                return this;
            }
            Set<String> merged = new LinkedHashSet<>(languages);
            merged.addAll(codes);
            return languages(merged);
        }

        /** Probability below which the answer is {@link #UNKNOWN}; in (0, 1]. */
        public Builder minProbability(double p) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("minimum probability must be in (0, 1]: " + p);
            }
            this.minProbability = p;
            return this;
        }

        /** Letters needed (after cleaning) before the detector is asked; at least 1. */
        public Builder minLetters(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("minimum letters must be at least 1: " + n);
            }
            this.minLetters = n;
            return this;
        }

        /** Probability of another language needed to overrule a hint; in (0, 1]. */
        public Builder hintOverruleProbability(double p) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("hint overrule probability must be in (0, 1]: " + p);
            }
            this.hintOverrule = p;
            return this;
        }

        /** Loads the profiles and builds the detector. */
        public LanguageDetector build() {
            long start = System.nanoTime();
            List<LanguageProfile> profiles;
            try {
                List<LanguageProfile> all = new LanguageProfileReader().readAllBuiltIn();
                if (languages == null) {
                    profiles = all;
                } else {
                    profiles = new ArrayList<>();
                    Set<String> missing = new TreeSet<>(languages);
                    for (LanguageProfile p : all) {
                        String code = p.getLocale().toString();
                        String lang = p.getLocale().getLanguage();
                        if (languages.contains(code) || languages.contains(lang)) {
                            profiles.add(p);
                            missing.remove(code);
                            missing.remove(lang);
                        }
                    }
                    if (!missing.isEmpty()) {
                        throw new IllegalArgumentException(
                                "no language profile for " + missing + " (known: " + builtInLanguages() + ")");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in language profiles", e);
            }
            com.optimaize.langdetect.LanguageDetector detector = LanguageDetectorBuilder.create(
                            NgramExtractors.standard())
                    .shortTextAlgorithm(shortTextLength)
                    .seed(SEED)
                    .withProfiles(profiles)
                    .build();
            Set<String> langs = new TreeSet<>();
            for (LanguageProfile p : profiles) {
                LdLocale l = p.getLocale();
                langs.add(l.getLanguage());
            }
            LOG.info(
                    "language detector ready: {} profiles in {} ms",
                    profiles.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return new LanguageDetector(this, detector, Set.copyOf(langs));
        }
    }

    /** Texts up to this length use Optimaize's short-text algorithm (deterministic, suited to posts). */
    static final int SHORT_TEXT_LENGTH = 300;
    /** Fixed seed: the long-text algorithm samples n-grams at random; results must not change between runs. */
    static final long SEED = 42L;
}
