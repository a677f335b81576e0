package dev.vigie.nlp.eval;

import dev.vigie.nlp.internal.linear.TfidfClassifier;
import dev.vigie.nlp.internal.linear.WordVectors;
import dev.vigie.nlp.sentiment.EnglishSentimentModel;
import dev.vigie.nlp.sentiment.LabelledText;
import dev.vigie.nlp.sentiment.LexiconScorer;
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
 * mvn -B -q -o -pl nlp exec:java -Dexec.mainClass=dev.vigie.nlp.eval.Evaluate -Dexec.args="--sets en,fr,themes"
 * </pre>
 * Options: {@code --data DIR} (default: property {@code vigie.data.dir}, else {@code ../shared/data}),
 * {@code --sets en,fr,themes}, {@code --readings FILE} (English: CoreNLP's readings of the snippets, kept in
 * FILE so that a second run does not parse them again, see {@link CoreNlpReadings}), {@code --threads N} (CoreNLP
 * threads when it has to read them), {@code --margin X} (English uncertainty margin, default
 * {@value SentimentAnalyzer.Builder#DEFAULT_UNCERTAINTY_MARGIN}). English figures are 5-fold cross-validated
 * ({@link EnglishSentimentCrossValidation}).
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String data = null;
        Set<String> sets = Set.of("en", "fr", "themes");
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
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]
                        + " (expected --data DIR, --sets en,fr,themes, --readings FILE, --threads N, --margin X)");
            }
        }
        Path dir = DataSets.dataDir(data);
        if (sets.contains("en")) {
            english(dir, readings, threads, margin);
        }
        if (sets.contains("fr")) {
            french(dir);
        }
        if (sets.contains("themes")) {
            themes(dir);
        }
    }

    private static void english(Path dir, Path readings, int threads, double margin) throws IOException, InterruptedException {
        System.out.println("== English sentiment: VADER ground truth (3 classes: mean rating / 4 vs +-0.05) ==");
        EnglishSentimentCrossValidation.report(EnglishSentimentCrossValidation.load(dir, readings, threads),
                EnglishSentimentCrossValidation.DEFAULT_FOLDS, EnglishSentimentCrossValidation.DEFAULT_SEED, margin,
                EnglishSentimentModel.Settings.DEFAULT, false);
        System.out.println("(VADER F1 as published, Hutto and Gilbert 2014, table 4)");
        System.out.println();
    }

    private static void french(Path dir) throws IOException {
        System.out.println("== French sentiment ==");
        List<LabelledText> deftTrain = DataSets.deft(dir, "train");
        List<LabelledText> deftVal = DataSets.deft(dir, "val");
        ConfusionMatrix shipped = evaluate(LexiconScorer.french(), deftVal, false);
        System.out.printf(Locale.ROOT, "-- DEFT 2017 val (%d tweets), shipped lexicon scorer: accuracy %.3f, macro-F1 %.3f%n",
                deftVal.size(), shipped.accuracy(), shipped.macroF1());
        System.out.print(shipped.format());
        long start = System.nanoTime();
        TrainedSentimentModel deftModel = TrainedSentimentModel.train(deftTrain, TrainedSentimentModel.Settings.DEFAULT);
        long trainMs = (System.nanoTime() - start) / 1_000_000;
        ConfusionMatrix trained = evaluate(deftModel, deftVal, false);
        System.out.printf(Locale.ROOT, "-- DEFT 2017 val, model trained on DEFT train (%d tweets, %d ms): accuracy %.3f, macro-F1 %.3f%n",
                deftTrain.size(), trainMs, trained.accuracy(), trained.macroF1());
        System.out.print(trained.format());
        System.out.println("(published macro-F1 on the DEFT test split: FastText 0.548, XLM-R 0.720)");

        List<LabelledText> alloTrain = DataSets.allocine(dir, "train");
        List<LabelledText> alloDev = DataSets.allocine(dir, "dev");
        ConfusionMatrix alloShipped = evaluate(LexiconScorer.french(), alloDev, true);
        System.out.printf(Locale.ROOT, "-- Allocine TV reviews dev (%d, 2 classes by the sign of the score), shipped lexicon: accuracy %.3f, macro-F1 %.3f%n",
                alloDev.size(), alloShipped.accuracy(), alloShipped.macroF1());
        System.out.print(alloShipped.format());
        TrainedSentimentModel alloModel = TrainedSentimentModel.train(alloTrain, TrainedSentimentModel.Settings.DEFAULT);
        ConfusionMatrix alloTrained = evaluate(alloModel, alloDev, true);
        System.out.printf(Locale.ROOT, "-- Allocine dev, model trained on Allocine train (%d): accuracy %.3f, macro-F1 %.3f%n",
                alloTrain.size(), alloTrained.accuracy(), alloTrained.macroF1());
        System.out.print(alloTrained.format());
        System.out.println("(no published figure for this set)");
        System.out.println();
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
        System.out.printf(Locale.ROOT, "Each draw shuffles the %,d items with its seed, trains on the first k of each"
                + " class and tests on all the other items (none seen in training).%n", all.size());
        int[] ks = {10, 50, 200};
        long[] seeds = {1, 2, 3, 4, 5};
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long loadStart = System.nanoTime();
        int vectors = WordVectors.english().size();
        System.out.printf(Locale.ROOT, "Word vectors: %,d words read in %d ms (once per JVM, not in train ms below)."
                + " Train: CPU ms of one training; items/CPU-s: classification rate.%n", vectors,
                (System.nanoTime() - loadStart) / 1_000_000);
        System.out.printf(Locale.ROOT, "%-5s %7s  %-25s %9s  %-25s %9s %13s%n", "k", "test n",
                "accuracy min / mean / max", "macro-F1", "words only (no vectors)", "train ms", "items/CPU-s");
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
                        .map(label -> new Theme(label, label, split.train().get(label), List.of())).toList();
                long start = cpu.getCurrentThreadCpuTime();
                ThemeClassifier classifier = ThemeClassifier.train(themes);
                trainNanos += cpu.getCurrentThreadCpuTime() - start;
                List<String> texts = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                split.train().forEach((label, examples) -> examples.forEach(text -> {
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
            System.out.printf(Locale.ROOT, "%-5d %7d  %-25s %9.3f  %-25s %9.0f %13.0f%n", k, testSize,
                    minMeanMax(acc), f1, minMeanMax(wordsOnly), trainNanos / 1e6 / seeds.length,
                    classified / (classifyCpuNanos / 1e9));
            System.out.println("      accuracy of each draw (seeds " + Arrays.toString(seeds) + "): "
                    + Arrays.stream(acc).mapToObj(a -> String.format(Locale.ROOT, "%.3f", a)).toList());
            if (k == ks[ks.length - 1]) {
                System.out.println("confusion, k = " + k + ", seed " + seeds[0] + ":");
                System.out.print(first.format());
            }
        }
        System.out.println("(published: char-level CNN trained on 120,000 items, 90.5 % accuracy on the test split)");
    }

    private static String minMeanMax(double[] values) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", Arrays.stream(values).min().orElse(0),
                Arrays.stream(values).average().orElse(0), Arrays.stream(values).max().orElse(0));
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
        return new ConfusionMatrix(List.of(SentimentLabel.NEGATIVE.id(), SentimentLabel.NEUTRAL.id(), SentimentLabel.POSITIVE.id()));
    }
}
