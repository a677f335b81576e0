package dev.vigie.nlp.sentiment;

import dev.vigie.nlp.internal.embed.SentenceEncoder;

/**
 * English sentiment. By default ({@link CoreNlpUse#NEVER}) {@link EnglishSocialModel}: a regression fitted on
 * labelled tweets and rated snippets over the words of a text, the lexicon's readings and a sentence embedding,
 * which holds on social posts and needs no CoreNLP. With {@link CoreNlpUse#WHEN_UNCERTAIN} or
 * {@link CoreNlpUse#ALWAYS}, the older review model instead: {@link EnglishSentimentModel}, a regression fitted on human-rated snippets over the words of a
 * text, the readings of the VADER-style {@link LexiconScorer} (emoji, emoticons, capitals, negation, "but") and,
 * where it is consulted, CoreNLP's recursive sentiment model (syntax and composition, trained on movie reviews).
 * Its decision offsets are chosen for macro-F1, so it says "neutral" where neither side dominates.
 *
 * <p>CoreNLP reads about 60 sentences a second, the model without it tens of thousands: with
 * {@link CoreNlpUse#WHEN_UNCERTAIN} (the default) CoreNLP only reads texts the lexicon is unsure about
 * ({@code |compound| < margin}), which keeps a feed of short posts fast and spends the parser where it changes the
 * answer. Immutable and thread-safe.
 */
public final class EnglishSentimentScorer implements SentimentScorer {

    /** When CoreNLP is consulted. */
    public enum CoreNlpUse {
        /** Never: the social model ({@link EnglishSocialModel}) decides; no CoreNLP loaded (the default). */
        NEVER,
        /** The review model, asking CoreNLP when the lexicon's compound score is within the margin of zero. */
        WHEN_UNCERTAIN,
        /** The review model with CoreNLP on every text (slowest). */
        ALWAYS
    }

    private final LexiconScorer lexicon;
    private final CoreNlpSentiment coreNlp;
    private final CoreNlpUse use;
    private final double margin;
    private final int maxChars;
    private final EnglishSentimentModel model;
    private final EnglishSocialModel social;

    EnglishSentimentScorer(LexiconScorer lexicon, EnglishSocialModel social) {
        this(lexicon, null, CoreNlpUse.NEVER, 0, SentimentAnalyzer.Builder.DEFAULT_CORENLP_MAX_CHARS, null, social);
    }

    EnglishSentimentScorer(
            LexiconScorer lexicon,
            CoreNlpSentiment coreNlp,
            CoreNlpUse use,
            double margin,
            int maxChars,
            EnglishSentimentModel model) {
        this(lexicon, coreNlp, use, margin, maxChars, model, null);
    }

    private EnglishSentimentScorer(
            LexiconScorer lexicon,
            CoreNlpSentiment coreNlp,
            CoreNlpUse use,
            double margin,
            int maxChars,
            EnglishSentimentModel model,
            EnglishSocialModel social) {
        this.lexicon = lexicon;
        this.coreNlp = coreNlp;
        this.use = use;
        this.margin = margin;
        this.maxChars = maxChars;
        this.model = model;
        this.social = social;
    }

    /**
     * The scorer with the shipped model; CoreNLP is loaded (once per JVM) unless {@code use} is NEVER.
     * {@link SentimentAnalyzer} is the usual way in; this one serves evaluation and benchmarks.
     */
    public static EnglishSentimentScorer create(CoreNlpUse use, double margin, int maxChars) {
        if (use == CoreNlpUse.NEVER) {
            return new EnglishSentimentScorer(LexiconScorer.english(), EnglishSocialModel.shipped());
        }
        return new EnglishSentimentScorer(
                LexiconScorer.english(),
                use == CoreNlpUse.NEVER ? null : CoreNlpSentiment.shared(),
                use,
                margin,
                maxChars,
                EnglishSentimentModel.shipped());
    }

    @Override
    public Sentiment score(String text) {
        return score(text, lexicon.read(text));
    }

    /** Whether {@link #score(String, LexiconScorer.Reading)} takes readings made by {@code reader}. */
    boolean readsWith(LexiconScorer reader) {
        return reader == lexicon;
    }

    /**
     * The sentiment of {@code text}, given its reading by this scorer's lexicon (for a caller that has read the same
     * text already: {@link PhrasingRules}).
     */
    Sentiment score(String text, LexiconScorer.Reading reading) {
        if (social != null) {
            return social.sentiment(
                    text, reading, post -> SentenceEncoder.shared().embed(post));
        }
        EnglishSentimentModel.Example example = new EnglishSentimentModel.Example(text, reading, null);
        if (!asksCoreNlp(example.lexicon())) {
            return model.sentiment(example);
        }
        return model.sentiment(example.withCore(coreNlp.read(head(text, maxChars))));
    }

    /** Whether this scorer would ask CoreNLP about a text the lexicon read so. */
    boolean asksCoreNlp(LexiconScorer.Reading lex) {
        return use == CoreNlpUse.ALWAYS || (use == CoreNlpUse.WHEN_UNCERTAIN && Math.abs(lex.compound()) < margin);
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
}
