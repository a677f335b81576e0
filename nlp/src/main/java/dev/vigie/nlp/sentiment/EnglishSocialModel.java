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
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Vigie's default English sentiment model, fitted for social posts: a softmax regression over the words and word
 * pairs of a text (hashed, the words after a negation marked), the readings of the VADER-style
 * {@link LexiconScorer} and the text's sentence embedding (quantised all-MiniLM-L6-v2, 384 dimensions, computed
 * in-process), with per-class decision offsets chosen for macro-averaged recall on held-out tweets and a
 * {@link LexiconGuard} that keeps a strong lexicon reading unless the model is confident otherwise.
 *
 * <p>Embedding a text is most of what the model costs, so the model may carry a {@link FirstStage}: the same
 * regression without the embedding (words and lexicon only, fitted on the same data), which answers alone when its
 * answer is polar, the probability of that answer reaches a threshold chosen by cross-validation and the lexicon alone
 * reads the text the same way; only the other texts (neutral ones among them) are embedded and
 * answered by the whole model ({@link #sentiment(String, LexiconScorer.Reading, Function)}).
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
    /** 2: offsets and lexicon guard; 3: and an optional {@link FirstStage}. */
    private static final int FORMAT = 3;
    /** Hashed word and word-pair dimensions: 2^20. */
    public static final int DEFAULT_BITS = 20;

    static final String RESOURCE = "sentiment-en-social.model";

    /** Lexicon features (as in {@link EnglishSentimentModel}), the embedding, then the rated-snippet marker. */
    private static final int LEXICON_FEATURES = 11;

    private static final int DENSE = LEXICON_FEATURES + SentenceEncoder.DIMENSIONS + 1;
    /** The first stage's dense features: the lexicon's, then the rated-snippet marker (no embedding). */
    private static final int FIRST_STAGE_DENSE = LEXICON_FEATURES + 1;

    private final TextFeatures text;
    private final SparseSoftmax softmax;
    private final double[] offsets;
    private final LexiconGuard guard;
    private final FirstStage firstStage;

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
        this(text, softmax, offsets, guard, null);
    }

    private EnglishSocialModel(
            TextFeatures text, SparseSoftmax softmax, double[] offsets, LexiconGuard guard, FirstStage firstStage) {
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
        if (firstStage != null && firstStage.text.bits() != text.bits()) {
            throw new IllegalArgumentException("the first stage hashes words into " + firstStage.text.bits()
                    + " bits, the model into " + text.bits());
        }
        this.firstStage = firstStage;
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
        return new EnglishSocialModel(text, softmax, newOffsets, guard, firstStage);
    }

    public LexiconGuard guard() {
        return guard;
    }

    /** The model with another lexicon guard. */
    public EnglishSocialModel withGuard(LexiconGuard newGuard) {
        return new EnglishSocialModel(text, softmax, offsets, newGuard, firstStage);
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
        return vector(text, words(text, e.text()), e);
    }

    private static TextFeatures.SparseVector vector(TextFeatures text, TextFeatures.SparseVector words, Example e) {
        double[] dense = new double[DENSE];
        lexiconFeatures(e.lexicon(), dense);
        float[] emb = e.embedding();
        for (int j = 0; j < emb.length; j++) {
            dense[LEXICON_FEATURES + j] = emb[j];
        }
        dense[DENSE - 1] = e.rated() ? 1 : 0;
        return withDense(words, text.dimensions(), dense);
    }

    /** The hashed words and word pairs of a text, the words after a negation marked (L2-normalised). */
    static TextFeatures.SparseVector words(TextFeatures text, String post) {
        return text.vector(EnglishSentimentModel.markNegated(post));
    }

    /** The first stage's feature vector: hashed words, lexicon features, rated-snippet marker. */
    static TextFeatures.SparseVector firstStageVector(
            TextFeatures text, TextFeatures.SparseVector words, LexiconScorer.Reading lex, boolean rated) {
        double[] dense = new double[FIRST_STAGE_DENSE];
        lexiconFeatures(lex, dense);
        dense[FIRST_STAGE_DENSE - 1] = rated ? 1 : 0;
        return withDense(words, text.dimensions(), dense);
    }

    private static void lexiconFeatures(LexiconScorer.Reading lex, double[] dense) {
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
    }

    private static TextFeatures.SparseVector withDense(TextFeatures.SparseVector words, int base, double[] dense) {
        int n = words.indexes().length;
        int[] idx = Arrays.copyOf(words.indexes(), n + dense.length);
        float[] val = Arrays.copyOf(words.values(), n + dense.length);
        for (int j = 0; j < dense.length; j++) {
            idx[n + j] = base + j;
            val[n + j] = (float) dense[j];
        }
        return new TextFeatures.SparseVector(idx, val);
    }

    /** The model with its weights rounded as {@link #save} stores them (what is measured is what ships). */
    public EnglishSocialModel rounded() {
        return new EnglishSocialModel(
                text, softmax.rounded(), offsets, guard, firstStage == null ? null : firstStage.rounded());
    }

    /** Class probabilities (negative, neutral, positive), the text read as a post. */
    public double[] probabilities(Example e) {
        Example post = e.rated() ? new Example(e.text(), e.lexicon(), e.embedding(), false) : e;
        return softmax.probabilities(vector(text, post));
    }

    /** The sentiment by the whole model: the class after offsets, and P(positive) - P(negative) as score. */
    public Sentiment sentiment(Example e) {
        double[] p = probabilities(e);
        return sentiment(p, decide(p, offsets, guard, e.lexicon()));
    }

    private static Sentiment sentiment(double[] p, int decided) {
        double score =
                Math.max(-1, Math.min(1, p[SentimentLabel.POSITIVE.ordinal()] - p[SentimentLabel.NEGATIVE.ordinal()]));
        return new Sentiment(SentimentLabel.values()[decided], score, Sentiment.Method.LEXICON);
    }

    /**
     * The sentiment of a post as the pipeline reads it: by the {@link FirstStage} when there is one and it is sure
     * enough, else by the whole model, the text embedded by {@code encoder} (called only then).
     */
    public Sentiment sentiment(String post, LexiconScorer.Reading lexicon, Function<String, float[]> encoder) {
        TextFeatures.SparseVector words = words(text, post);
        if (firstStage != null) {
            double[] p = firstStage.softmax.probabilities(firstStageVector(text, words, lexicon, false));
            int decided = FirstStage.answer(p, firstStage.offsets, guard, lexicon, firstStage.threshold);
            if (decided >= 0) {
                return sentiment(p, decided);
            }
        }
        Example e = new Example(post, lexicon, encoder.apply(post), false);
        double[] p = softmax.probabilities(vector(text, words, e));
        return sentiment(p, decide(p, offsets, guard, lexicon));
    }

    /** The first stage, or null when every text is embedded. */
    public FirstStage firstStage() {
        return firstStage;
    }

    /** The model with this first stage (null: none, every text embedded); it must hash words as the model does. */
    public EnglishSocialModel withFirstStage(FirstStage stage) {
        return new EnglishSocialModel(text, softmax, offsets, guard, stage);
    }

    /**
     * The cheap first stage of the model: a softmax regression over the same hashed words and lexicon features as
     * the whole model, without the sentence embedding, with its own decision offsets (the whole model's lexicon
     * guard applies to it too), and the probability its answer must reach for it to answer alone. Immutable.
     */
    public static final class FirstStage {
        private final TextFeatures text;
        private final SparseSoftmax softmax;
        private final double[] offsets;
        private final double threshold;

        private FirstStage(TextFeatures text, SparseSoftmax softmax, double[] offsets, double threshold) {
            if (softmax.classes() != 3 || offsets.length != 3) {
                throw new IllegalArgumentException("a first stage has 3 classes and 3 offsets");
            }
            if (softmax.dimensions() != text.dimensions() + FIRST_STAGE_DENSE) {
                throw new IllegalArgumentException("first stage has " + softmax.dimensions() + " dimensions, expected "
                        + (text.dimensions() + FIRST_STAGE_DENSE));
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException(
                        "a first stage's threshold is a probability in (0, 1]: " + threshold);
            }
            this.text = text;
            this.softmax = softmax;
            this.offsets = offsets.clone();
            this.threshold = threshold;
        }

        /**
         * Fits a first stage on the examples (their embeddings are not read), classes weighted inversely to their
         * frequency, with zero offsets and threshold 1 (it answers only what it is certain of).
         */
        public static FirstStage fit(List<Example> examples, List<SentimentLabel> labels, Settings settings) {
            checkExamples(examples, labels);
            TextFeatures text = textFeatures(settings.bits());
            List<TextFeatures.SparseVector> x = new ArrayList<>(examples.size());
            int[] y = new int[examples.size()];
            for (int i = 0; i < y.length; i++) {
                Example e = examples.get(i);
                x.add(firstStageVector(text, words(text, e.text()), e.lexicon(), e.rated()));
                y[i] = labels.get(i).ordinal();
            }
            SparseSoftmax softmax = SparseSoftmax.fit(
                    x,
                    y,
                    3,
                    text.dimensions() + FIRST_STAGE_DENSE,
                    SparseSoftmax.balancedWeights(y, 3),
                    settings.learning());
            return new FirstStage(text, softmax, new double[3], 1);
        }

        /**
         * The first stage's answer, or -1 when it does not answer alone: its class after {@code offsets} and the
         * lexicon guard, when that class is polar, its probability is at least {@code threshold} and the lexicon
         * alone reads the text the same way. The last condition means that wherever the lexicon is right the first
         * stage is right too, so the cascade keeps at least as many of the lexicon's right answers as the whole
         * model. A neutral answer is never given alone: a text without opinion words is where the sentence
         * embedding reads what words and lexicon miss ("the battery dies by noon" is a complaint).
         */
        public static int answer(
                double[] p, double[] offsets, LexiconGuard guard, LexiconScorer.Reading lexicon, double threshold) {
            int decided = decide(p, offsets, guard, lexicon);
            boolean sure = p[decided] >= threshold;
            return sure
                            && decided != SentimentLabel.NEUTRAL.ordinal()
                            && decided
                                    == SentimentLabel.ofScore(lexicon.compound(), LexiconScorer.DEFAULT_THRESHOLD)
                                            .ordinal()
                    ? decided
                    : -1;
        }

        /** Class probabilities (negative, neutral, positive) of a post. */
        public double[] probabilities(String post, LexiconScorer.Reading lexicon) {
            return softmax.probabilities(firstStageVector(text, words(text, post), lexicon, false));
        }

        public double[] offsets() {
            return offsets.clone();
        }

        /** The probability of its answer at or above which this stage answers alone. */
        public double threshold() {
            return threshold;
        }

        public FirstStage withOffsets(double[] newOffsets) {
            return new FirstStage(text, softmax, newOffsets, threshold);
        }

        public FirstStage withThreshold(double newThreshold) {
            return new FirstStage(text, softmax, offsets, newThreshold);
        }

        /** The stage with its weights rounded as the model file stores them. */
        public FirstStage rounded() {
            return new FirstStage(text, softmax.rounded(), offsets, threshold);
        }

        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "FirstStage[offsets=[%.2f, %.2f, %.2f], threshold=%.2f]",
                    offsets[0],
                    offsets[1],
                    offsets[2],
                    threshold);
        }
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
        checkExamples(examples, labels);
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

    private static void checkExamples(List<Example> examples, List<SentimentLabel> labels) {
        if (examples.size() != labels.size() || examples.isEmpty()) {
            throw new IllegalArgumentException(
                    "examples and labels differ in number or are empty: " + examples.size() + " vs " + labels.size());
        }
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
            out.writeBoolean(firstStage != null);
            if (firstStage != null) {
                for (double o : firstStage.offsets) {
                    out.writeDouble(o);
                }
                out.writeDouble(firstStage.threshold);
                firstStage.softmax.write(out);
            }
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
            TextFeatures text = textFeatures(bits);
            SparseSoftmax softmax = SparseSoftmax.read(in);
            FirstStage first = null;
            if (in.readBoolean()) {
                double[] firstOffsets = new double[3];
                for (int c = 0; c < 3; c++) {
                    firstOffsets[c] = in.readDouble();
                }
                double threshold = in.readDouble();
                first = new FirstStage(text, SparseSoftmax.read(in), firstOffsets, threshold);
            }
            return new EnglishSocialModel(text, softmax, offsets, guard, first);
        } catch (IllegalArgumentException e) {
            throw new IOException("inconsistent English sentiment model " + name + ": " + e.getMessage(), e);
        }
    }

    private static final class Shipped {
        static final EnglishSocialModel INSTANCE =
                ModelFiles.shipped(EnglishSocialModel.class, RESOURCE, EnglishSocialModel::read);
    }
}
