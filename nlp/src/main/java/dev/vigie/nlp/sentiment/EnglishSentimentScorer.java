package dev.vigie.nlp.sentiment;

import dev.vigie.nlp.internal.linear.DenseSoftmax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * English sentiment: the VADER-style {@link LexiconScorer} (fast, knows emoji, emoticons, capitals, negation and
 * "but") combined with CoreNLP's recursive sentiment model (knows syntax and composition, trained on movie reviews)
 * by a small softmax regression fitted on human-rated snippets ({@code combiner-en.tsv}, see
 * {@code dev.vigie.nlp.eval.FitCombiner}). The combiner also calibrates where "neutral" lies, which neither model
 * does well alone.
 *
 * <p>CoreNLP reads about 60 sentences a second, the lexicon tens of thousands: with {@link CoreNlpUse#WHEN_UNCERTAIN}
 * (the default) CoreNLP only reads texts the lexicon is unsure about ({@code |compound| < margin}), which keeps a
 * feed of short posts fast and spends the parser where it changes the answer. Immutable and thread-safe.
 */
public final class EnglishSentimentScorer implements SentimentScorer {

    /** When CoreNLP is consulted. */
    public enum CoreNlpUse {
        /** Never: the lexicon decides alone (fastest, no CoreNLP loaded). */
        NEVER,
        /** Only when the lexicon's compound score is within the uncertainty margin of zero. */
        WHEN_UNCERTAIN,
        /** On every text (slowest, most accurate on long formal sentences). */
        ALWAYS
    }

    private final LexiconScorer lexicon;
    private final CoreNlpSentiment coreNlp;
    private final CoreNlpUse use;
    private final double margin;
    private final int maxChars;
    private final DenseSoftmax combiner;

    EnglishSentimentScorer(LexiconScorer lexicon, CoreNlpSentiment coreNlp, CoreNlpUse use, double margin,
                           int maxChars, DenseSoftmax combiner) {
        this.lexicon = lexicon;
        this.coreNlp = coreNlp;
        this.use = use;
        this.margin = margin;
        this.maxChars = maxChars;
        this.combiner = combiner;
    }

    /**
     * The scorer with the shipped combiner; CoreNLP is loaded (once per JVM) unless {@code use} is NEVER.
     * {@link SentimentAnalyzer} is the usual way in; this one serves evaluation and benchmarks.
     */
    public static EnglishSentimentScorer create(CoreNlpUse use, double margin, int maxChars) {
        return new EnglishSentimentScorer(LexiconScorer.english(), use == CoreNlpUse.NEVER ? null : CoreNlpSentiment.shared(),
                use, margin, maxChars, shippedCombiner());
    }

    /** Names of the combiner's features, in the order of {@link #features}. */
    public static final List<String> FEATURE_NAMES = List.of(
            "lexicon_compound", "lexicon_no_sentiment_word", "corenlp_expected", "corenlp_neutral",
            "corenlp_pos_minus_neg", "log1p_lexicon_positive", "log1p_lexicon_negative", "log_tokens",
            "lexicon_compound_signed_square", "corenlp_expected_signed_square", "corenlp_extreme_classes");

    /**
     * The features the combiner reads, in the order of the columns of {@code combiner-en.tsv}: both models'
     * polarity, their signed squares (so that strong and mild opinions weigh differently), CoreNLP's neutral and
     * extreme-class mass, how much positive and negative vocabulary the text mixes, and its length in tokens
     * (short factual sentences lean neutral).
     */
    public static double[] features(LexiconScorer.Reading lex, CoreNlpSentiment.Reading core) {
        double expected = core.expected();
        double[] p = core.probabilities();
        return new double[] {
            lex.compound(),
            lex.sentimentWords() == 0 ? 1 : 0,
            expected,
            core.neutral(),
            core.positive() - core.negative(),
            Math.log1p(lex.positive()),
            Math.log1p(lex.negative()),
            Math.log(Math.max(1, lex.tokens())),
            lex.compound() * Math.abs(lex.compound()),
            expected * Math.abs(expected),
            p[0] + p[4],
        };
    }

    @Override
    public Sentiment score(String text) {
        LexiconScorer.Reading lex = lexicon.read(text);
        if (use == CoreNlpUse.NEVER || (use == CoreNlpUse.WHEN_UNCERTAIN && Math.abs(lex.compound()) >= margin)) {
            return new Sentiment(SentimentLabel.ofScore(lex.compound(), LexiconScorer.DEFAULT_THRESHOLD),
                    lex.compound(), Sentiment.Method.LEXICON);
        }
        CoreNlpSentiment.Reading core = coreNlp.read(head(text, maxChars));
        return combine(lex, core);
    }

    static Sentiment combine(DenseSoftmax combiner, LexiconScorer.Reading lex, CoreNlpSentiment.Reading core) {
        double[] p = combiner.probabilities(features(lex, core));
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        double score = Math.max(-1, Math.min(1, p[SentimentLabel.POSITIVE.ordinal()] - p[SentimentLabel.NEGATIVE.ordinal()]));
        return new Sentiment(SentimentLabel.values()[best], score, Sentiment.Method.CORENLP_COMBINED);
    }

    /** The shipped combiner's decision on two readings of one text (for evaluations that read each text once). */
    public Sentiment combine(LexiconScorer.Reading lex, CoreNlpSentiment.Reading core) {
        return combine(combiner, lex, core);
    }

    /** The first {@code max} characters, cut at the last sentence end or space before the limit. */
    static String head(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max);
        int end = Math.max(Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("! ")), cut.lastIndexOf("? "));
        if (end > max / 2) {
            return cut.substring(0, end + 1);
        }
        int space = cut.lastIndexOf(' ');
        return space > max / 2 ? cut.substring(0, space) : cut;
    }

    /** The shipped combiner weights: one line per class (negative, neutral, positive): bias then one per feature. */
    static DenseSoftmax shippedCombiner() {
        try (InputStream in = EnglishSentimentScorer.class.getResourceAsStream("combiner-en.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource combiner-en.tsv");
            }
            List<double[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                double[] w = new double[cols.length - 1];
                for (int j = 1; j < cols.length; j++) {
                    w[j - 1] = Double.parseDouble(cols[j]);
                }
                rows.add(w);
            }
            return new DenseSoftmax(rows.toArray(new double[0][]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read combiner-en.tsv", e);
        }
    }
}
