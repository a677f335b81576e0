package dev.vigie.nlp.sentiment;

import dev.vigie.nlp.internal.linear.LinearModel;
import dev.vigie.nlp.internal.linear.TextFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A sentiment model learned from an analyst's own labelled texts: multinomial logistic regression over word
 * unigrams and bigrams and character 2- to 5-grams (hashed to 2^18 dimensions), which learns a domain's
 * vocabulary from a few thousand examples in seconds. Written by {@link Train} or {@link #save}, read by
 * {@link #load}; immutable and thread-safe once loaded.
 *
 * <p>A model trained on data that may not be redistributed (DEFT, Allociné) stays on the user's machine: the
 * project ships the training code, never such a model.
 */
public final class TrainedSentimentModel implements SentimentScorer {

    /** Hashed feature space: 2^18 dimensions (3 classes make a 3 MB model file). */
    public static final int DEFAULT_BITS = 18;

    private final LinearModel model;
    private final int negative;
    private final int positive;

    private TrainedSentimentModel(LinearModel model) {
        this.model = model;
        List<String> labels = model.labels();
        this.negative = labels.indexOf(SentimentLabel.NEGATIVE.id());
        this.positive = labels.indexOf(SentimentLabel.POSITIVE.id());
        for (String label : labels) {
            SentimentLabel.parse(label);
        }
    }

    /** Training settings: passes over the data (epochs), AdaGrad's learning rate, L2 penalty, shuffling seed. */
    public record Settings(int epochs, double learningRate, double l2, long seed) {
        public static final int DEFAULT_EPOCHS = 15;
        public static final double DEFAULT_LEARNING_RATE = 0.5;
        public static final double DEFAULT_L2 = 1e-6;
        public static final Settings DEFAULT = new Settings(DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE, DEFAULT_L2, 42L);

        public Settings {
            new LinearModel.Settings(epochs, learningRate, l2, seed); // validates, naming the bad value
        }
    }

    /**
     * Fits a model. Needs at least two distinct labels; the classes may be any two or three of positive, neutral,
     * negative (a two-class model never answers neutral).
     */
    public static TrainedSentimentModel train(List<LabelledText> examples, Settings settings) {
        Set<SentimentLabel> seen = EnumSet.noneOf(SentimentLabel.class);
        List<String> texts = new ArrayList<>(examples.size());
        List<String> labels = new ArrayList<>(examples.size());
        for (LabelledText e : examples) {
            texts.add(e.text());
            labels.add(e.label().id());
            seen.add(e.label());
        }
        if (seen.size() < 2) {
            throw new IllegalArgumentException("training needs at least two different labels, got only " + seen);
        }
        TextFeatures features = new TextFeatures(DEFAULT_BITS, 2, 5, true);
        LinearModel model = LinearModel.train(
                features,
                texts,
                labels,
                new LinearModel.Settings(settings.epochs(), settings.learningRate(), settings.l2(), settings.seed()));
        return new TrainedSentimentModel(model);
    }

    /** Reads a model file written by {@link #save} or by {@link Train}. */
    public static TrainedSentimentModel load(Path file) throws IOException {
        return new TrainedSentimentModel(LinearModel.load(file));
    }

    public void save(Path file) throws IOException {
        model.save(file);
    }

    /** The labels this model can answer. */
    public List<SentimentLabel> labels() {
        return model.labels().stream().map(SentimentLabel::parse).toList();
    }

    @Override
    public Sentiment score(String text) {
        if (text == null || text.isBlank()) {
            return new Sentiment(SentimentLabel.NEUTRAL, 0, Sentiment.Method.TRAINED_MODEL);
        }
        double[] p = model.probabilities(text);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        double score = (positive >= 0 ? p[positive] : 0) - (negative >= 0 ? p[negative] : 0);
        SentimentLabel label = SentimentLabel.parse(model.labels().get(best));
        return new Sentiment(label, Math.max(-1, Math.min(1, score)), Sentiment.Method.TRAINED_MODEL);
    }
}
