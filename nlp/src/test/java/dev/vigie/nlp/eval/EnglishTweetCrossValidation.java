package dev.vigie.nlp.eval;

import dev.vigie.nlp.internal.embed.SentenceEncoder;
import dev.vigie.nlp.internal.linear.OffsetTuning;
import dev.vigie.nlp.sentiment.EnglishSentimentModel;
import dev.vigie.nlp.sentiment.EnglishSocialModel;
import dev.vigie.nlp.sentiment.LexiconScorer;
import dev.vigie.nlp.sentiment.PhrasingRulesForEvaluation;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.sentiment.SentimentLabel;
import dev.vigie.nlp.sentiment.SentimentScorer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How good the default English model ({@link EnglishSocialModel}) is, measured out of sample, and the fitting of the
 * shipped one ({@code sentiment-en-social.model}). Data: the 8,143 English tweets of {@code sentiment-en-tweets}
 * (SemEval-2017 / TweetEval: its validation split and half of its test split) and the 19,503 VADER snippets. Both
 * are split into 5 folds with a fixed seed (stratified by file or corpus and by class); each fold is scored by a
 * model fitted on the four others, whose decision offsets are chosen for the tweets' macro-averaged recall on an
 * inner 3-fold split of those four folds only, and so is its lexicon guard ({@link #tuneGuard}). Printed: per tweet
 * file and per VADER corpus, macro-recall, macro-F1, accuracy and the confusion matrix, beside the lexicon alone;
 * then proxies for the VADER tweet set, which is held out ({@link #polarProxy}).
 *
 * <pre>
 * java -Xmx2g -cp ... dev.vigie.nlp.eval.EnglishTweetCrossValidation [--embeddings /tmp/emb.bin] \
 *     [--write nlp/src/main/resources/dev/vigie/nlp/sentiment/sentiment-en-social.model]
 * </pre>
 * {@code --embeddings FILE} keeps the sentence embeddings of all texts (computed and written when missing, about 4
 * minutes of CPU); {@code --write FILE} then fits the model on everything (offsets from a 3-fold split of all the
 * texts, tuned on the tweets) and writes it. {@code --no-report} skips the cross-validation. {@code --data DIR}, {@code --seed S}.
 * {@code --answers FILE} writes each text's out-of-fold answer through the rules and markers (one line per text:
 * set, gold, answer, text); {@code --compare FILE} reads such a file written before a change of the rules and prints,
 * per set, how many answers changed, how many of them were made right and how many made wrong, and lists them.
 * {@code --guard-curve} adds, after the report, the lexicon guard's trade-off curve ({@link #guardCurve}).
 */
public final class EnglishTweetCrossValidation {

    public static final long DEFAULT_SEED = 20261203L;
    static final int FOLDS = 5;
    /** Inner folds of the offset tuning (3 rather than 5: each fold is a full fit of about 20,000 texts). */
    static final int INNER_FOLDS = 3;

    static final String TWEETS = "sentiment-en-tweets";
    static final List<String> TWEET_FILES = List.of("tweeteval_val.tsv", "tweeteval_test_dev_half.tsv");

    private EnglishTweetCrossValidation() {}

    /** One text: its readings, gold class, and group (0, 1: the tweet files; 2, 3, 4: VADER's corpora). */
    record Item(EnglishSocialModel.Example example, int gold, int group) {
        boolean tweet() {
            return group < TWEET_FILES.size();
        }
    }

    public static void main(String[] args) throws IOException {
        String data = null;
        Path embeddings = null;
        Path write = null;
        long seed = DEFAULT_SEED;
        boolean noReport = false;
        Path answers = null;
        Path compare = null;
        boolean guardCurve = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = args[++i];
                case "--embeddings" -> embeddings = Path.of(args[++i]);
                case "--write" -> write = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--no-report" -> noReport = true;
                case "--answers" -> answers = Path.of(args[++i]);
                case "--compare" -> compare = Path.of(args[++i]);
                case "--guard-curve" -> guardCurve = true;
                default ->
                    throw new IllegalArgumentException("unknown argument: " + args[i]
                            + " (expected --data DIR, --embeddings FILE, --write FILE, --seed S, --answers FILE,"
                            + " --compare FILE, --guard-curve)");
            }
        }
        List<Item> items = load(DataSets.dataDir(data), embeddings);
        if (write != null) {
            EnglishSocialModel model = fitWithOffsets(items, allRows(items), seed);
            model.save(write);
            System.out.printf(
                    Locale.ROOT,
                    "wrote the model fitted on all %d texts to %s (offsets %s, lexicon guard %s)%n",
                    items.size(),
                    write,
                    fmt(model.offsets()),
                    model.guard());
            System.out.println("first stage: " + model.firstStage());
        }
        if (!noReport) {
            int[] markers = report(items, seed, guardCurve);
            if (answers != null) {
                writeAnswers(items, markers, answers);
            }
            if (compare != null) {
                compareAnswers(items, markers, compare);
            }
        }
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** One line per text: set, gold, answer through the rules and markers, text. */
    static void writeAnswers(List<Item> items, int[] answers, Path file) throws IOException {
        List<String> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            lines.add(it.group() + "\t" + SentimentLabel.values()[it.gold()].id() + "\t"
                    + SentimentLabel.values()[answers[i]].id() + "\t"
                    + oneLine(it.example().text()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println("answers through the rules and markers written to " + file);
    }

    /**
     * Compares the answers with those of an earlier {@link #writeAnswers} file of the same data: per set, answers
     * changed, made right (wrong before, right now), made wrong (right before, wrong now), then each change.
     */
    static void compareAnswers(List<Item> items, int[] answers, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() != items.size()) {
            throw new IllegalArgumentException(
                    file + " has " + lines.size() + " answers, expected " + items.size() + " (other data?)");
        }
        List<String> names = new ArrayList<>(TWEET_FILES);
        for (DataSets.VaderCorpus c : DataSets.VaderCorpus.values()) {
            names.add("VADER " + c.name().toLowerCase(Locale.ROOT));
        }
        int[][] counts = new int[names.size()][3];
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String[] f = lines.get(i).split("\t", 4);
            if (f.length < 4 || !f[3].equals(oneLine(it.example().text()))) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not the answer to the same text");
            }
            int before = SentimentLabel.parse(f[2]).ordinal();
            if (before == answers[i]) {
                continue;
            }
            counts[it.group()][0]++;
            counts[it.group()][1] += answers[i] == it.gold() ? 1 : 0;
            counts[it.group()][2] += before == it.gold() ? 1 : 0;
            changes.add(String.format(
                    Locale.ROOT,
                    "  %-18s gold %-8s %-8s -> %-8s %s",
                    names.get(it.group()),
                    SentimentLabel.values()[it.gold()].id(),
                    SentimentLabel.values()[before].id(),
                    SentimentLabel.values()[answers[i]].id(),
                    oneLine(it.example().text())));
        }
        System.out.println("Answers through the rules and markers compared with " + file + ":");
        for (int g = 0; g < names.size(); g++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-36s changed %d, made right %d, made wrong %d%n",
                    names.get(g),
                    counts[g][0],
                    counts[g][1],
                    counts[g][2]);
        }
        changes.forEach(System.out::println);
    }

    /** The labelled tweets of the shared folder's {@code sentiment-en-tweets} ({@code label<TAB>text}). */
    public static List<DataSets.Snippet> tweets(Path dir, String file) throws IOException {
        List<DataSets.Snippet> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve(TWEETS).resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\r", "");
            int tab = line.indexOf('\t');
            if (tab > 0 && !line.substring(tab + 1).isBlank()) {
                SentimentLabel label = SentimentLabel.parse(line.substring(0, tab));
                double rating = label == SentimentLabel.POSITIVE ? 4 : label == SentimentLabel.NEGATIVE ? -4 : 0;
                out.add(new DataSets.Snippet(
                        "tweets",
                        file + ":" + (i + 1),
                        rating,
                        line.substring(tab + 1).trim()));
            }
        }
        return out;
    }

    static List<Item> load(Path dir, Path cache) throws IOException {
        List<DataSets.Snippet> texts = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (int f = 0; f < TWEET_FILES.size(); f++) {
            for (DataSets.Snippet s : tweets(dir, TWEET_FILES.get(f))) {
                texts.add(s);
                groups.add(f);
            }
        }
        for (DataSets.VaderCorpus corpus : DataSets.VaderCorpus.values()) {
            for (DataSets.Snippet s : DataSets.vader(dir, corpus)) {
                texts.add(s);
                groups.add(TWEET_FILES.size() + corpus.ordinal());
            }
        }
        float[][] emb = embeddings(texts, cache);
        LexiconScorer lexicon = LexiconScorer.english();
        List<Item> items = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            DataSets.Snippet s = texts.get(i);
            boolean rated = groups.get(i) >= TWEET_FILES.size();
            items.add(new Item(
                    new EnglishSocialModel.Example(s.text(), lexicon.read(s.text()), emb[i], rated),
                    s.gold().ordinal(),
                    groups.get(i)));
        }
        return items;
    }

    static float[][] embeddings(List<DataSets.Snippet> texts, Path cache) throws IOException {
        int d = SentenceEncoder.DIMENSIONS;
        float[][] e = new float[texts.size()][d];
        if (cache != null && Files.exists(cache) && Files.size(cache) == (long) texts.size() * d * Float.BYTES) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
                for (float[] v : e) {
                    for (int j = 0; j < d; j++) {
                        v[j] = in.readFloat();
                    }
                }
            }
            return e;
        }
        long start = System.nanoTime();
        for (int i = 0; i < e.length; i++) {
            e[i] = SentenceEncoder.shared().embed(texts.get(i).text());
        }
        System.err.printf(
                Locale.ROOT, "embedded %d texts in %d s%n", e.length, (System.nanoTime() - start) / 1_000_000_000);
        if (cache != null) {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
                for (float[] v : e) {
                    for (float f : v) {
                        out.writeFloat(f);
                    }
                }
            }
        }
        return e;
    }

    /** Prints the cross-validated figures; returns each text's out-of-fold answer through the rules and markers. */
    static int[] report(List<Item> items, long seed) {
        return report(items, seed, false);
    }

    /** {@link #report(List, long)}, followed by {@link #guardCurve} when {@code guardCurve}. */
    static int[] report(List<Item> items, long seed, boolean guardCurve) {
        int[] fold = folds(items, allRows(items), FOLDS, seed);
        int[] decisions = new int[items.size()];
        int[] embedded = new int[items.size()];
        boolean[] encoded = new boolean[items.size()];
        double[][] firstP = new double[items.size()][];
        double[][] fullP = new double[items.size()][];
        List<EnglishSocialModel> foldModels = new ArrayList<>();
        int[] unguarded = new int[items.size()];
        int[] rules = new int[items.size()];
        int[] markers = new int[items.size()];
        for (int f = 0; f < FOLDS; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                (fold[i] == f ? test : train).add(i);
            }
            EnglishSocialModel model = fitWithOffsets(items, train, seed + f + 1);
            foldModels.add(model);
            for (int i : test) {
                EnglishSocialModel.Example e = items.get(i).example();
                double[] p = model.probabilities(e);
                fullP[i] = p;
                firstP[i] = model.firstStage().probabilities(e.text(), e.lexicon());
                embedded[i] = EnglishSocialModel.decide(p, model.offsets(), model.guard(), e.lexicon());
                unguarded[i] = EnglishSocialModel.decide(
                        p, model.offsets(), EnglishSocialModel.LexiconGuard.NONE, e.lexicon());
                int row = i;
                decisions[i] = model.sentiment(e.text(), e.lexicon(), t -> {
                            encoded[row] = true;
                            return e.embedding();
                        })
                        .label()
                        .ordinal();
            }
            withRules(items, test, model, decisions, rules, markers);
            System.err.printf(
                    Locale.ROOT,
                    "  fold %d of %d done, offsets %s, lexicon guard %s, %s%n",
                    f + 1,
                    FOLDS,
                    fmt(model.offsets()),
                    model.guard(),
                    model.firstStage());
        }
        System.out.println(
                "English sentiment, default model (words + lexicon + sentence embedding + lexicon guard, a first stage"
                        + " without the embedding answering alone when sure), 5-fold cross-validated (offsets, guard and"
                        + " first-stage threshold tuned inside the training folds), beside the same models embedding"
                        + " every text and the lexicon alone:");
        System.out.printf(
                Locale.ROOT,
                "%-36s %6s  %-30s  %-30s  %-30s  %s%n",
                "set",
                "n",
                "model: macro-R / macro-F1 / acc",
                "every text embedded",
                "lexicon: macro-R / macro-F1 / acc",
                "not embedded");
        List<String> names = new ArrayList<>(TWEET_FILES);
        for (DataSets.VaderCorpus c : DataSets.VaderCorpus.values()) {
            names.add("VADER " + c.name().toLowerCase(Locale.ROOT));
        }
        for (int g = -1; g < names.size(); g++) {
            ConfusionMatrix model = matrix();
            ConfusionMatrix full = matrix();
            ConfusionMatrix lexicon = matrix();
            int skipped = 0;
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                if (g == -1 ? it.tweet() : it.group() == g) {
                    String gold = SentimentLabel.values()[it.gold()].id();
                    model.add(gold, SentimentLabel.values()[decisions[i]].id());
                    full.add(gold, SentimentLabel.values()[embedded[i]].id());
                    lexicon.add(gold, SentimentLabel.values()[lexiconClass(it)].id());
                    skipped += encoded[i] ? 0 : 1;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %6d  %-30s  %-30s  %-30s  %.1f %%%n",
                    g == -1 ? "tweets, both files" : names.get(g),
                    model.total(),
                    figures(model),
                    figures(full),
                    figures(lexicon),
                    100.0 * skipped / model.total());
            if (g == -1) {
                System.out.print(model.format());
            }
        }
        System.out.println("(published on the full SemEval-2017 test split, macro-recall: SVM 0.629, FastText 0.629,"
                + " RoBERTa-base 0.713, TimeLMs 0.737; VADER's published F1: movie 0.61, Amazon 0.63, NYT 0.55)");
        polarProxy(items, decisions, unguarded);
        System.out.println("The same proxy lines, every text embedded (the first stage never answering):");
        polarProxy(items, embedded, unguarded);
        firstStageCurve(items, foldModels, fold, firstP, fullP);
        System.out.println();
        System.out.println(
                "The same out-of-fold answers through the phrasing rules (PhrasingRules, as SentimentAnalyzer"
                        + " calls the model): the rules without / with the markers (emoticon, contrast, sarcasm)");
        for (int g = -1; g < names.size(); g++) {
            ConfusionMatrix before = matrix();
            ConfusionMatrix after = matrix();
            int changed = 0;
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                if (g == -1 ? it.tweet() : it.group() == g) {
                    String gold = SentimentLabel.values()[it.gold()].id();
                    before.add(gold, SentimentLabel.values()[rules[i]].id());
                    after.add(gold, SentimentLabel.values()[markers[i]].id());
                    changed += rules[i] != markers[i] ? 1 : 0;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %6d  %-30s  %-30s  %d answers changed%n",
                    g == -1 ? "tweets, both files" : names.get(g),
                    after.total(),
                    figures(before),
                    figures(after),
                    changed);
        }
        System.out.println("Proxy lines with the rules and markers (\"default\" = model + rules + markers):");
        polarProxy(items, markers, unguarded);
        if (guardCurve) {
            guardCurve(items, foldModels, fold, firstP, fullP, markers);
        }
        return markers;
    }

    /** First-stage thresholds shown by {@link #firstStageCurve}. */
    static final double[] CURVE = {0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0};

    /**
     * What other first-stage thresholds would have given out of fold (each fold's own models and offsets): share of
     * tweets not embedded, tweets macro-recall and macro-F1, each VADER corpus's macro-F1.
     */
    static void firstStageCurve(
            List<Item> items, List<EnglishSocialModel> models, int[] fold, double[][] firstP, double[][] fullP) {
        System.out.println("Out of fold, other first-stage thresholds (share of tweets not embedded; tweets macro-R /"
                + " macro-F1; VADER movie / Amazon / NYT macro-F1):");
        for (double t : CURVE) {
            ConfusionMatrix tweets = matrix();
            ConfusionMatrix[] vader = {matrix(), matrix(), matrix()};
            int skipped = 0;
            int n = 0;
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                EnglishSocialModel m = models.get(fold[i]);
                LexiconScorer.Reading lex = it.example().lexicon();
                int d = EnglishSocialModel.FirstStage.answer(
                        firstP[i], m.firstStage().offsets(), m.guard(), lex, t);
                boolean alone = d >= 0;
                int answer = alone ? d : EnglishSocialModel.decide(fullP[i], m.offsets(), m.guard(), lex);
                String gold = SentimentLabel.values()[it.gold()].id();
                if (it.tweet()) {
                    tweets.add(gold, SentimentLabel.values()[answer].id());
                    skipped += alone ? 1 : 0;
                    n++;
                } else {
                    vader[it.group() - TWEET_FILES.size()].add(gold, SentimentLabel.values()[answer].id());
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "  threshold %.2f: %5.1f %% not embedded; tweets %.3f / %.3f; VADER %.3f / %.3f / %.3f%n",
                    t,
                    100.0 * skipped / n,
                    tweets.macroRecall(),
                    tweets.macroF1(),
                    vader[0].macroF1(),
                    vader[1].macroF1(),
                    vader[2].macroF1());
        }
    }

    /**
     * The answers of {@code test} items through the English phrasing rules, without ({@code rules}) and with
     * ({@code markers}) the emoticon, contrast and sarcasm markers; the inner scorer answers an item's own text with its
     * out-of-fold decision and any other text (a rewritten litotes, a contrast's last clause) with the fold's model.
     */
    static void withRules(
            List<Item> items,
            List<Integer> test,
            EnglishSocialModel model,
            int[] decisions,
            int[] rules,
            int[] markers) {
        withRules(
                items,
                test,
                model,
                decisions,
                rules,
                markers,
                t -> SentenceEncoder.shared().embed(t));
    }

    /** {@link #withRules(List, List, EnglishSocialModel, int[], int[], int[])} with this encoder for other texts. */
    static void withRules(
            List<Item> items,
            List<Integer> test,
            EnglishSocialModel model,
            int[] decisions,
            int[] rules,
            int[] markers,
            Function<String, float[]> encoder) {
        Map<String, Sentiment> answers = new HashMap<>();
        for (int i : test) {
            answers.put(
                    items.get(i).example().text(),
                    new Sentiment(SentimentLabel.values()[decisions[i]], 0, Sentiment.Method.LEXICON));
        }
        LexiconScorer lexicon = LexiconScorer.english();
        SentimentScorer inner = t -> {
            Sentiment known = answers.get(t);
            return known != null ? known : model.sentiment(t, lexicon.read(t), encoder);
        };
        SentimentScorer without = PhrasingRulesForEvaluation.english(inner, false);
        SentimentScorer with = PhrasingRulesForEvaluation.english(inner, true);
        for (int i : test) {
            String text = items.get(i).example().text();
            rules[i] = without.score(text).label().ordinal();
            markers[i] = with.score(text).label().ordinal();
        }
    }

    /** Strength thresholds of the lexicon guards tried by {@link #guardCurve}. */
    static final double[] CURVE_STRONG = {0.05, 0.1, 0.2, 0.3, 0.5};
    /** Bonuses tried by {@link #guardCurve}; 100 means always the lexicon's side once its reading is that strong. */
    static final double[] CURVE_BONUS = {0.3, 0.6, 1, 2, 5, 100};
    /** The tweet macro-recall a guard must keep in {@link #guardCurve}'s flags (a margin over the 0.66 target). */
    static final double CURVE_RECALL_FLOOR = 0.670;

    /**
     * A lexicon guard as {@link #guardCurve} applies it: {@link EnglishSocialModel.LexiconGuard}'s rule without its
     * bound on the bonus (so that "always the lexicon's side" can be tried). Up to the product's largest bonus the
     * answers are checked against the product's own {@code decide} and {@code FirstStage.answer}.
     */
    record CurveGuard(double strong, double bonus) {
        static final double PRODUCT_MAX_BONUS = 10;

        int decide(double[] p, double[] offsets, LexiconScorer.Reading lex) {
            if (bonus == 0 || Math.abs(lex.compound()) < strong) {
                return EnglishSentimentModel.decide(p, offsets);
            }
            double[] shifted = offsets.clone();
            shifted[(lex.compound() > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE).ordinal()] += bonus;
            return EnglishSentimentModel.decide(p, shifted);
        }

        /**
         * The cascade's answer with this guard: the fold's first stage when sure of a polar class the lexicon agrees
         * with, else its model.
         */
        int cascade(EnglishSocialModel m, double[] firstP, double[] p, Item it) {
            LexiconScorer.Reading lex = it.example().lexicon();
            EnglishSocialModel.FirstStage first = m.firstStage();
            int d = decide(firstP, first.offsets(), lex);
            int answer =
                    firstP[d] >= first.threshold() && d != SentimentLabel.NEUTRAL.ordinal() && d == lexiconClass(it)
                            ? d
                            : decide(p, m.offsets(), lex);
            if (bonus <= PRODUCT_MAX_BONUS
                    && answer
                            != EnglishTweetCrossValidation.cascade(
                                    p, firstP, m.offsets(), product(), first.offsets(), lex, first.threshold())) {
                throw new IllegalStateException("the curve's guard disagrees with the product's on: "
                        + it.example().text());
            }
            return answer;
        }

        /** The product's guard (bonus capped at its largest), for the texts the rules score besides the posts. */
        EnglishSocialModel.LexiconGuard product() {
            return new EnglishSocialModel.LexiconGuard(strong, Math.min(bonus, PRODUCT_MAX_BONUS));
        }

        @Override
        public String toString() {
            return bonus == 0 ? "none" : String.format(Locale.ROOT, "%.2f / %s", strong, fmtBonus(bonus));
        }

        private static String fmtBonus(double b) {
            return b == Math.rint(b) ? String.valueOf((long) b) : String.valueOf(b);
        }
    }

    /**
     * The trade-off curve of the lexicon guard, out of fold: for each guard of {@link #CURVE_STRONG} x
     * {@link #CURVE_BONUS} (and none), the same folds' models and first stages with that guard in place of the one
     * their inner split chose, through the phrasing rules and markers as the pipeline runs them; beside the default as
     * shipped (each fold's own guard) and the lexicon alone. Per row: tweets macro-recall / macro-F1 / neutral recall;
     * accuracy and macro-F1 on each VADER corpus; share of the lexicon's right answers kept and of its wrong ones fixed
     * on all tweets and on sentiment-laden ones, with the projected VADER-tweet accuracy; the share kept split by
     * gold class (polar, neutral).
     */
    static void guardCurve(
            List<Item> items,
            List<EnglishSocialModel> models,
            int[] fold,
            double[][] firstP,
            double[][] fullP,
            int[] shipped) {
        List<CurveGuard> guards = new ArrayList<>();
        guards.add(new CurveGuard(1, 0));
        for (double strong : CURVE_STRONG) {
            for (double bonus : CURVE_BONUS) {
                guards.add(new CurveGuard(strong, bonus));
            }
        }
        List<List<Integer>> tests = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            tests.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            tests.get(fold[i]).add(i);
        }
        Map<String, float[]> embedded = new ConcurrentHashMap<>();
        Function<String, float[]> encoder =
                t -> embedded.computeIfAbsent(t, x -> SentenceEncoder.shared().embed(x));
        System.out.println();
        System.out.println(
                "Lexicon guard curve, out of fold (the same folds' models and first stages, the guard below in"
                        + " place of the one each fold's inner split chose; through the rules and markers). Columns: tweets"
                        + " (8,143) macro-R / macro-F1 / neutral recall; VADER movie, Amazon, NYT accuracy / macro-F1; share of"
                        + " the lexicon's right answers kept / of its wrong ones fixed -> projected VADER-tweet accuracy"
                        + " (0.903 x kept + 0.097 x fixed), on all tweets and on sentiment-laden ones (|compound| >= "
                        + LADEN
                        + "); kept among the lexicon's right answers on polar / neutral tweets. Flags: A (L) ="
                        + " tweets macro-R >= " + CURVE_RECALL_FLOOR + " and the projection on all (sentiment-laden)"
                        + " tweets >= " + VADER_TWEETS_LEXICON_ACCURACY
                        + "; V = above the lexicon in accuracy and macro-F1 on all three VADER"
                        + " corpora; D = no figure below the shipped row and a better projection.");
        System.out.printf(
                Locale.ROOT,
                "%-22s  %-21s  %-13s  %-13s  %-13s  %-21s  %-21s  %-13s  %s%n",
                "guard strong / bonus",
                "tweets R / F1 / neuR",
                "movie acc/F1",
                "Amazon acc/F1",
                "NYT acc/F1",
                "all: kept/fixed->proj",
                "laden: kept/fixed->proj",
                "kept pol/neu",
                "flags");
        int[] lexicon = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            lexicon[i] = lexiconClass(items.get(i));
        }
        double[] lex = curveFigures(items, lexicon);
        double[] ship = curveFigures(items, shipped);
        System.out.println(curveLine("lexicon alone", lex, lex, ship));
        System.out.println(curveLine("shipped (fold's own)", ship, lex, ship));
        for (CurveGuard guard : guards) {
            int[] decisions = new int[items.size()];
            int[] rules = new int[items.size()];
            int[] markers = new int[items.size()];
            for (int f = 0; f < FOLDS; f++) {
                EnglishSocialModel m = models.get(f);
                for (int i : tests.get(f)) {
                    decisions[i] = guard.cascade(m, firstP[i], fullP[i], items.get(i));
                }
                withRules(items, tests.get(f), m.withGuard(guard.product()), decisions, rules, markers, encoder);
            }
            System.out.println(curveLine(guard.toString(), curveFigures(items, markers), lex, ship));
        }
        System.out.println(
                "(bonus 100: above the product's largest bonus, 10; the few texts the rules score besides the"
                        + " posts, rewrites and contrast clauses, are read with bonus 10)");
    }

    /**
     * {tweets macro-R, macro-F1, neutral recall, then accuracy and macro-F1 of movie, Amazon, NYT, then kept, fixed,
     * projection on all tweets, the same on sentiment-laden tweets, kept on polar tweets, kept on neutral tweets}.
     */
    static double[] curveFigures(List<Item> items, int[] answers) {
        ConfusionMatrix tweets = matrix();
        ConfusionMatrix[] vader = {matrix(), matrix(), matrix()};
        int[][] right = new int[2][2];
        int[][] kept = new int[2][2];
        int[] rightByGold = new int[3];
        int[] keptByGold = new int[3];
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String gold = SentimentLabel.values()[it.gold()].id();
            String answer = SentimentLabel.values()[answers[i]].id();
            if (!it.tweet()) {
                vader[it.group() - TWEET_FILES.size()].add(gold, answer);
                continue;
            }
            tweets.add(gold, answer);
            int r = lexiconClass(it) == it.gold() ? 1 : 0;
            int ok = answers[i] == it.gold() ? 1 : 0;
            right[0][r]++;
            kept[0][r] += ok;
            rightByGold[it.gold()] += r;
            keptByGold[it.gold()] += r * ok;
            if (Math.abs(it.example().lexicon().compound()) >= LADEN) {
                right[1][r]++;
                kept[1][r] += ok;
            }
        }
        double[][] c = counts(tweets);
        double[] f = new double[17];
        f[0] = tweets.macroRecall();
        f[1] = tweets.macroF1();
        f[2] = c[1][1] / rowSums(c)[1];
        for (int v = 0; v < 3; v++) {
            f[3 + 2 * v] = vader[v].accuracy();
            f[4 + 2 * v] = vader[v].macroF1();
        }
        for (int l = 0; l < 2; l++) {
            double keeps = kept[l][1] / (double) right[l][1];
            double fixes = kept[l][0] / (double) right[l][0];
            f[9 + 3 * l] = keeps;
            f[10 + 3 * l] = fixes;
            f[11 + 3 * l] = VADER_TWEETS_LEXICON_ACCURACY * keeps + (1 - VADER_TWEETS_LEXICON_ACCURACY) * fixes;
        }
        int neutral = SentimentLabel.NEUTRAL.ordinal();
        f[15] = (keptByGold[0] + keptByGold[2]) / (double) (rightByGold[0] + rightByGold[2]);
        f[16] = keptByGold[neutral] / (double) rightByGold[neutral];
        return f;
    }

    /** One line of {@link #guardCurve}, with its flags against the lexicon ({@code lex}) and the shipped row. */
    static String curveLine(String name, double[] f, double[] lex, double[] ship) {
        boolean all = f[0] >= CURVE_RECALL_FLOOR && f[11] >= VADER_TWEETS_LEXICON_ACCURACY;
        boolean laden = f[0] >= CURVE_RECALL_FLOOR && f[14] >= VADER_TWEETS_LEXICON_ACCURACY;
        boolean aboveLexicon = true;
        for (int k = 3; k <= 8; k++) {
            aboveLexicon &= f[k] > lex[k];
        }
        boolean noneWorse = true;
        for (int k : new int[] {0, 1, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14}) {
            noneWorse &= f[k] >= ship[k];
        }
        boolean dominates = noneWorse && (f[11] > ship[11] || f[14] > ship[14]);
        return String.format(
                Locale.ROOT,
                "%-22s  %.3f / %.3f / %.3f  %.3f / %.3f  %.3f / %.3f  %.3f / %.3f  %.3f/%.3f->%.3f    %.3f/%.3f->%.3f    %.3f / %.3f  %s%s%s%s",
                name,
                f[0],
                f[1],
                f[2],
                f[3],
                f[4],
                f[5],
                f[6],
                f[7],
                f[8],
                f[9],
                f[10],
                f[11],
                f[12],
                f[13],
                f[14],
                f[15],
                f[16],
                all ? "A" : "-",
                laden ? "L" : "-",
                aboveLexicon ? "V" : "-",
                dominates ? "D" : "-");
    }

    /** VADER's tweet set (held out): about 4,200 tweets, 2,700 positive and 7 % neutral (the rest negative). */
    static final double[] VADER_TWEETS_MIX = {1206, 294, 2700};
    /** The lexicon layer's accuracy on the VADER tweet set, as measured in issue 13. */
    static final double VADER_TWEETS_LEXICON_ACCURACY = 0.903;
    /** A lexicon reading at least this strong marks a sentiment-laden text in the proxy. */
    static final double LADEN = 0.5;

    /**
     * Stand-ins for the VADER tweet set, which is not in the shared data: on the tweets' out-of-fold answers, how
     * often the default and the lexicon alone get the sign of a polar tweet right, call it neutral, or give the other
     * sign; the same on sentiment-laden tweets ({@code |compound| >= 0.5}); and the three figures with the tweets'
     * classes weighted to the VADER tweet set's mix.
     */
    static void polarProxy(List<Item> items, int[] decisions, int[] unguarded) {
        System.out.println("Proxy for the VADER tweet set (held out): TweetEval tweets, out-of-fold answers"
                + " (default = with lexicon guard; unguarded = the same folds' models without it):");
        System.out.printf(
                Locale.ROOT,
                "%-44s %6s  %-26s  %-26s  %-26s%n",
                "polar tweets (gold positive or negative)",
                "n",
                "default: right/neutral/flip",
                "unguarded",
                "lexicon");
        for (boolean laden : new boolean[] {false, true}) {
            int n = 0;
            int[][] counts = new int[3][3];
            int flipsVsLexicon = 0;
            int flipsVsLexiconUnguarded = 0;
            int positiveToNegative = 0;
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                if (!it.tweet()
                        || it.gold() == SentimentLabel.NEUTRAL.ordinal()
                        || (laden && Math.abs(it.example().lexicon().compound()) < LADEN)) {
                    continue;
                }
                n++;
                int lex = lexiconClass(it);
                int[] answers = {decisions[i], unguarded[i], lex};
                for (int a = 0; a < 3; a++) {
                    counts[a][answers[a] == it.gold() ? 0 : answers[a] == SentimentLabel.NEUTRAL.ordinal() ? 1 : 2]++;
                }
                if (lex != SentimentLabel.NEUTRAL.ordinal()) {
                    flipsVsLexicon += decisions[i] != SentimentLabel.NEUTRAL.ordinal() && decisions[i] != lex ? 1 : 0;
                    flipsVsLexiconUnguarded +=
                            unguarded[i] != SentimentLabel.NEUTRAL.ordinal() && unguarded[i] != lex ? 1 : 0;
                }
                positiveToNegative += it.gold() == SentimentLabel.POSITIVE.ordinal()
                                && decisions[i] == SentimentLabel.NEGATIVE.ordinal()
                        ? 1
                        : 0;
            }
            String[] cells = new String[3];
            for (int a = 0; a < 3; a++) {
                cells[a] = String.format(
                        Locale.ROOT,
                        "%.3f / %.3f / %.3f",
                        counts[a][0] / (double) n,
                        counts[a][1] / (double) n,
                        counts[a][2] / (double) n);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %6d  %-26s  %-26s  %-26s%n",
                    laden ? "  of them sentiment-laden (|compound| >= " + LADEN + ")" : "  all polar tweets",
                    n,
                    cells[0],
                    cells[1],
                    cells[2]);
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %6s  sign opposite to a polar lexicon reading: default %d, unguarded %d;"
                            + " gold positive answered negative: %d%n",
                    "",
                    "",
                    flipsVsLexicon,
                    flipsVsLexiconUnguarded,
                    positiveToNegative);
        }
        System.out.printf(
                Locale.ROOT,
                "%-44s %6s  %-26s  %-26s%n",
                "all tweets, by whether the lexicon is right",
                "n",
                "default: keeps / fixes",
                "unguarded: keeps / fixes");
        for (boolean laden : new boolean[] {false, true}) {
            int[] right = new int[2];
            int[][] kept = new int[2][2];
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                if (!it.tweet() || (laden && Math.abs(it.example().lexicon().compound()) < LADEN)) {
                    continue;
                }
                int r = lexiconClass(it) == it.gold() ? 1 : 0;
                right[r]++;
                kept[0][r] += decisions[i] == it.gold() ? 1 : 0;
                kept[1][r] += unguarded[i] == it.gold() ? 1 : 0;
            }
            String[] cells = new String[2];
            for (int a = 0; a < 2; a++) {
                double keeps = kept[a][1] / (double) right[1];
                double fixes = kept[a][0] / (double) right[0];
                cells[a] = String.format(
                        Locale.ROOT,
                        "%.3f / %.3f -> %.3f",
                        keeps,
                        fixes,
                        VADER_TWEETS_LEXICON_ACCURACY * keeps + (1 - VADER_TWEETS_LEXICON_ACCURACY) * fixes);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %6d  %-26s  %-26s%n",
                    laden ? "  sentiment-laden (|compound| >= " + LADEN + ")" : "  all tweets",
                    right[0] + right[1],
                    cells[0],
                    cells[1]);
        }
        System.out.printf(
                Locale.ROOT,
                "%-44s %6s  (-> accuracy where the lexicon is right %.1f %% of the time, as on the"
                        + " VADER tweets: keeps x %.3f + fixes x %.3f; the lexicon's own is %.3f)%n",
                "",
                "",
                100 * VADER_TWEETS_LEXICON_ACCURACY,
                VADER_TWEETS_LEXICON_ACCURACY,
                1 - VADER_TWEETS_LEXICON_ACCURACY,
                VADER_TWEETS_LEXICON_ACCURACY);
        ConfusionMatrix[] m = {matrix(), matrix(), matrix()};
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.tweet()) {
                String gold = SentimentLabel.values()[it.gold()].id();
                m[0].add(gold, SentimentLabel.values()[decisions[i]].id());
                m[1].add(gold, SentimentLabel.values()[unguarded[i]].id());
                m[2].add(gold, SentimentLabel.values()[lexiconClass(it)].id());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-44s %6s  %-26s  %-26s  %-26s%n",
                "tweets re-weighted to the VADER tweets' mix",
                "",
                "default: macro-R/F1/acc",
                "unguarded",
                "lexicon");
        System.out.printf(
                Locale.ROOT,
                "%-44s %6s  %-26s  %-26s  %-26s%n",
                "  (1,206 neg / 294 neutral / 2,700 pos)",
                "",
                weighted(m[0], VADER_TWEETS_MIX),
                weighted(m[1], VADER_TWEETS_MIX),
                weighted(m[2], VADER_TWEETS_MIX));
    }

    static int lexiconClass(Item it) {
        return SentimentLabel.ofScore(it.example().lexicon().compound(), LexiconScorer.DEFAULT_THRESHOLD)
                .ordinal();
    }

    /** Macro-recall, macro-F1 and accuracy of a 3-class matrix whose gold rows are scaled to {@code mix}. */
    static String weighted(ConfusionMatrix m, double[] mix) {
        double[] f = weightedFigures(counts(m), mix);
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", f[0], f[1], f[2]);
    }

    static double[][] counts(ConfusionMatrix m) {
        List<String> ids =
                List.of(SentimentLabel.NEGATIVE.id(), SentimentLabel.NEUTRAL.id(), SentimentLabel.POSITIVE.id());
        double[][] c = new double[3][3];
        for (int g = 0; g < 3; g++) {
            for (int p = 0; p < 3; p++) {
                c[g][p] = m.count(ids.get(g), ids.get(p));
            }
        }
        return c;
    }

    /** {macro-recall, macro-F1, accuracy} of counts[gold][predicted] with each gold row rescaled to sum to mix[gold]. */
    static double[] weightedFigures(double[][] counts, double[] mix) {
        int k = counts.length;
        double[][] w = new double[k][k];
        double total = 0;
        for (int g = 0; g < k; g++) {
            double row = 0;
            for (double v : counts[g]) {
                row += v;
            }
            for (int p = 0; p < k; p++) {
                w[g][p] = row == 0 ? 0 : counts[g][p] * mix[g] / row;
                total += w[g][p];
            }
        }
        double recall = 0;
        double f1 = 0;
        double right = 0;
        for (int c = 0; c < k; c++) {
            double row = 0;
            double col = 0;
            for (int o = 0; o < k; o++) {
                row += w[c][o];
                col += w[o][c];
            }
            double r = row == 0 ? 0 : w[c][c] / row;
            double p = col == 0 ? 0 : w[c][c] / col;
            recall += r / k;
            f1 += (r + p == 0 ? 0 : 2 * r * p / (r + p)) / k;
            right += w[c][c];
        }
        return new double[] {recall, f1, total == 0 ? 0 : right / total};
    }

    static String figures(ConfusionMatrix m) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", m.macroRecall(), m.macroF1(), m.accuracy());
    }

    static ConfusionMatrix matrix() {
        return new ConfusionMatrix(
                List.of(SentimentLabel.NEGATIVE.id(), SentimentLabel.NEUTRAL.id(), SentimentLabel.POSITIVE.id()));
    }

    static List<Integer> allRows(List<Item> items) {
        List<Integer> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            rows.add(i);
        }
        return rows;
    }

    /** Fold of each row (indexed like {@code rows}): within each (group, class), a seeded shuffle dealt round-robin. */
    static int[] folds(List<Item> items, List<Integer> rows, int k, long seed) {
        Map<Integer, List<Integer>> strata = new LinkedHashMap<>();
        for (int j = 0; j < rows.size(); j++) {
            Item it = items.get(rows.get(j));
            strata.computeIfAbsent(it.group() * 3 + it.gold(), x -> new ArrayList<>())
                    .add(j);
        }
        int[] fold = new int[rows.size()];
        Random random = new Random(seed);
        int next = 0;
        for (List<Integer> stratum : strata.values()) {
            Collections.shuffle(stratum, random);
            for (int j : stratum) {
                fold[j] = next++ % k;
            }
        }
        return fold;
    }

    /**
     * A model fitted on {@code train} with offsets chosen for the tweets' macro-recall on out-of-fold predictions
     * within {@code train}; its weights rounded as the model file stores them.
     */
    static EnglishSocialModel fitWithOffsets(List<Item> items, List<Integer> train, long seed) {
        int[] inner = folds(items, train, INNER_FOLDS, seed);
        List<double[]> oof = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        List<LexiconScorer.Reading> readings = new ArrayList<>();
        List<Item> snippets = new ArrayList<>();
        List<double[]> snippetOof = new ArrayList<>();
        List<Item> tweets = new ArrayList<>();
        List<double[]> firstOof = new ArrayList<>();
        List<double[]> snippetFirstOof = new ArrayList<>();
        for (int f = 0; f < INNER_FOLDS; f++) {
            List<Integer> fitOn = new ArrayList<>();
            for (int j = 0; j < train.size(); j++) {
                if (inner[j] != f) {
                    fitOn.add(train.get(j));
                }
            }
            EnglishSocialModel m = fit(items, fitOn);
            EnglishSocialModel.FirstStage first = fitFirstStage(items, fitOn);
            for (int j = 0; j < train.size(); j++) {
                Item it = items.get(train.get(j));
                EnglishSocialModel.Example e = it.example();
                if (inner[j] == f && it.tweet()) {
                    oof.add(m.probabilities(e));
                    firstOof.add(first.probabilities(e.text(), e.lexicon()));
                    gold.add(it.gold());
                    readings.add(e.lexicon());
                    tweets.add(it);
                } else if (inner[j] == f) {
                    snippets.add(it);
                    snippetOof.add(m.probabilities(e));
                    snippetFirstOof.add(first.probabilities(e.text(), e.lexicon()));
                }
            }
        }
        double[][] p = oof.toArray(double[][]::new);
        int[] g = gold.stream().mapToInt(Integer::intValue).toArray();
        double[] offsets = OffsetTuning.tune(p, g, new int[g.length], OffsetTuning.Metric.MACRO_RECALL);
        EnglishSocialModel.LexiconGuard guard = tuneGuard(p, g, readings, offsets, snippets, snippetOof);
        double[][] fp = firstOof.toArray(double[][]::new);
        double[] firstOffsets = OffsetTuning.tune(fp, g, new int[g.length], OffsetTuning.Metric.MACRO_RECALL);
        double threshold =
                tuneThreshold(tweets, p, fp, offsets, guard, firstOffsets, snippets, snippetOof, snippetFirstOof);
        return fit(items, train)
                .withOffsets(offsets)
                .withGuard(guard)
                .withFirstStage(
                        fitFirstStage(items, train).withOffsets(firstOffsets).withThreshold(threshold));
    }

    /** First-stage thresholds tried by {@link #tuneThreshold}: 0.40 to 1.00 by 0.01. */
    static final int THRESHOLD_FROM = 40;
    /** How much tweet macro-recall the first stage may cost on the inner out-of-fold answers. */
    static final double FIRST_STAGE_RECALL_COST = 0.002;
    /** How much macro-F1 on each VADER snippet corpus the first stage may cost on the inner out-of-fold answers. */
    static final double FIRST_STAGE_SNIPPET_COST = 0.003;

    /**
     * The first-stage threshold chosen on out-of-fold answers: the one that leaves the most tweets unembedded among
     * those whose cascade (first stage when sure, else the whole model) costs at most
     * {@link #FIRST_STAGE_RECALL_COST} of tweet macro-recall and {@link #FIRST_STAGE_SNIPPET_COST} of macro-F1 on
     * each VADER corpus against the whole model, and keeps at least as many of the lexicon's right answers on the
     * tweets, all of them and the sentiment-laden ones (the VADER tweet proxy); the higher threshold on ties.
     */
    static double tuneThreshold(
            List<Item> tweets,
            double[][] p,
            double[][] firstP,
            double[] offsets,
            EnglishSocialModel.LexiconGuard guard,
            double[] firstOffsets,
            List<Item> snippets,
            List<double[]> snippetOof,
            List<double[]> snippetFirstOof) {
        double[] base = cascadeFigures(tweets, p, firstP, offsets, guard, firstOffsets, 2);
        double[] snippetBase = cascadeSnippetF1(snippets, snippetOof, snippetFirstOof, offsets, guard, firstOffsets, 2);
        double best = 1;
        double bestSkipped = base[3];
        for (int t = 100; t >= THRESHOLD_FROM; t--) {
            double threshold = t / 100.0;
            double[] f = cascadeFigures(tweets, p, firstP, offsets, guard, firstOffsets, threshold);
            if (f[0] < base[0] - FIRST_STAGE_RECALL_COST || f[1] < base[1] || f[2] < base[2] || f[3] <= bestSkipped) {
                continue;
            }
            double[] sf =
                    cascadeSnippetF1(snippets, snippetOof, snippetFirstOof, offsets, guard, firstOffsets, threshold);
            if (noneBelow(sf, snippetBase, FIRST_STAGE_SNIPPET_COST)) {
                best = threshold;
                bestSkipped = f[3];
            }
        }
        return best;
    }

    /** The cascade's answer: the first stage's when the probability of it reaches the threshold, else the model's. */
    static int cascade(
            double[] p,
            double[] firstP,
            double[] offsets,
            EnglishSocialModel.LexiconGuard guard,
            double[] firstOffsets,
            LexiconScorer.Reading lex,
            double threshold) {
        int d = EnglishSocialModel.FirstStage.answer(firstP, firstOffsets, guard, lex, threshold);
        return d >= 0 ? d : EnglishSocialModel.decide(p, offsets, guard, lex);
    }

    /**
     * {tweet macro-recall, share of the lexicon's right answers kept (all tweets), the same on sentiment-laden
     * tweets, share of tweets the first stage answers} of the cascade at this threshold (above 1: never).
     */
    static double[] cascadeFigures(
            List<Item> tweets,
            double[][] p,
            double[][] firstP,
            double[] offsets,
            EnglishSocialModel.LexiconGuard guard,
            double[] firstOffsets,
            double threshold) {
        double[][] counts = new double[3][3];
        int[] right = new int[2];
        int[] kept = new int[2];
        int alone = 0;
        for (int i = 0; i < p.length; i++) {
            Item it = tweets.get(i);
            LexiconScorer.Reading lex = it.example().lexicon();
            alone += EnglishSocialModel.FirstStage.answer(firstP[i], firstOffsets, guard, lex, threshold) >= 0 ? 1 : 0;
            int answer = cascade(p[i], firstP[i], offsets, guard, firstOffsets, lex, threshold);
            counts[it.gold()][answer]++;
            if (lexiconClass(it) == it.gold()) {
                right[0]++;
                kept[0] += answer == it.gold() ? 1 : 0;
                if (Math.abs(lex.compound()) >= LADEN) {
                    right[1]++;
                    kept[1] += answer == it.gold() ? 1 : 0;
                }
            }
        }
        return new double[] {
            weightedFigures(counts, rowSums(counts))[0],
            kept[0] / (double) Math.max(1, right[0]),
            kept[1] / (double) Math.max(1, right[1]),
            alone / (double) p.length
        };
    }

    /** Macro-F1 per VADER corpus of the cascade's answers at this threshold. */
    static double[] cascadeSnippetF1(
            List<Item> snippets,
            List<double[]> p,
            List<double[]> firstP,
            double[] offsets,
            EnglishSocialModel.LexiconGuard guard,
            double[] firstOffsets,
            double threshold) {
        int corpora = DataSets.VaderCorpus.values().length;
        double[][][] counts = new double[corpora][3][3];
        for (int i = 0; i < snippets.size(); i++) {
            Item it = snippets.get(i);
            counts[it.group() - TWEET_FILES.size()][it.gold()][
                    cascade(
                            p.get(i),
                            firstP.get(i),
                            offsets,
                            guard,
                            firstOffsets,
                            it.example().lexicon(),
                            threshold)]++;
        }
        double[] f1 = new double[corpora];
        for (int c = 0; c < corpora; c++) {
            f1[c] = weightedFigures(counts[c], rowSums(counts[c]))[1];
        }
        return f1;
    }

    static EnglishSocialModel.FirstStage fitFirstStage(List<Item> items, List<Integer> rows) {
        List<EnglishSocialModel.Example> x = new ArrayList<>(rows.size());
        List<SentimentLabel> y = new ArrayList<>(rows.size());
        for (int i : rows) {
            x.add(items.get(i).example());
            y.add(SentimentLabel.values()[items.get(i).gold()]);
        }
        return EnglishSocialModel.FirstStage.fit(x, y, EnglishSocialModel.Settings.DEFAULT)
                .rounded();
    }

    /** Strength thresholds and log-probability bonuses tried by {@link #tuneGuard}. */
    static final double[] GUARD_STRONG = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};

    static final double GUARD_BONUS_STEP = 0.1;
    static final int GUARD_BONUS_STEPS = 30;
    /** How much tweet macro-recall (TweetEval's mix) the guard may cost on the inner out-of-fold answers. */
    static final double GUARD_RECALL_COST = 0.01;
    /** How much macro-F1 on each VADER snippet corpus the guard may cost on the inner out-of-fold answers. */
    static final double GUARD_SNIPPET_COST = 0.03;

    /**
     * The lexicon guard chosen on out-of-fold answers: the one with the best tweet macro-F1 once the tweets' classes
     * are weighted to the VADER tweet set's mix (mostly polar), among those that cost at most
     * {@link #GUARD_RECALL_COST} of macro-recall on the tweets as they are and at most {@link #GUARD_SNIPPET_COST}
     * of macro-F1 on any VADER snippet corpus; the smaller bonus on ties.
     */
    static EnglishSocialModel.LexiconGuard tuneGuard(
            double[][] p,
            int[] gold,
            List<LexiconScorer.Reading> readings,
            double[] offsets,
            List<Item> snippets,
            List<double[]> snippetOof) {
        double[] base = guardedFigures(p, gold, readings, offsets, EnglishSocialModel.LexiconGuard.NONE);
        double[] snippetBase = snippetF1(snippets, snippetOof, offsets, EnglishSocialModel.LexiconGuard.NONE);
        EnglishSocialModel.LexiconGuard best = EnglishSocialModel.LexiconGuard.NONE;
        double bestScore = base[1];
        for (double strong : GUARD_STRONG) {
            for (int b = 1; b <= GUARD_BONUS_STEPS; b++) {
                EnglishSocialModel.LexiconGuard guard =
                        new EnglishSocialModel.LexiconGuard(strong, Math.round(b * GUARD_BONUS_STEP * 100) / 100.0);
                double[] f = guardedFigures(p, gold, readings, offsets, guard);
                if (f[0] < base[0] - GUARD_RECALL_COST || f[1] <= bestScore + 1e-9) {
                    continue;
                }
                double[] sf = snippetF1(snippets, snippetOof, offsets, guard);
                if (noneBelow(sf, snippetBase, GUARD_SNIPPET_COST)) {
                    best = guard;
                    bestScore = f[1];
                }
            }
        }
        return best;
    }

    /** Whether every figure is at least its base figure minus {@code cost} (each VADER corpus' macro-F1). */
    static boolean noneBelow(double[] figures, double[] base, double cost) {
        for (int c = 0; c < figures.length; c++) {
            if (figures[c] < base[c] - cost) {
                return false;
            }
        }
        return true;
    }

    /** {tweet macro-recall, macro-F1 at the VADER tweets' mix} of the answers under offsets and guard. */
    static double[] guardedFigures(
            double[][] p,
            int[] gold,
            List<LexiconScorer.Reading> readings,
            double[] offsets,
            EnglishSocialModel.LexiconGuard guard) {
        double[][] counts = new double[3][3];
        for (int i = 0; i < p.length; i++) {
            counts[gold[i]][EnglishSocialModel.decide(p[i], offsets, guard, readings.get(i))]++;
        }
        double[] asIs = weightedFigures(counts, rowSums(counts));
        double[] vader = weightedFigures(counts, VADER_TWEETS_MIX);
        return new double[] {asIs[0], vader[1]};
    }

    /** Macro-F1 per VADER corpus of the snippets' answers under offsets and guard. */
    static double[] snippetF1(
            List<Item> snippets, List<double[]> p, double[] offsets, EnglishSocialModel.LexiconGuard guard) {
        int corpora = DataSets.VaderCorpus.values().length;
        double[][][] counts = new double[corpora][3][3];
        for (int i = 0; i < snippets.size(); i++) {
            Item it = snippets.get(i);
            counts[it.group() - TWEET_FILES.size()][it.gold()][
                    EnglishSocialModel.decide(
                            p.get(i), offsets, guard, it.example().lexicon())]++;
        }
        double[] f1 = new double[corpora];
        for (int c = 0; c < corpora; c++) {
            f1[c] = weightedFigures(counts[c], rowSums(counts[c]))[1];
        }
        return f1;
    }

    static double[] rowSums(double[][] counts) {
        double[] s = new double[counts.length];
        for (int g = 0; g < counts.length; g++) {
            for (double v : counts[g]) {
                s[g] += v;
            }
        }
        return s;
    }

    static EnglishSocialModel fit(List<Item> items, List<Integer> rows) {
        List<EnglishSocialModel.Example> x = new ArrayList<>(rows.size());
        List<SentimentLabel> y = new ArrayList<>(rows.size());
        for (int i : rows) {
            x.add(items.get(i).example());
            y.add(SentimentLabel.values()[items.get(i).gold()]);
        }
        return EnglishSocialModel.fit(x, y, new double[3], EnglishSocialModel.Settings.DEFAULT)
                .rounded();
    }

    static String fmt(double[] v) {
        return String.format(Locale.ROOT, "[%.2f, %.2f, %.2f]", v[0], v[1], v[2]);
    }
}
