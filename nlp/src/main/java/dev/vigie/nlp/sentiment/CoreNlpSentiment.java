package dev.vigie.nlp.sentiment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stanford CoreNLP's recursive sentiment model (Socher et al. 2013) for English, run over the shift-reduce
 * constituency parser of {@code models-english} instead of the default PCFG parser: about 60 sentences per second
 * per thread instead of 5 to 16, for the same sentiment model. The pipeline takes about 1 GB of heap and several
 * seconds to load, so it is loaded once per JVM ({@link #shared()}) and shared by every operator instance.
 *
 * <p>Thread-safe: {@link StanfordCoreNLP#annotate} may be called from several threads on one pipeline, and each
 * call works on its own {@link Annotation}. Only English: CoreNLP has no French sentiment model, and putting
 * {@code sentiment} in a French pipeline would silently run the English one.
 */
public final class CoreNlpSentiment {

    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpSentiment.class);
    /** Sentences longer than this many tokens are not parsed (their parse time grows fast), only tagged. */
    public static final int MAX_SENTENCE_TOKENS = 80;

    private final StanfordCoreNLP pipeline;

    private CoreNlpSentiment() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
        props.setProperty("tokenize.language", "en");
        props.setProperty("tokenize.options", "untokenizable=noneDelete");
        props.setProperty("parse.model", "edu/stanford/nlp/models/srparser/englishSR.ser.gz");
        props.setProperty("parse.binaryTrees", "true");
        props.setProperty("parse.maxlen", Integer.toString(MAX_SENTENCE_TOKENS));
        long start = System.nanoTime();
        this.pipeline = new StanfordCoreNLP(props);
        LOG.info(
                "CoreNLP sentiment pipeline (shift-reduce parser) loaded in {} ms",
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The JVM-wide instance, loaded on first use. */
    public static CoreNlpSentiment shared() {
        return Holder.INSTANCE;
    }

    /**
     * CoreNLP's reading of a text. {@code probabilities}: the sentence-level class probabilities (very negative,
     * negative, neutral, positive, very positive) averaged over sentences weighted by their number of tokens.
     * {@code phrases}: the same five probabilities averaged over every phrase of every parse tree (each internal
     * node above the words), which shows a text that mixes a positive and a negative part even where the sentence
     * level settles on one side. {@code mostNegativePhrase} and {@code mostPositivePhrase}: the largest negative
     * (classes 0 and 1) and positive (3 and 4) mass of any single phrase. {@code sentences}: how many were read.
     */
    public record Reading(
            double[] probabilities,
            double[] phrases,
            double mostNegativePhrase,
            double mostPositivePhrase,
            int sentences) {
        public Reading {
            if (probabilities.length != 5 || phrases.length != 5) {
                throw new IllegalArgumentException(
                        "expected 5 class probabilities, got " + probabilities.length + " and " + phrases.length);
            }
            probabilities = probabilities.clone();
            phrases = phrases.clone();
        }

        /** A reading with sentence-level probabilities only, as if every phrase agreed with its sentence. */
        public Reading(double[] probabilities, int sentences) {
            this(
                    probabilities,
                    probabilities,
                    probabilities[0] + probabilities[1],
                    probabilities[3] + probabilities[4],
                    sentences);
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        @Override
        public double[] phrases() {
            return phrases.clone();
        }

        /** Expected sentiment in [-1, 1]: the class probabilities weighted by -1, -0.5, 0, 0.5, 1. */
        public double expected() {
            return -probabilities[0] - 0.5 * probabilities[1] + 0.5 * probabilities[3] + probabilities[4];
        }

        public double negative() {
            return probabilities[0] + probabilities[1];
        }

        public double neutral() {
            return probabilities[2];
        }

        public double positive() {
            return probabilities[3] + probabilities[4];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reading r
                    && r.sentences == sentences
                    && Arrays.equals(r.probabilities, probabilities)
                    && Arrays.equals(r.phrases, phrases)
                    && r.mostNegativePhrase == mostNegativePhrase
                    && r.mostPositivePhrase == mostPositivePhrase;
        }

        @Override
        public int hashCode() {
            return Objects.hash(
                    Arrays.hashCode(probabilities),
                    Arrays.hashCode(phrases),
                    mostNegativePhrase,
                    mostPositivePhrase,
                    sentences);
        }

        @Override
        public String toString() {
            return "Reading" + Arrays.toString(probabilities) + " over " + sentences + " sentences, phrases "
                    + Arrays.toString(phrases) + ", strongest phrases -" + mostNegativePhrase + " +"
                    + mostPositivePhrase;
        }
    }

    /** Reads a text; a blank text reads as certainly neutral over zero sentences. */
    public Reading read(String text) {
        if (text == null || text.isBlank()) {
            return neutral();
        }
        Annotation annotation = new Annotation(text);
        pipeline.annotate(annotation);
        double[] sum = new double[5];
        double[] phraseSum = new double[5];
        double mostNegative = 0;
        double mostPositive = 0;
        int phrases = 0;
        double weight = 0;
        int read = 0;
        for (CoreMap sentence : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            SimpleMatrix root = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
            if (root == null) {
                continue;
            }
            int tokens = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
            for (int c = 0; c < 5; c++) {
                sum[c] += tokens * root.get(c);
            }
            weight += tokens;
            read++;
            for (Tree node : tree) {
                SimpleMatrix p = node.isLeaf() || node.isPreTerminal() ? null : RNNCoreAnnotations.getPredictions(node);
                if (p == null) {
                    continue;
                }
                for (int c = 0; c < 5; c++) {
                    phraseSum[c] += p.get(c);
                }
                mostNegative = Math.max(mostNegative, p.get(0) + p.get(1));
                mostPositive = Math.max(mostPositive, p.get(3) + p.get(4));
                phrases++;
            }
        }
        if (weight == 0) {
            return neutral();
        }
        for (int c = 0; c < 5; c++) {
            sum[c] /= weight;
            phraseSum[c] = phrases == 0 ? sum[c] : phraseSum[c] / phrases;
        }
        return new Reading(sum, phraseSum, mostNegative, mostPositive, read);
    }

    private static Reading neutral() {
        return new Reading(new double[] {0, 0, 1, 0, 0}, 0);
    }

    private static final class Holder {
        static final CoreNlpSentiment INSTANCE = new CoreNlpSentiment();
    }
}
