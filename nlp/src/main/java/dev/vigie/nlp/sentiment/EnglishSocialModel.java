package dev.vigie.nlp.sentiment;

import dev.vigie.nlp.internal.embed.SentenceEncoder;
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
import java.util.zip.GZIPOutputStream;

/**
 * Vigie's default English sentiment model, fitted for social posts: a softmax regression over the words and word
 * pairs of a text (hashed, the words after a negation marked), the readings of the VADER-style
 * {@link LexiconScorer} and the text's sentence embedding (quantised all-MiniLM-L6-v2, 384 dimensions, computed
 * in-process), with per-class decision offsets chosen for macro-averaged recall on held-out tweets and a
 * {@link LexiconGuard} that keeps a strong lexicon reading unless the model is confident otherwise.
 *
 * <p>The shipped model ({@link #shipped()}, {@code sentiment-en-social.model}) is fitted by
 * {@code dev.vigie.nlp.eval.EnglishTweetCrossValidation} on 8,143 English tweets labelled negative / neutral /
 * positive (SemEval-2017 Task 4 via TweetEval) and the 19,503 human-rated VADER snippets (reviews and editorials,
 * 3 classes from the mean rating). The two sets draw "neutral" differently (a tweet without an opinion; a review
 * whose mean rating is within ±0.2 of zero), so a training-only feature marks the rated snippets: their labels teach
 * the words and the lexicon, their different notion of neutral goes into that feature's weights, and every text
 * scored is read as a post (the feature is 0). See {@code nlp/NOTICE} for the data and the encoder's licences.
 * Immutable and thread-safe; the encoder is loaded once per JVM.
 */
public final class EnglishSocialModel {

    private static final int MAGIC = 0x56475343; // "VGSC"
    private static final int FORMAT = 2;
    /** Hashed word and word-pair dimensions: 2^20. */
    public static final int DEFAULT_BITS = 20;

    static final String RESOURCE = "sentiment-en-social.model";

    /** Lexicon features (as in {@link EnglishSentimentModel}), the embedding, then the rated-snippet marker. */
    private static final int LEXICON_FEATURES = 11;

    private static final int DENSE = LEXICON_FEATURES + SentenceEncoder.DIMENSIONS + 1;

    private final TextFeatures text;
    private final SparseSoftmax softmax;
    private final double[] offsets;
    private final LexiconGuard guard;

    /**
     * How far a strong lexicon reading is trusted: when the lexicon's compound score is at least {@code strong} away
     * from 0, its side (positive or negative) gets {@code bonus} added to its log-probability before the decision, so
     * a sentiment-laden post (emoticons, intensifiers, several opinion words) is answered neutral or of the other
     * sign only when the model is confident of it. {@link #NONE} leaves the model's decision alone.
     */
    public record LexiconGuard(double strong, double bonus) {
        public static final LexiconGuard NONE = new LexiconGuard(1, 0);

        public LexiconGuard {
            if (!(strong > 0 && strong <= 1) || !(bonus >= 0 && bonus <= 10)) {
                throw new IllegalArgumentException(
                        "a lexicon guard needs 0 < strong <= 1 and 0 <= bonus <= 10: " + strong + ", " + bonus);
            }
        }

        /** The class the guard favours for this reading, or -1 when the reading is not strong. */
        int favoured(LexiconScorer.Reading lex) {
            if (bonus == 0 || Math.abs(lex.compound()) < strong) {
                return -1;
            }
            return (lex.compound() > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE).ordinal();
        }
    }

    /** One text with its readings; {@code rated} marks a VADER rating-derived label (training only). */
    public record Example(String text, LexiconScorer.Reading lexicon, float[] embedding, boolean rated) {
        public Example {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(lexicon, "lexicon");
            if (embedding == null || embedding.length != SentenceEncoder.DIMENSIONS) {
                throw new IllegalArgumentException("an example needs a " + SentenceEncoder.DIMENSIONS + "-d embedding");
            }
        }

        /** Reads a post: the lexicon's reading and the shared encoder's embedding. */
        public static Example read(String text, LexiconScorer lexicon) {
            return new Example(
                    text, lexicon.read(text), SentenceEncoder.shared().embed(text), false);
        }
    }

    EnglishSocialModel(TextFeatures text, SparseSoftmax softmax, double[] offsets) {
        this(text, softmax, offsets, LexiconGuard.NONE);
    }

    EnglishSocialModel(TextFeatures text, SparseSoftmax softmax, double[] offsets, LexiconGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.text = Objects.requireNonNull(text, "text");
        this.softmax = Objects.requireNonNull(softmax, "softmax");
        if (softmax.classes() != 3 || offsets.length != 3) {
            throw new IllegalArgumentException("an English sentiment model has 3 classes and 3 offsets");
        }
        if (softmax.dimensions() != dimensions(text)) {
            throw new IllegalArgumentException(
                    "model has " + softmax.dimensions() + " dimensions, expected " + dimensions(text));
        }
        this.offsets = offsets.clone();
    }

    /** The hashed word features: unigrams and bigrams, no character n-grams. */
    public static TextFeatures textFeatures(int bits) {
        return new TextFeatures(bits, 0, 0, true);
    }

    static int dimensions(TextFeatures text) {
        return text.dimensions() + DENSE;
    }

    public double[] offsets() {
        return offsets.clone();
    }

    /** The model with other decision offsets (negative, neutral, positive). */
    public EnglishSocialModel withOffsets(double[] newOffsets) {
        return new EnglishSocialModel(text, softmax, newOffsets, guard);
    }

    public LexiconGuard guard() {
        return guard;
    }

    /** The model with another lexicon guard. */
    public EnglishSocialModel withGuard(LexiconGuard newGuard) {
        return new EnglishSocialModel(text, softmax, offsets, newGuard);
    }

    /** The class decided for these probabilities (negative, neutral, positive) and lexicon reading. */
    public static int decide(double[] p, double[] offsets, LexiconGuard guard, LexiconScorer.Reading lex) {
        int favoured = guard.favoured(lex);
        if (favoured < 0) {
            return EnglishSentimentModel.decide(p, offsets);
        }
        double[] shifted = offsets.clone();
        shifted[favoured] += guard.bonus();
        return EnglishSentimentModel.decide(p, shifted);
    }

    /** The feature vector: hashed words (L2-normalised), lexicon features, embedding, rated-snippet marker. */
    static TextFeatures.SparseVector vector(TextFeatures text, Example e) {
        TextFeatures.SparseVector words = text.vector(EnglishSentimentModel.markNegated(e.text()));
        double[] dense = new double[DENSE];
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
        float[] emb = e.embedding();
        for (int j = 0; j < emb.length; j++) {
            dense[LEXICON_FEATURES + j] = emb[j];
        }
        dense[DENSE - 1] = e.rated() ? 1 : 0;
        int n = words.indexes().length;
        int[] idx = Arrays.copyOf(words.indexes(), n + dense.length);
        float[] val = Arrays.copyOf(words.values(), n + dense.length);
        int base = text.dimensions();
        for (int j = 0; j < dense.length; j++) {
            idx[n + j] = base + j;
            val[n + j] = (float) dense[j];
        }
        return new TextFeatures.SparseVector(idx, val);
    }

    /** The model with its weights rounded as {@link #save} stores them (what is measured is what ships). */
    public EnglishSocialModel rounded() {
        return new EnglishSocialModel(text, softmax.rounded(), offsets, guard);
    }

    /** Class probabilities (negative, neutral, positive), the text read as a post. */
    public double[] probabilities(Example e) {
        Example post = e.rated() ? new Example(e.text(), e.lexicon(), e.embedding(), false) : e;
        return softmax.probabilities(vector(text, post));
    }

    /** The sentiment: the class after offsets, and P(positive) - P(negative) as score. */
    public Sentiment sentiment(Example e) {
        double[] p = probabilities(e);
        SentimentLabel label = SentimentLabel.values()[decide(p, offsets, guard, e.lexicon())];
        double score =
                Math.max(-1, Math.min(1, p[SentimentLabel.POSITIVE.ordinal()] - p[SentimentLabel.NEGATIVE.ordinal()]));
        return new Sentiment(label, score, Sentiment.Method.LEXICON);
    }

    /** Learning settings of {@link #fit}: hashed bits, passes, learning rate, L2 penalty, seed. */
    public record Settings(int bits, LinearModel.Settings learning) {
        public static final Settings DEFAULT = new Settings(DEFAULT_BITS, new LinearModel.Settings(8, 0.1, 1e-6, 42L));

        public Settings {
            textFeatures(bits);
            Objects.requireNonNull(learning, "learning");
        }
    }

    /** Fits a model (classes weighted inversely to their frequency) with the given decision offsets. */
    public static EnglishSocialModel fit(
            List<Example> examples, List<SentimentLabel> labels, double[] offsets, Settings settings) {
        if (examples.size() != labels.size() || examples.isEmpty()) {
            throw new IllegalArgumentException(
                    "examples and labels differ in number or are empty: " + examples.size() + " vs " + labels.size());
        }
        TextFeatures text = textFeatures(settings.bits());
        List<TextFeatures.SparseVector> x = new ArrayList<>(examples.size());
        int[] y = new int[examples.size()];
        for (int i = 0; i < y.length; i++) {
            x.add(vector(text, examples.get(i)));
            y[i] = labels.get(i).ordinal();
        }
        SparseSoftmax softmax =
                SparseSoftmax.fit(x, y, 3, dimensions(text), SparseSoftmax.balancedWeights(y, 3), settings.learning());
        return new EnglishSocialModel(text, softmax, offsets);
    }

    /** The model shipped in the jar, read once per JVM. */
    public static EnglishSocialModel shipped() {
        return Shipped.INSTANCE;
    }

    /** Writes the model (gzip-compressed, weights as bfloat16), creating parent folders. */
    public void save(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(text.bits());
            for (double o : offsets) {
                out.writeDouble(o);
            }
            out.writeDouble(guard.strong());
            out.writeDouble(guard.bonus());
            softmax.write(out);
        }
    }

    /** Reads a model written by {@link #save}; refuses, naming it, a file that is not one. */
    public static EnglishSocialModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    private static EnglishSocialModel read(InputStream stream, String name) throws IOException {
        DataInputStream in = ModelFiles.openChecked(stream, name, MAGIC, FORMAT, "English sentiment model");
        int bits = in.readInt();
        double[] offsets = new double[3];
        for (int c = 0; c < 3; c++) {
            offsets[c] = in.readDouble();
        }
        try {
            LexiconGuard guard = new LexiconGuard(in.readDouble(), in.readDouble());
            return new EnglishSocialModel(textFeatures(bits), SparseSoftmax.read(in), offsets, guard);
        } catch (IllegalArgumentException e) {
            throw new IOException("inconsistent English sentiment model " + name + ": " + e.getMessage(), e);
        }
    }

    private static final class Shipped {
        static final EnglishSocialModel INSTANCE =
                ModelFiles.shipped(EnglishSocialModel.class, RESOURCE, EnglishSocialModel::read);
    }
}
