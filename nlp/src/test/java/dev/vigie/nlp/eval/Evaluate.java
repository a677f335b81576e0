package dev.vigie.nlp.eval;

import dev.vigie.nlp.internal.linear.TfidfClassifier;
import dev.vigie.nlp.internal.linear.WordVectors;
import dev.vigie.nlp.sentiment.EnglishSentimentModel;
import dev.vigie.nlp.sentiment.LabelledText;
import dev.vigie.nlp.sentiment.Sentiment;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.sentiment.SentimentLabel;
import dev.vigie.nlp.sentiment.SentimentScorer;
import dev.vigie.nlp.sentiment.TrainedSentimentModel;
import dev.vigie.nlp.theme.Theme;
import dev.vigie.nlp.theme.ThemeClassifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The evaluation command: accuracy, macro-F1 and confusion matrix of each model on each data set of the shared
 * folder, beside the published figures.
 *
 * <pre>
 * mvn -B -q -o -pl nlp install -DskipTests
 * mvn -B -q -o -pl nlp test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.vigie.nlp.eval.Evaluate -Dexec.args="--sets en,fr,themes"
 * </pre>
 * Options: {@code --data DIR} (default: property {@code vigie.data.dir}, else {@code ../shared/data}),
 * {@code --sets en,fr,themes}, {@code --readings FILE} (English: CoreNLP's readings of the snippets, kept in
 * FILE so that a second run does not parse them again, see {@link CoreNlpReadings}), {@code --threads N} (CoreNLP
 * threads when it has to read them), {@code --margin X} (English uncertainty margin, default
 * {@value SentimentAnalyzer.Builder#DEFAULT_UNCERTAINTY_MARGIN}). English figures are 5-fold cross-validated
 * ({@link EnglishSentimentCrossValidation}).
 */
public final class Evaluate {

    private Evaluate() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String data = null;
        Set<String> sets = Set.of("en", "fr", "themes");
        Path embeddings = null;
        Path readings = null;
        int threads = 1;
        double margin = SentimentAnalyzer.Builder.DEFAULT_UNCERTAINTY_MARGIN;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = args[++i];
                case "--sets" -> sets = Set.of(args[++i].split(","));
                case "--readings" -> readings = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--margin" -> margin = Double.parseDouble(args[++i]);
                case "--embeddings" -> embeddings = Path.of(args[++i]);
                default ->
                    throw new IllegalArgumentException("unknown argument: " + args[i]
                            + " (expected --data DIR, --sets en,en-reviews,fr,themes, --readings FILE, --embeddings FILE,"
                            + " --threads N, --margin X)");
            }
        }
        Path dir = DataSets.dataDir(data);
        if (sets.contains("en")) {
            englishSocial(dir, embeddings);
        }
        if (sets.contains("en-reviews")) {
            english(dir, readings, threads, margin);
        }
        if (sets.contains("fr")) {
            french(dir);
        }
        if (sets.contains("themes")) {
            themes(dir);
        }
    }

    /**
     * The default English model, cross-validated on the tweets and the VADER snippets it is fitted on (scoring them
     * with the shipped model would be in sample), beside the lexicon alone.
     */
    private static void englishSocial(Path dir, Path embeddings) throws IOException {
        System.out.println("== English sentiment (default): SemEval-2017 tweets (TweetEval) and VADER ground truth ==");
        EnglishTweetCrossValidation.report(
                EnglishTweetCrossValidation.load(dir, embeddings), EnglishTweetCrossValidation.DEFAULT_SEED);
        System.out.println();
    }

    private static void english(Path dir, Path readings, int threads, double margin)
            throws IOException, InterruptedException {
        System.out.println(
                "== English sentiment, review model with CoreNLP (--corenlp WHEN_UNCERTAIN): VADER ground truth"
                        + " (3 classes: mean rating / 4 vs +-0.05) ==");
        EnglishSentimentCrossValidation.report(
                EnglishSentimentCrossValidation.load(dir, readings, threads),
                EnglishSentimentCrossValidation.DEFAULT_FOLDS,
                EnglishSentimentCrossValidation.DEFAULT_SEED,
                margin,
                EnglishSentimentModel.Settings.DEFAULT,
                false);
        System.out.println("(VADER F1 as published, Hutto and Gilbert 2014, table 4)");
        System.out.println();
    }

    private static void french(Path dir) throws IOException {
        System.out.println(
                "== French sentiment: the shipped scorer (lexicon and phrasing rules, no model fitted on these sets)"
                        + " and models trained on each set's training split ==");
        SentimentAnalyzer analyzer = SentimentAnalyzer.builder().build();
        SentimentScorer shipped = text -> analyzer.analyze(text, "fr");
        List<LabelledText> deftTrain = DataSets.deft(dir, "train");
        List<LabelledText> deftVal = DataSets.deft(dir, "val");
        System.out.printf(Locale.ROOT, "%-58s %6s  %s%n", "set, scorer", "n", "macro-recall / macro-F1 / accuracy");
        ConfusionMatrix shippedVal = evaluate(shipped, deftVal, false);
        line("DEFT 2017 val, shipped scorer", shippedVal);
        line("DEFT 2017 train, shipped scorer", evaluate(shipped, deftTrain, false));
        long start = System.nanoTime();
        TrainedSentimentModel deftModel =
                TrainedSentimentModel.train(deftTrain, TrainedSentimentModel.Settings.DEFAULT);
        long trainMs = (System.nanoTime() - start) / 1_000_000;
        ConfusionMatrix trained = evaluate(deftModel, deftVal, false);
        line("DEFT 2017 val, trained on DEFT train (" + trainMs + " ms)", trained);
        System.out.println("DEFT val, shipped scorer:");
        System.out.print(shippedVal.format());
        System.out.println("(published macro-F1 on the DEFT test split: FastText 0.548, XLM-R 0.720)");

        List<LabelledText> alloTrain = DataSets.allocine(dir, "train");
        List<LabelledText> alloDev = DataSets.allocine(dir, "dev");
        ConfusionMatrix alloShipped = evaluate(shipped, alloDev, true);
        line("Allocine dev, shipped scorer (2 classes, sign of score)", alloShipped);
        line("Allocine train, shipped scorer (2 classes)", evaluate(shipped, alloTrain, true));
        TrainedSentimentModel alloModel =
                TrainedSentimentModel.train(alloTrain, TrainedSentimentModel.Settings.DEFAULT);
        line("Allocine dev, trained on Allocine train", evaluate(alloModel, alloDev, true));
        System.out.println("Allocine dev, shipped scorer:");
        System.out.print(alloShipped.format());
        System.out.println("(no published figure for this set)");
        System.out.println();
    }

    private static void line(String name, ConfusionMatrix m) {
        System.out.printf(
                Locale.ROOT,
                "%-58s %6d  %.3f / %.3f / %.3f%n",
                name,
                m.total(),
                m.macroRecall(),
                m.macroF1(),
                m.accuracy());
    }

    /** With {@code binary}, the decision is the sign of the score (a tie counts as negative). */
    private static ConfusionMatrix evaluate(SentimentScorer scorer, List<LabelledText> data, boolean binary) {
        ConfusionMatrix m = binary
                ? new ConfusionMatrix(List.of(SentimentLabel.NEGATIVE.id(), SentimentLabel.POSITIVE.id()))
                : matrix();
        for (LabelledText t : data) {
            Sentiment s = scorer.score(t.text());
            String predicted = binary
                    ? (s.score() > 0 ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE).id()
                    : s.label().id();
            m.add(t.label().id(), predicted);
        }
        return m;
    }

    private static void themes(Path dir) throws IOException {
        System.out.println("== Themes: AG News (4 classes), trained on k examples per class, tested on the rest ==");
        List<DataSets.Topic> all = DataSets.agNews(dir);
        System.out.printf(
                Locale.ROOT,
                "Each draw shuffles the %,d items with its seed, trains on the first k of each"
                        + " class and tests on all the other items (none seen in training).%n",
                all.size());
        int[] ks = {10, 50, 200};
        long[] seeds = {1, 2, 3, 4, 5};
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long loadStart = System.nanoTime();
        int vectors = WordVectors.english().size();
        System.out.printf(
                Locale.ROOT,
                "Word vectors: %,d words read in %d ms (once per JVM, not in train ms below)."
                        + " Train: CPU ms of one training; items/CPU-s: classification rate.%n",
                vectors,
                (System.nanoTime() - loadStart) / 1_000_000);
        System.out.printf(
                Locale.ROOT,
                "%-5s %7s  %-25s %9s  %-25s %9s %13s%n",
                "k",
                "test n",
                "accuracy min / mean / max",
                "macro-F1",
                "words only (no vectors)",
                "train ms",
                "items/CPU-s");
        for (int k : ks) {
            double[] acc = new double[seeds.length];
            double[] wordsOnly = new double[seeds.length];
            double f1 = 0;
            long trainNanos = 0;
            long classifyCpuNanos = 0;
            long classified = 0;
            int testSize = 0;
            ConfusionMatrix first = null;
            for (int s = 0; s < seeds.length; s++) {
                DataSets.TopicSplit split = DataSets.drawPerClass(all, k, seeds[s]);
                List<Theme> themes = DataSets.AG_NEWS_LABELS.stream()
                        .map(label -> new Theme(label, label, split.train().get(label), List.of()))
                        .toList();
                long start = cpu.getCurrentThreadCpuTime();
                ThemeClassifier classifier = ThemeClassifier.train(themes);
                trainNanos += cpu.getCurrentThreadCpuTime() - start;
                List<String> texts = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                split.train()
                        .forEach((label, examples) -> examples.forEach(text -> {
                            texts.add(text);
                            labels.add(label);
                        }));
                TfidfClassifier words = TfidfClassifier.train(texts, labels, WordVectors.NONE);
                ConfusionMatrix m = new ConfusionMatrix(DataSets.AG_NEWS_LABELS);
                ConfusionMatrix w = new ConfusionMatrix(DataSets.AG_NEWS_LABELS);
                long cpuStart = cpu.getCurrentThreadCpuTime();
                for (DataSets.Topic t : split.test()) {
                    m.add(t.label(), classifier.best(t.text()));
                }
                classifyCpuNanos += cpu.getCurrentThreadCpuTime() - cpuStart;
                classified += split.test().size();
                for (DataSets.Topic t : split.test()) {
                    w.add(t.label(), words.labels().get(argMax(words.probabilities(t.text()))));
                }
                acc[s] = m.accuracy();
                wordsOnly[s] = w.accuracy();
                f1 += m.macroF1() / seeds.length;
                testSize = split.test().size();
                if (first == null) {
                    first = m;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-5d %7d  %-25s %9.3f  %-25s %9.0f %13.0f%n",
                    k,
                    testSize,
                    minMeanMax(acc),
                    f1,
                    minMeanMax(wordsOnly),
                    trainNanos / 1e6 / seeds.length,
                    classified / (classifyCpuNanos / 1e9));
            System.out.println("      accuracy of each draw (seeds " + Arrays.toString(seeds) + "): "
                    + Arrays.stream(acc)
                            .mapToObj(a -> String.format(Locale.ROOT, "%.3f", a))
                            .toList());
            if (k == ks[ks.length - 1]) {
                System.out.println("confusion, k = " + k + ", seed " + seeds[0] + ":");
                System.out.print(first.format());
            }
        }
        System.out.println("(published: char-level CNN trained on 120,000 items, 90.5 % accuracy on the test split)");
        System.out.println();
        themesAsThePipelineCalls(dir);
    }

    /** Thresholds of {@link ThemeClassifier#classify} compared, chosen on one half of AG News, checked on the other. */
    /** Precision the choice asks for on the first half: the target's 0.85 and a margin for the other half. */
    static final double CHOICE_PRECISION = 0.87;

    static final double[] THRESHOLDS = {0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.50};

    /**
     * What {@code vigie run} does with themes: {@code classify()} on the title and text joined as the pipeline joins
     * them, keeping the themes at or above the threshold. Coverage: share of items given at least one theme;
     * precision: share of the (item, theme) pairs given that are right. The items are split in two halves (seeded):
     * the threshold is chosen on draws from the first (largest coverage at 50 examples per class with precision at
     * least {@value #CHOICE_PRECISION}, the target's 0.85 plus a margin), the figures at that threshold are then measured on draws from the second, which played no part
     * in the choice.
     */
    private static void themesAsThePipelineCalls(Path dir) throws IOException {
        System.out.println("== Themes as the pipeline calls them: classify(title + \"\\n\" + text) on AG News ==");
        List<DataSets.Topic> all = new ArrayList<>(DataSets.agNews(dir, "\n"));
        java.util.Collections.shuffle(all, new java.util.Random(20261203L));
        List<DataSets.Topic> tuneHalf = new ArrayList<>();
        List<DataSets.Topic> checkHalf = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 2 == 0 ? tuneHalf : checkHalf).add(all.get(i));
        }
        int[] ks = {10, 50, 200};
        long[] seeds = {1, 2, 3, 4, 5};
        double[][][] tune = new double[ks.length][][];
        System.out.printf(
                Locale.ROOT,
                "Choice half (%d items), mean of 5 draws, coverage / precision by threshold:%n",
                tuneHalf.size());
        System.out.printf(Locale.ROOT, "%-5s", "k");
        for (double t : THRESHOLDS) {
            System.out.printf(Locale.ROOT, " %13.2f", t);
        }
        System.out.println();
        for (int a = 0; a < ks.length; a++) {
            tune[a] = coverageAndPrecision(tuneHalf, ks[a], seeds);
            System.out.printf(Locale.ROOT, "%-5d", ks[a]);
            for (double[] cp : tune[a]) {
                System.out.printf(Locale.ROOT, "   %.3f/%.3f", cp[0], cp[1]);
            }
            System.out.println();
        }
        int fifty = 1;
        int chosen = -1;
        for (int t = 0; t < THRESHOLDS.length; t++) {
            if (tune[fifty][t][1] >= CHOICE_PRECISION && (chosen < 0 || tune[fifty][t][0] > tune[fifty][chosen][0])) {
                chosen = t;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Chosen on that half: %s (shipped ThemeClassifier.DEFAULT_MIN_SCORE = %.2f)%n",
                chosen < 0
                        ? "none reaches precision " + CHOICE_PRECISION
                        : String.format(Locale.ROOT, "%.2f", THRESHOLDS[chosen]),
                ThemeClassifier.DEFAULT_MIN_SCORE);
        System.out.printf(
                Locale.ROOT,
                "Check half (%d items, not used for the choice), mean of 5 draws, at the shipped threshold %.2f:%n",
                checkHalf.size(),
                ThemeClassifier.DEFAULT_MIN_SCORE);
        int shipped = -1;
        for (int t = 0; t < THRESHOLDS.length; t++) {
            if (Math.abs(THRESHOLDS[t] - ThemeClassifier.DEFAULT_MIN_SCORE) < 1e-9) {
                shipped = t;
            }
        }
        for (int k : ks) {
            double[][] check = coverageAndPrecision(checkHalf, k, seeds);
            double[] cp = shipped < 0 ? new double[] {Double.NaN, Double.NaN} : check[shipped];
            System.out.printf(
                    Locale.ROOT,
                    "  k = %-4d items themed %.1f %%, precision of the themes given %.1f %%%n",
                    k,
                    100 * cp[0],
                    100 * cp[1]);
        }
        System.out.println("Target: at 50 examples per class, >= 80 % of items themed with >= 85 % precision.");
    }

    /** Per threshold: mean coverage and mean precision over the draws (k examples per class, the rest tested). */
    private static double[][] coverageAndPrecision(List<DataSets.Topic> items, int k, long[] seeds) {
        double[][] out = new double[THRESHOLDS.length][2];
        for (long seed : seeds) {
            DataSets.TopicSplit split = DataSets.drawPerClass(items, k, seed);
            List<Theme> themes = DataSets.AG_NEWS_LABELS.stream()
                    .map(label -> new Theme(label, label, split.train().get(label), List.of()))
                    .toList();
            ThemeClassifier classifier = ThemeClassifier.train(themes);
            long[] covered = new long[THRESHOLDS.length];
            long[] given = new long[THRESHOLDS.length];
            long[] right = new long[THRESHOLDS.length];
            for (DataSets.Topic t : split.test()) {
                List<dev.vigie.nlp.theme.ThemeMatch> scores = classifier.scores(t.text());
                for (int i = 0; i < THRESHOLDS.length; i++) {
                    boolean any = false;
                    for (dev.vigie.nlp.theme.ThemeMatch m : scores) {
                        if (m.score() >= THRESHOLDS[i]) {
                            any = true;
                            given[i]++;
                            if (m.id().equals(t.label())) {
                                right[i]++;
                            }
                        }
                    }
                    if (any) {
                        covered[i]++;
                    }
                }
            }
            for (int i = 0; i < THRESHOLDS.length; i++) {
                out[i][0] += (double) covered[i] / split.test().size() / seeds.length;
                out[i][1] += (given[i] == 0 ? 1 : (double) right[i] / given[i]) / seeds.length;
            }
        }
        return out;
    }

    private static String minMeanMax(double[] values) {
        return String.format(
                Locale.ROOT,
                "%.3f / %.3f / %.3f",
                Arrays.stream(values).min().orElse(0),
                Arrays.stream(values).average().orElse(0),
                Arrays.stream(values).max().orElse(0));
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    private static ConfusionMatrix matrix() {
        return new ConfusionMatrix(
                List.of(SentimentLabel.NEGATIVE.id(), SentimentLabel.NEUTRAL.id(), SentimentLabel.POSITIVE.id()));
    }
}
