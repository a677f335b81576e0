package dev.vigie.nlp.eval;

import dev.vigie.nlp.internal.linear.DenseSoftmax;
import dev.vigie.nlp.sentiment.CoreNlpSentiment;
import dev.vigie.nlp.sentiment.EnglishSentimentScorer;
import dev.vigie.nlp.sentiment.LexiconScorer;
import dev.vigie.nlp.sentiment.SentimentAnalyzer;
import dev.vigie.nlp.sentiment.SentimentLabel;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the English combiner ({@code combiner-en.tsv}) on the three VADER corpora and shows, honestly, what it is
 * worth: each corpus is scored by a combiner fitted on the two others (leave one corpus out), beside the lexicon
 * alone and CoreNLP alone, both with CoreNLP on every snippet and as shipped (CoreNLP only where the lexicon is
 * unsure). Figures: macro-F1, weighted F1 (the "F1" of the VADER paper's table 4), accuracy. Prints the weights to ship, fitted on all three corpora.
 *
 * <pre>
 * mvn -B -q -o -pl nlp exec:java -Dexec.mainClass=dev.vigie.nlp.eval.FitCombiner \
 *     -Dexec.args="--readings /tmp/corenlp-readings.tsv"
 * </pre>
 * CoreNLP reads all 19,500 snippets once (about 10 minutes); {@code --readings FILE} keeps its readings to run
 * again in seconds. {@code --data DIR} overrides the data folder.
 */
public final class FitCombiner {

    private FitCombiner() {
    }

    record Row(DataSets.Snippet snippet, LexiconScorer.Reading lex, CoreNlpSentiment.Reading core) {
    }

    public static void main(String[] args) throws IOException {
        String data = null;
        Path readings = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = args[++i];
                case "--readings" -> readings = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        Path dir = DataSets.dataDir(data);
        Map<String, CoreNlpSentiment.Reading> cached = readCache(readings);
        LexiconScorer lexicon = LexiconScorer.english();
        Map<DataSets.VaderCorpus, List<Row>> rows = new HashMap<>();
        try (PrintWriter cache = readings != null && cached.isEmpty()
                ? new PrintWriter(Files.newBufferedWriter(readings, StandardCharsets.UTF_8)) : null) {
            for (DataSets.VaderCorpus corpus : DataSets.VaderCorpus.values()) {
                List<Row> list = new ArrayList<>();
                for (DataSets.Snippet s : DataSets.vader(dir, corpus)) {
                    String key = s.corpus() + "\t" + s.id();
                    CoreNlpSentiment.Reading core = cached.get(key);
                    if (core == null) {
                        core = CoreNlpSentiment.shared().read(s.text());
                        if (cache != null) {
                            double[] p = core.probabilities();
                            cache.printf(Locale.ROOT, "%s\t%d\t%f\t%f\t%f\t%f\t%f%n", key, core.sentences(), p[0], p[1], p[2], p[3], p[4]);
                        }
                    }
                    list.add(new Row(s, lexicon.read(s.text()), core));
                }
                rows.put(corpus, list);
            }
        }
        System.out.println("English combiner, leave one corpus out (macro-F1 / weighted F1 / accuracy):");
        double margin = SentimentAnalyzer.Builder.DEFAULT_UNCERTAINTY_MARGIN;
        System.out.printf(Locale.ROOT, "%-8s %22s %22s %22s %22s %10s%n", "corpus", "lexicon (VADER)", "CoreNLP alone",
                "combined (LOCO)", "default (LOCO, gated)", "VADER F1");
        for (DataSets.VaderCorpus test : DataSets.VaderCorpus.values()) {
            List<Row> train = new ArrayList<>();
            rows.forEach((c, r) -> {
                if (c != test) {
                    train.addAll(r);
                }
            });
            DenseSoftmax combiner = fit(train);
            ConfusionMatrix lex = new ConfusionMatrix(labels());
            ConfusionMatrix core = new ConfusionMatrix(labels());
            ConfusionMatrix comb = new ConfusionMatrix(labels());
            ConfusionMatrix gated = new ConfusionMatrix(labels());
            int viaCoreNlp = 0;
            for (Row r : rows.get(test)) {
                String gold = r.snippet().gold().id();
                lex.add(gold, SentimentLabel.ofScore(r.lex().compound(), LexiconScorer.DEFAULT_THRESHOLD).id());
                core.add(gold, coreLabel(r.core()).id());
                String combined = argmax(combiner.probabilities(EnglishSentimentScorer.features(r.lex(), r.core()))).id();
                comb.add(gold, combined);
                if (Math.abs(r.lex().compound()) >= margin) {
                    gated.add(gold, SentimentLabel.ofScore(r.lex().compound(), LexiconScorer.DEFAULT_THRESHOLD).id());
                } else {
                    gated.add(gold, combined);
                    viaCoreNlp++;
                }
            }
            System.out.printf(Locale.ROOT, "%-8s %s %s %s %s %10.2f   (%d of %d snippets through CoreNLP by default)%n",
                    test.name().toLowerCase(Locale.ROOT), figures(lex), figures(core), figures(comb), figures(gated),
                    test.vaderF1, viaCoreNlp, rows.get(test).size());
        }
        List<Row> all = new ArrayList<>();
        rows.values().forEach(all::addAll);
        DenseSoftmax shipped = fit(all);
        System.out.println();
        System.out.println("# English sentiment combiner, fitted by dev.vigie.nlp.eval.FitCombiner on the VADER ground-truth");
        System.out.println("# snippets (C.J. Hutto, MIT licence, see nlp/NOTICE). One line per class: bias, then one weight per feature:");
        System.out.println("# " + String.join(", ", EnglishSentimentScorer.FEATURE_NAMES));
        for (SentimentLabel label : SentimentLabel.values()) {
            StringBuilder line = new StringBuilder(label.id());
            for (double w : shipped.weights(label.ordinal())) {
                line.append('\t').append(String.format(Locale.ROOT, "%.5f", w));
            }
            System.out.println(line);
        }
    }

    static String figures(ConfusionMatrix m) {
        return String.format(Locale.ROOT, "%8.3f / %.3f / %.3f", m.macroF1(), m.weightedF1(), m.accuracy());
    }

    /** CoreNLP's own 3-class answer: the most probable of negative (both), neutral, positive (both). */
    static SentimentLabel coreLabel(CoreNlpSentiment.Reading r) {
        double neg = r.negative();
        double neu = r.neutral();
        double pos = r.positive();
        return neg >= neu && neg >= pos ? SentimentLabel.NEGATIVE : pos >= neu ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    }

    static List<String> labels() {
        return List.of(SentimentLabel.NEGATIVE.id(), SentimentLabel.NEUTRAL.id(), SentimentLabel.POSITIVE.id());
    }

    static SentimentLabel argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return SentimentLabel.values()[best];
    }

    /**
     * Fits with classes weighted by the square root of their inverse frequency: a compromise between accuracy
     * (no weighting) and macro-F1 (full weighting would predict the rare neutral class far too often).
     */
    static DenseSoftmax fit(List<Row> rows) {
        List<double[]> x = new ArrayList<>();
        int[] y = new int[rows.size()];
        int[] counts = new int[3];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            x.add(EnglishSentimentScorer.features(r.lex(), r.core()));
            y[i] = r.snippet().gold().ordinal();
            counts[y[i]]++;
        }
        double[] weights = new double[3];
        for (int c = 0; c < 3; c++) {
            weights[c] = Math.sqrt((double) rows.size() / (3.0 * Math.max(1, counts[c])));
        }
        return DenseSoftmax.fit(x, y, 3, weights, 3000);
    }

    private static Map<String, CoreNlpSentiment.Reading> readCache(Path file) throws IOException {
        Map<String, CoreNlpSentiment.Reading> map = new HashMap<>();
        if (file == null || !Files.exists(file)) {
            return map;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t");
            double[] p = new double[5];
            for (int k = 0; k < 5; k++) {
                p[k] = Double.parseDouble(c[3 + k]);
            }
            map.put(c[0] + "\t" + c[1], new CoreNlpSentiment.Reading(p, Integer.parseInt(c[2])));
        }
        return map;
    }
}
