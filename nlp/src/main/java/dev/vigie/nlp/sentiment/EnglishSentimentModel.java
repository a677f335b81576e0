package dev.vigie.nlp.sentiment;

import dev.vigie.nlp.internal.linear.LinearModel;
import dev.vigie.nlp.internal.linear.SparseSoftmax;
import dev.vigie.nlp.internal.linear.TextFeatures;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Vigie's supervised English sentiment model: a softmax regression over the words and word pairs of a text
 * (hashed), the readings of the VADER-style {@link LexiconScorer} and, when it is at hand, CoreNLP's sentence and
 * phrase class probabilities ({@link CoreNlpSentiment}). It has two parts fitted on the same examples: one without
 * CoreNLP (microseconds a text) and one with it, each with per-class decision offsets chosen for macro-F1 on
 * held-out predictions, which is what makes it answer "neutral" where the mean rating is near zero rather than
 * almost never.
 *
 * <p>The shipped model ({@link #shipped()}, {@code sentiment-en.model}) is fitted on the 19,503 human-rated
 * snippets of the VADER ground truth (movie reviews, Amazon reviews, NYT editorials; C.J. Hutto, MIT licence, see
 * {@code nlp/NOTICE}) by {@code dev.vigie.nlp.eval.EnglishSentimentCrossValidation}, which also prints its
 * cross-validated accuracy. Immutable and thread-safe.
 */
public final class EnglishSentimentModel {

    private static final int MAGIC = 0x5647454E; // "VGEN"
    private static final int FORMAT = 1;
    /** Hashed word and word-pair dimensions: 2^20. */
    public static final int DEFAULT_BITS = 20;

    static final String RESOURCE = "sentiment-en.model";

    private static final int LEXICON_FEATURES = 11;
    private static final int CORENLP_FEATURES = 17;

    private final TextFeatures text;
    private final Part withoutCoreNlp;
    private final Part withCoreNlp;

    /**
     * One fitted part: the regression and the offsets added to its log-probabilities before the most likely class
     * is taken (negative, neutral, positive; zero for an unbiased argmax).
     */
    public record Part(SparseSoftmax softmax, double[] offsets) {
        public Part {
            Objects.requireNonNull(softmax, "softmax");
            if (softmax.classes() != 3 || offsets.length != 3) {
                throw new IllegalArgumentException("an English sentiment part has 3 classes and 3 offsets, got "
                        + softmax.classes() + " and " + offsets.length);
            }
            offsets = offsets.clone();
        }

        @Override
        public double[] offsets() {
            return offsets.clone();
        }

        /** The part with other offsets. */
        public Part withOffsets(double[] newOffsets) {
            return new Part(softmax, newOffsets);
        }
    }

    /** One text with its readings: the lexicon's, and CoreNLP's, which may be null when CoreNLP did not read it. */
    public record Example(String text, LexiconScorer.Reading lexicon, CoreNlpSentiment.Reading core) {
        public Example {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(lexicon, "lexicon");
        }

        /** Reads a text with {@code lexicon}; {@code core} is CoreNLP's reading of it, or null. */
        public static Example read(String text, LexiconScorer lexicon, CoreNlpSentiment.Reading core) {
            return new Example(text, lexicon.read(text), core);
        }

        /** The same text and lexicon reading with CoreNLP's reading. */
        public Example withCore(CoreNlpSentiment.Reading reading) {
            return new Example(text, lexicon, reading);
        }
    }

    EnglishSentimentModel(TextFeatures text, Part withoutCoreNlp, Part withCoreNlp) {
        this.text = Objects.requireNonNull(text, "text");
        this.withoutCoreNlp = Objects.requireNonNull(withoutCoreNlp, "withoutCoreNlp");
        this.withCoreNlp = Objects.requireNonNull(withCoreNlp, "withCoreNlp");
        check(withoutCoreNlp, dimensions(text, false));
        check(withCoreNlp, dimensions(text, true));
    }

    private static void check(Part part, int dims) {
        if (part.softmax().dimensions() != dims) {
            throw new IllegalArgumentException(
                    "model part has " + part.softmax().dimensions() + " dimensions, expected " + dims);
        }
    }

    /** The text features the model hashes words into: word unigrams and bigrams, no character n-grams. */
    public static TextFeatures textFeatures(int bits) {
        return new TextFeatures(bits, 0, 0, true);
    }

    /** Dimensions of a part: hashed words, then the lexicon's features, then (with CoreNLP) CoreNLP's. */
    public static int dimensions(TextFeatures text, boolean coreNlp) {
        return text.dimensions() + LEXICON_FEATURES + (coreNlp ? CORENLP_FEATURES : 0);
    }

    public TextFeatures textFeatures() {
        return text;
    }

    public Part withoutCoreNlp() {
        return withoutCoreNlp;
    }

    public Part withCoreNlp() {
        return withCoreNlp;
    }

    /** The model with other decision offsets for its two parts. */
    public EnglishSentimentModel withOffsets(double[] withoutCoreNlpOffsets, double[] withCoreNlpOffsets) {
        return new EnglishSentimentModel(
                text, withoutCoreNlp.withOffsets(withoutCoreNlpOffsets), withCoreNlp.withOffsets(withCoreNlpOffsets));
    }

    /**
     * The feature vector of an example: the hashed words (L2-normalised) followed by the dense features. Lexicon:
     * compound and its signed square, positive and negative valence sums (log-scaled), how evenly the text mixes
     * them, no sentiment word at all, length, number of sentiment words, and how far the compound is from zero
     * (absolute, squared, within the lexicon's neutral band), which a linear model needs to see "neutral" in the middle. CoreNLP (when {@code coreNlp}): the five sentence-level and five
     * phrase-level probabilities, the expected sentence polarity, the strongest negative and positive phrase, both
     * at once (mixed), how far the expected polarity is from zero (absolute, squared), and no sentence parsed.
     */
    public static TextFeatures.SparseVector vector(TextFeatures text, Example e, boolean coreNlp) {
        TextFeatures.SparseVector words = text.vector(markNegated(e.text()));
        int base = text.dimensions();
        double[] dense = new double[LEXICON_FEATURES + (coreNlp ? CORENLP_FEATURES : 0)];
        LexiconScorer.Reading lex = e.lexicon();
        dense[0] = lex.compound();
        dense[1] = lex.compound() * Math.abs(lex.compound());
        dense[2] = Math.log1p(lex.positive());
        dense[3] = Math.log1p(lex.negative());
        double polar = lex.positive() + lex.negative();
        dense[4] = polar == 0 ? 0 : 2 * Math.min(lex.positive(), lex.negative()) / polar;
        dense[5] = lex.sentimentWords() == 0 ? 1 : 0;
        dense[6] = Math.log(Math.max(1, lex.tokens())) / 4;
        dense[7] = Math.log1p(lex.sentimentWords()) / 2;
        dense[8] = Math.abs(lex.compound());
        dense[9] = lex.compound() * lex.compound();
        dense[10] = Math.abs(lex.compound()) < LexiconScorer.DEFAULT_THRESHOLD ? 1 : 0;
        if (coreNlp) {
            if (e.core() == null) {
                throw new IllegalArgumentException("this part needs CoreNLP's reading of the text");
            }
            CoreNlpSentiment.Reading core = e.core();
            double[] p = core.probabilities();
            double[] q = core.phrases();
            int at = LEXICON_FEATURES;
            for (int c = 0; c < 5; c++) {
                dense[at++] = p[c];
            }
            for (int c = 0; c < 5; c++) {
                dense[at++] = q[c];
            }
            dense[at++] = core.expected();
            dense[at++] = core.mostNegativePhrase();
            dense[at++] = core.mostPositivePhrase();
            dense[at++] = Math.min(core.mostNegativePhrase(), core.mostPositivePhrase());
            dense[at++] = Math.abs(core.expected());
            dense[at++] = core.expected() * core.expected();
            dense[at] = core.sentences() == 0 ? 1 : 0;
        }
        int[] idx = Arrays.copyOf(words.indexes(), words.indexes().length + dense.length);
        float[] val = Arrays.copyOf(words.values(), idx.length);
        for (int j = 0; j < dense.length; j++) {
            idx[words.indexes().length + j] = base + j;
            val[words.indexes().length + j] = (float) dense[j];
        }
        return new TextFeatures.SparseVector(idx, val);
    }

    private static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "t", "nothing", "nobody", "none", "neither", "nor", "cannot", "without", "hardly",
            "barely");
    /** How many words after a negator are read as negated. */
    static final int NEGATION_SCOPE = 3;

    /**
     * The text's words with the {@value #NEGATION_SCOPE} that follow a negation marked, up to a "!" or "?" ("not very
     * good" reads "not neg_very neg_good"), so that a negated word has its own weight: word pairs alone miss "not
     * very good".
     */
    public static String markNegated(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int scope = 0;
        for (String token : TextFeatures.tokens(text)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            if (scope > 0 && Character.isLetterOrDigit(token.codePointAt(0))) {
                out.append("neg_");
                scope--;
            } else if (!Character.isLetterOrDigit(token.codePointAt(0))) {
                scope = 0;
            }
            out.append(token);
            if (NEGATORS.contains(token)) {
                scope = NEGATION_SCOPE;
            }
        }
        return out.toString();
    }

    /** Class probabilities (negative, neutral, positive) of the part that fits the example (with CoreNLP if read). */
    public double[] probabilities(Example e) {
        boolean core = e.core() != null;
        return (core ? withCoreNlp : withoutCoreNlp).softmax().probabilities(vector(text, e, core));
    }

    /** The model's sentiment of an example: the class after offsets, and P(positive) - P(negative) as score. */
    public Sentiment sentiment(Example e) {
        double[] p = probabilities(e);
        Part part = e.core() != null ? withCoreNlp : withoutCoreNlp;
        SentimentLabel label = SentimentLabel.values()[decide(p, part.offsets())];
        double score =
                Math.max(-1, Math.min(1, p[SentimentLabel.POSITIVE.ordinal()] - p[SentimentLabel.NEGATIVE.ordinal()]));
        return new Sentiment(
                label, score, e.core() != null ? Sentiment.Method.CORENLP_COMBINED : Sentiment.Method.LEXICON);
    }

    /** The class with the largest log-probability plus offset (classes in {@link SentimentLabel} order). */
    public static int decide(double[] p, double[] offsets) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < p.length; c++) {
            double s = Math.log(Math.max(p[c], 1e-12)) + offsets[c];
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    /** Settings of {@link #fit}: hashed bits, and the regression's passes, learning rate, L2 penalty and seed. */
    public record Settings(int bits, LinearModel.Settings learning) {
        public static final Settings DEFAULT = new Settings(DEFAULT_BITS, new LinearModel.Settings(8, 0.1, 1e-6, 42L));

        public Settings {
            textFeatures(bits); // validates the number of bits, naming it
            Objects.requireNonNull(learning, "learning");
        }
    }

    /**
     * Fits one part on labelled examples (classes in {@link SentimentLabel} order, weighted inversely to their
     * frequency), with zero offsets.
     */
    public static Part fitPart(
            List<Example> examples, List<SentimentLabel> labels, boolean coreNlp, Settings settings) {
        if (examples.size() != labels.size() || examples.isEmpty()) {
            throw new IllegalArgumentException(
                    "examples and labels differ in number or are empty: " + examples.size() + " vs " + labels.size());
        }
        TextFeatures text = textFeatures(settings.bits());
        List<TextFeatures.SparseVector> x = new ArrayList<>(examples.size());
        int[] y = new int[examples.size()];
        for (int i = 0; i < y.length; i++) {
            x.add(vector(text, examples.get(i), coreNlp));
            y[i] = labels.get(i).ordinal();
        }
        SparseSoftmax softmax = SparseSoftmax.fit(
                x, y, 3, dimensions(text, coreNlp), SparseSoftmax.balancedWeights(y, 3), settings.learning());
        return new Part(softmax, new double[3]);
    }

    /** A model of two parts fitted elsewhere (see {@link #fitPart}). */
    public static EnglishSentimentModel of(int bits, Part withoutCoreNlp, Part withCoreNlp) {
        return new EnglishSentimentModel(textFeatures(bits), withoutCoreNlp, withCoreNlp);
    }

    /** The model shipped in the jar, read once per JVM. */
    public static EnglishSentimentModel shipped() {
        return Shipped.INSTANCE;
    }

    /** Writes the model (gzip-compressed), creating parent folders. */
    public void save(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(text.bits());
            for (Part part : List.of(withoutCoreNlp, withCoreNlp)) {
                for (double o : part.offsets()) {
                    out.writeDouble(o);
                }
                part.softmax().write(out);
            }
        }
    }

    /** Reads a model written by {@link #save}; refuses, naming it, a file that is not one. */
    public static EnglishSentimentModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    private static EnglishSentimentModel read(InputStream stream, String name) throws IOException {
        DataInputStream in = ModelFiles.openChecked(stream, name, MAGIC, FORMAT, "English sentiment model");
        int bits = in.readInt();
        Part[] parts = new Part[2];
        for (int k = 0; k < 2; k++) {
            double[] offsets = new double[3];
            for (int c = 0; c < 3; c++) {
                offsets[c] = in.readDouble();
            }
            parts[k] = new Part(SparseSoftmax.read(in), offsets);
        }
        try {
            return of(bits, parts[0], parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IOException("inconsistent English sentiment model " + name + ": " + e.getMessage(), e);
        }
    }

    private static final class Shipped {
        static final EnglishSentimentModel INSTANCE =
                ModelFiles.shipped(EnglishSentimentModel.class, RESOURCE, EnglishSentimentModel::read);
    }
}
