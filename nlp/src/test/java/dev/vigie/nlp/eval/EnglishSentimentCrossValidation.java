package dev.vigie.nlp.eval;

import dev.vigie.nlp.internal.linear.OffsetTuning;
import dev.vigie.nlp.internal.linear.SparseSoftmax;
import dev.vigie.nlp.internal.linear.TextFeatures;
import dev.vigie.nlp.sentiment.CoreNlpSentiment;
import dev.vigie.nlp.sentiment.EnglishSentimentModel;
import dev.vigie.nlp.sentiment.LexiconScorer;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.sentiment.SentimentLabel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How good English sentiment is, measured out of sample, and the fitting of the shipped model
 * ({@code sentiment-en.model}). The 19,503 VADER snippets (three corpora) are split into 5 folds, stratified by
 * corpus and class, with a fixed seed; each fold is scored by a model fitted on the four others, so no snippet is
 * scored by weights that saw it. The decision offsets that trade accuracy for the rare neutral class are chosen
 * inside the training folds too (from a second, inner 5-fold split of them), to maximise the mean of the three
 * corpora's macro-F1. Printed per corpus: macro-F1, F1 of each class, accuracy, weighted F1 (the "F1" of the VADER
 * paper's table 4) and the confusion matrix, beside the lexicon alone, CoreNLP alone and VADER's published F1.
 *
 * <pre>
 * java -Xmx2g -cp ... dev.vigie.nlp.eval.EnglishSentimentCrossValidation --readings /tmp/corenlp-readings.tsv \
 *     [--write nlp/src/main/resources/dev/vigie/nlp/sentiment/sentiment-en.model]
 * </pre>
 * {@code --readings FILE} keeps CoreNLP's readings of the snippets ({@link CoreNlpReadings}; computed and appended
 * when missing, about an hour on one thread). {@code --write FILE} then fits the model on all the snippets (offsets
 * from a 5-fold split of all of them) and writes it. {@code --leave-one-corpus-out} scores each corpus with a
 * model fitted on the two others instead (a domain the model has not seen). {@code --folds N}, {@code --seed S},
 * {@code --margin X} (CoreNLP gate of the default scorer), {@code --data DIR}.
 */
public final class EnglishSentimentCrossValidation {

    /** Seed of the fold assignment and of the regressions' shuffling. */
    public static final long DEFAULT_SEED = 20261130L;

    public static final int DEFAULT_FOLDS = 5;

    private EnglishSentimentCrossValidation() {}

    /** One snippet, its readings and its gold class. */
    record Item(DataSets.Snippet snippet, EnglishSentimentModel.Example example, int gold, int corpus) {}

    public static void main(String[] args) throws Exception {
        String data = null;
        Path readings = null;
        Path write = null;
        int folds = DEFAULT_FOLDS;
        long seed = DEFAULT_SEED;
        int threads = 1;
        double margin = SentimentAnalyzer.Builder.DEFAULT_UNCERTAINTY_MARGIN;
        boolean leaveOneCorpusOut = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = args[++i];
                case "--readings" -> readings = Path.of(args[++i]);
                case "--write" -> write = Path.of(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--margin" -> margin = Double.parseDouble(args[++i]);
                case "--leave-one-corpus-out" -> leaveOneCorpusOut = true;
                default ->
                    throw new IllegalArgumentException(
                            "unknown argument: " + args[i] + " (expected --readings FILE,"
                                    + " --write FILE, --folds N, --seed S, --threads N, --margin X, --leave-one-corpus-out, --data DIR)");
            }
        }
        if (folds < 2) {
            throw new IllegalArgumentException("--folds must be at least 2: " + folds);
        }
        List<Item> items = load(DataSets.dataDir(data), readings, threads);
        EnglishSentimentModel.Settings settings = EnglishSentimentModel.Settings.DEFAULT;
        report(items, folds, seed, margin, settings, leaveOneCorpusOut);
        if (write != null) {
            EnglishSentimentModel model = fitShipped(items, folds, seed, settings);
            model.save(write);
            System.out.printf(
                    Locale.ROOT,
                    "wrote the model fitted on all %d snippets to %s (offsets without CoreNLP %s, with %s)%n",
                    items.size(),
                    write,
                    fmt(model.withoutCoreNlp().offsets()),
                    fmt(model.withCoreNlp().offsets()));
        }
    }

    static List<Item> load(Path dir, Path readings, int threads) throws IOException, InterruptedException {
        List<DataSets.Snippet> snippets = new ArrayList<>();
        for (DataSets.VaderCorpus corpus : DataSets.VaderCorpus.values()) {
            snippets.addAll(DataSets.vader(dir, corpus));
        }
        Map<String, CoreNlpSentiment.Reading> core = CoreNlpReadings.load(readings, snippets, threads);
        LexiconScorer lexicon = LexiconScorer.english();
        List<Item> items = new ArrayList<>(snippets.size());
        for (DataSets.Snippet s : snippets) {
            items.add(new Item(
                    s,
                    EnglishSentimentModel.Example.read(s.text(), lexicon, core.get(CoreNlpReadings.key(s))),
                    s.gold().ordinal(),
                    DataSets.VaderCorpus.valueOf(s.corpus().toUpperCase(Locale.ROOT))
                            .ordinal()));
        }
        return items;
    }

    /** Fold of each item: within each (corpus, class), a seeded shuffle dealt round-robin. */
    static int[] folds(List<Item> items, int k, long seed) {
        Map<Integer, List<Integer>> strata = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            strata.computeIfAbsent(items.get(i).corpus() * 3 + items.get(i).gold(), x -> new ArrayList<>())
                    .add(i);
        }
        int[] fold = new int[items.size()];
        Random random = new Random(seed);
        int next = 0;
        for (List<Integer> stratum : strata.values()) {
            Collections.shuffle(stratum, random);
            for (int i : stratum) {
                fold[i] = next++ % k;
            }
        }
        return fold;
    }

    /** Probabilities (out of fold) and decisions of one part for every item. */
    record Predictions(double[][] probabilities, int[] decisions) {}

    /**
     * Out-of-fold predictions of one part: for each fold, a part fitted on the other folds with its offsets tuned
     * on an inner split of those folds only.
     */
    static Predictions crossValidate(
            List<Item> items, boolean coreNlp, int k, long seed, EnglishSentimentModel.Settings settings) {
        return crossValidate(items, coreNlp, folds(items, k, seed), k, seed, settings);
    }

    /** The same with a given outer split ({@code fold[i]} in 0..{@code outer - 1}); inner splits have {@code k} folds. */
    static Predictions crossValidate(
            List<Item> items, boolean coreNlp, int[] fold, int k, long seed, EnglishSentimentModel.Settings settings) {
        TextFeatures text = EnglishSentimentModel.textFeatures(settings.bits());
        List<TextFeatures.SparseVector> vectors = vectors(items, text, coreNlp);
        int outer = java.util.Arrays.stream(fold).max().orElse(0) + 1;
        double[][] p = new double[items.size()][];
        int[] decisions = new int[items.size()];
        for (int f = 0; f < outer; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                (fold[i] == f ? test : train).add(i);
            }
            EnglishSentimentModel.Part part = fitWithOffsets(items, vectors, train, coreNlp, k, seed + f + 1, settings);
            for (int i : test) {
                p[i] = part.softmax().probabilities(vectors.get(i));
                decisions[i] = EnglishSentimentModel.decide(p[i], part.offsets());
            }
            System.err.printf(
                    Locale.ROOT,
                    "  %s CoreNLP: fold %d of %d done, offsets %s%n",
                    coreNlp ? "with" : "without",
                    f + 1,
                    outer,
                    fmt(part.offsets()));
        }
        return new Predictions(p, decisions);
    }

    /** A part fitted on {@code train}, with offsets tuned on out-of-fold predictions within {@code train}. */
    static EnglishSentimentModel.Part fitWithOffsets(
            List<Item> items,
            List<TextFeatures.SparseVector> vectors,
            List<Integer> train,
            boolean coreNlp,
            int k,
            long seed,
            EnglishSentimentModel.Settings settings) {
        List<Item> sub = train.stream().map(items::get).toList();
        int[] inner = folds(sub, k, seed);
        double[][] oof = new double[sub.size()][];
        for (int f = 0; f < k; f++) {
            List<Integer> fitOn = new ArrayList<>();
            for (int j = 0; j < sub.size(); j++) {
                if (inner[j] != f) {
                    fitOn.add(train.get(j));
                }
            }
            SparseSoftmax s = fit(items, vectors, fitOn, coreNlp, settings);
            for (int j = 0; j < sub.size(); j++) {
                if (inner[j] == f) {
                    oof[j] = s.probabilities(vectors.get(train.get(j)));
                }
            }
        }
        int[] gold = sub.stream().mapToInt(Item::gold).toArray();
        int[] group = sub.stream().mapToInt(Item::corpus).toArray();
        double[] offsets = OffsetTuning.tune(oof, gold, group);
        // rounded as the model file stores it, so that what is measured is what ships
        return new EnglishSentimentModel.Part(
                fit(items, vectors, train, coreNlp, settings).rounded(), offsets);
    }

    static SparseSoftmax fit(
            List<Item> items,
            List<TextFeatures.SparseVector> vectors,
            List<Integer> rows,
            boolean coreNlp,
            EnglishSentimentModel.Settings settings) {
        List<TextFeatures.SparseVector> x = new ArrayList<>(rows.size());
        int[] y = new int[rows.size()];
        for (int j = 0; j < y.length; j++) {
            x.add(vectors.get(rows.get(j)));
            y[j] = items.get(rows.get(j)).gold();
        }
        TextFeatures text = EnglishSentimentModel.textFeatures(settings.bits());
        return SparseSoftmax.fit(
                x,
                y,
                3,
                EnglishSentimentModel.dimensions(text, coreNlp),
                SparseSoftmax.balancedWeights(y, 3),
                settings.learning());
    }

    static List<TextFeatures.SparseVector> vectors(List<Item> items, TextFeatures text, boolean coreNlp) {
        List<TextFeatures.SparseVector> out = new ArrayList<>(items.size());
        for (Item item : items) {
            out.add(EnglishSentimentModel.vector(text, item.example(), coreNlp));
        }
        return out;
    }

    /** The shipped model: both parts fitted on every item, offsets from a k-fold split of all of them. */
    static EnglishSentimentModel fitShipped(
            List<Item> items, int k, long seed, EnglishSentimentModel.Settings settings) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            all.add(i);
        }
        TextFeatures text = EnglishSentimentModel.textFeatures(settings.bits());
        EnglishSentimentModel.Part without =
                fitWithOffsets(items, vectors(items, text, false), all, false, k, seed, settings);
        EnglishSentimentModel.Part with =
                fitWithOffsets(items, vectors(items, text, true), all, true, k, seed, settings);
        return EnglishSentimentModel.of(settings.bits(), without, with);
    }

    /**
     * Prints the figures of a k-fold split, or, with {@code leaveOneCorpusOut}, of each corpus scored by a model
     * fitted on the two others only (how the model carries to a domain it has not seen).
     */
    static void report(
            List<Item> items,
            int k,
            long seed,
            double margin,
            EnglishSentimentModel.Settings settings,
            boolean leaveOneCorpusOut) {
        long start = System.nanoTime();
        int[] fold = leaveOneCorpusOut ? items.stream().mapToInt(Item::corpus).toArray() : folds(items, k, seed);
        Predictions without = crossValidate(items, false, fold, k, seed, settings);
        Predictions with = crossValidate(items, true, fold, k, seed, settings);
        if (leaveOneCorpusOut) {
            System.out.printf(
                    Locale.ROOT,
                    "== English sentiment, leave one corpus out (each corpus scored by a model fitted on the two others, %d snippets, %.0f s) ==%n",
                    items.size(),
                    (System.nanoTime() - start) / 1e9);
            System.out.println(
                    "No snippet of the scored corpus is in training; decision offsets chosen on the two training corpora.");
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "== English sentiment, %d-fold cross-validation (stratified by corpus and class, seed %d, %d snippets, %.0f s) ==%n",
                    k,
                    seed,
                    items.size(),
                    (System.nanoTime() - start) / 1e9);
            System.out.println(
                    "Every figure is out of sample: each snippet is scored by a model fitted on the other folds, decision offsets");
            System.out.println("chosen inside those folds.");
        }
        System.out.println(
                "CoreNLP's sentiment model was trained on the Stanford Sentiment Treebank, built from the same Rotten Tomatoes");
        System.out.println("snippets as the movie corpus: figures that use CoreNLP are not out of sample on movie.");
        List<String> summary = new ArrayList<>();
        for (DataSets.VaderCorpus corpus : DataSets.VaderCorpus.values()) {
            ConfusionMatrix lex = matrix();
            ConfusionMatrix core = matrix();
            ConfusionMatrix mWithout = matrix();
            ConfusionMatrix mWith = matrix();
            ConfusionMatrix gated = matrix();
            int viaCore = 0;
            int n = 0;
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                if (item.corpus() != corpus.ordinal()) {
                    continue;
                }
                n++;
                String gold = SentimentLabel.values()[item.gold()].id();
                LexiconScorer.Reading l = item.example().lexicon();
                lex.add(
                        gold,
                        SentimentLabel.ofScore(l.compound(), LexiconScorer.DEFAULT_THRESHOLD)
                                .id());
                core.add(gold, coreLabel(item.example().core()).id());
                String a = SentimentLabel.values()[without.decisions()[i]].id();
                String b = SentimentLabel.values()[with.decisions()[i]].id();
                mWithout.add(gold, a);
                mWith.add(gold, b);
                if (Math.abs(l.compound()) >= margin) {
                    gated.add(gold, a);
                } else {
                    gated.add(gold, b);
                    viaCore++;
                }
            }
            String name = corpus.name().toLowerCase(Locale.ROOT);
            System.out.printf(
                    Locale.ROOT,
                    "%n-- %s: %d snippets (negative %d, neutral %d, positive %d); VADER's published F1 %.2f%n",
                    name,
                    n,
                    lex.count("negative", "negative") + rowRest(lex, "negative"),
                    lex.count("neutral", "neutral") + rowRest(lex, "neutral"),
                    lex.count("positive", "positive") + rowRest(lex, "positive"),
                    corpus.vaderF1);
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %8s %7s %7s %7s %9s %11s%n",
                    "",
                    "macro-F1",
                    "F1 neg",
                    "F1 neu",
                    "F1 pos",
                    "accuracy",
                    "weighted F1");
            System.out.println(row("lexicon (VADER port), no fitting", lex));
            System.out.println(
                    row("CoreNLP alone" + (corpus == DataSets.VaderCorpus.MOVIE ? " (in sample)" : ""), core));
            System.out.println(row("model without CoreNLP (held out)", mWithout));
            System.out.println(
                    row("model with CoreNLP (held out)" + (corpus == DataSets.VaderCorpus.MOVIE ? " *" : ""), mWith));
            System.out.println(row(
                    String.format(
                            Locale.ROOT,
                            "default (held out, CoreNLP on %.0f %%)%s",
                            100.0 * viaCore / n,
                            corpus == DataSets.VaderCorpus.MOVIE ? " *" : ""),
                    gated));
            System.out.println("confusion matrix of the default (rows gold, columns predicted):");
            System.out.print(gated.format());
            summary.add(String.format(
                    Locale.ROOT,
                    "%-8s %10.3f %11.3f %8.3f %8.3f %5s %10.3f %8.3f %10.2f   %s / %s",
                    name,
                    lex.macroF1(),
                    mWithout.macroF1(),
                    mWith.macroF1(),
                    gated.macroF1(),
                    "|",
                    lex.weightedF1(),
                    gated.weightedF1(),
                    corpus.vaderF1,
                    gated.macroF1() > corpus.vaderF1 ? "above" : "BELOW",
                    gated.weightedF1() > corpus.vaderF1 ? "above" : "BELOW"));
        }
        System.out.printf(
                Locale.ROOT,
                "%n%s: macro-F1 (the issue's measure) and weighted F1; VADER's published \"F1\" (table 4)%n",
                leaveOneCorpusOut ? "leave one corpus out" : k + "-fold CV");
        System.out.printf(
                Locale.ROOT,
                "%-8s %10s %11s %8s %8s %5s %10s %8s %10s   %s%n",
                "",
                "macro-F1:",
                "",
                "",
                "",
                "|",
                "weighted:",
                "",
                "",
                "default vs published,");
        System.out.printf(
                Locale.ROOT,
                "%-8s %10s %11s %8s %8s %5s %10s %8s %10s   %s%n",
                "corpus",
                "VADER port",
                "no CoreNLP",
                "CoreNLP",
                "default",
                "|",
                "VADER port",
                "default",
                "published",
                "macro / weighted");
        summary.forEach(System.out::println);
        System.out.println(
                "VADER port: Vigie's port of the VADER lexicon and rules, unfitted. Its weighted F1 comes close to the paper's");
        System.out.println(
                "figure on each corpus and its macro-F1 does not: the published F1 looks weighted by class support.");
        System.out.println(
                "(* CoreNLP's model saw the movie snippets in its training: that figure is not out of sample.)");
    }

    private static long rowRest(ConfusionMatrix m, String gold) {
        long n = 0;
        for (String predicted : m.labels()) {
            if (!predicted.equals(gold)) {
                n += m.count(gold, predicted);
            }
        }
        return n;
    }

    private static String row(String name, ConfusionMatrix m) {
        return String.format(
                Locale.ROOT,
                "%-40s %8.3f %7.3f %7.3f %7.3f %9.3f %11.3f",
                name,
                m.macroF1(),
                m.f1(SentimentLabel.NEGATIVE.id()),
                m.f1(SentimentLabel.NEUTRAL.id()),
                m.f1(SentimentLabel.POSITIVE.id()),
                m.accuracy(),
                m.weightedF1());
    }

    static ConfusionMatrix matrix() {
        return new ConfusionMatrix(
                List.of(SentimentLabel.NEGATIVE.id(), SentimentLabel.NEUTRAL.id(), SentimentLabel.POSITIVE.id()));
    }

    /** CoreNLP's own 3-class answer: the most probable of negative (both), neutral, positive (both). */
    static SentimentLabel coreLabel(CoreNlpSentiment.Reading r) {
        double neg = r.negative();
        double neu = r.neutral();
        double pos = r.positive();
        return neg >= neu && neg >= pos
                ? SentimentLabel.NEGATIVE
                : pos >= neu ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    }

    private static String fmt(double[] v) {
        return String.format(Locale.ROOT, "[%.2f, %.2f, %.2f]", v[0], v[1], v[2]);
    }
}
