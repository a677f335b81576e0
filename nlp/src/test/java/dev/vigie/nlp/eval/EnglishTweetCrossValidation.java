package dev.vigie.nlp.eval;

import dev.vigie.nlp.internal.embed.SentenceEncoder;
import dev.vigie.nlp.internal.linear.OffsetTuning;
import dev.vigie.nlp.sentiment.EnglishSocialModel;
import dev.vigie.nlp.sentiment.LexiconScorer;
import dev.vigie.nlp.sentiment.SentimentLabel;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How good the default English model ({@link EnglishSocialModel}) is, measured out of sample, and the fitting of the
 * shipped one ({@code sentiment-en-social.model}). Data: the 8,143 English tweets of {@code sentiment-en-tweets}
 * (SemEval-2017 / TweetEval: its validation split and half of its test split) and the 19,503 VADER snippets. Both
 * are split into 5 folds with a fixed seed (stratified by file or corpus and by class); each fold is scored by a
 * model fitted on the four others, whose decision offsets are chosen for the tweets' macro-averaged recall on an
 * inner 3-fold split of those four folds only. Printed: per tweet file and per VADER corpus, macro-recall,
 * macro-F1, accuracy and the confusion matrix, beside the lexicon alone.
 *
 * <pre>
 * java -Xmx2g -cp ... dev.vigie.nlp.eval.EnglishTweetCrossValidation [--embeddings /tmp/emb.bin] \
 *     [--write nlp/src/main/resources/dev/vigie/nlp/sentiment/sentiment-en-social.model]
 * </pre>
 * {@code --embeddings FILE} keeps the sentence embeddings of all texts (computed and written when missing, about 4
 * minutes of CPU); {@code --write FILE} then fits the model on everything (offsets from a 3-fold split of all the
 * texts, tuned on the tweets) and writes it. {@code --no-report} skips the cross-validation. {@code --data DIR}, {@code --seed S}.
 */
public final class EnglishTweetCrossValidation {

    public static final long DEFAULT_SEED = 20261203L;
    static final int FOLDS = 5;
    /** Inner folds of the offset tuning (3 rather than 5: each fold is a full fit of about 20,000 texts). */
    static final int INNER_FOLDS = 3;
    static final String TWEETS = "sentiment-en-tweets";
    static final List<String> TWEET_FILES = List.of("tweeteval_val.tsv", "tweeteval_test_dev_half.tsv");

    private EnglishTweetCrossValidation() {
    }

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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = args[++i];
                case "--embeddings" -> embeddings = Path.of(args[++i]);
                case "--write" -> write = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--no-report" -> noReport = true;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]
                        + " (expected --data DIR, --embeddings FILE, --write FILE, --seed S)");
            }
        }
        List<Item> items = load(DataSets.dataDir(data), embeddings);
        if (write != null) {
            EnglishSocialModel model = fitWithOffsets(items, allRows(items), seed);
            model.save(write);
            System.out.printf(Locale.ROOT, "wrote the model fitted on all %d texts to %s (offsets %s)%n", items.size(),
                    write, fmt(model.offsets()));
        }
        if (!noReport) {
            report(items, seed);
        }
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
                out.add(new DataSets.Snippet("tweets", file + ":" + (i + 1), rating, line.substring(tab + 1).trim()));
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
            items.add(new Item(new EnglishSocialModel.Example(s.text(), lexicon.read(s.text()), emb[i], rated),
                    s.gold().ordinal(), groups.get(i)));
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
        System.err.printf(Locale.ROOT, "embedded %d texts in %d s%n", e.length, (System.nanoTime() - start) / 1_000_000_000);
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

    static void report(List<Item> items, long seed) {
        int[] fold = folds(items, allRows(items), FOLDS, seed);
        int[] decisions = new int[items.size()];
        for (int f = 0; f < FOLDS; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                (fold[i] == f ? test : train).add(i);
            }
            EnglishSocialModel model = fitWithOffsets(items, train, seed + f + 1);
            for (int i : test) {
                decisions[i] = model.sentiment(items.get(i).example()).label().ordinal();
            }
            System.err.printf(Locale.ROOT, "  fold %d of %d done, offsets %s%n", f + 1, FOLDS, fmt(model.offsets()));
        }
        System.out.println("English sentiment, default model (words + lexicon + sentence embedding), 5-fold"
                + " cross-validated (offsets tuned inside the training folds), beside the lexicon alone:");
        System.out.printf(Locale.ROOT, "%-36s %6s  %-30s  %-30s%n", "set", "n", "model: macro-R / macro-F1 / acc",
                "lexicon: macro-R / macro-F1 / acc");
        List<String> names = new ArrayList<>(TWEET_FILES);
        for (DataSets.VaderCorpus c : DataSets.VaderCorpus.values()) {
            names.add("VADER " + c.name().toLowerCase(Locale.ROOT));
        }
        for (int g = -1; g < names.size(); g++) {
            ConfusionMatrix model = matrix();
            ConfusionMatrix lexicon = matrix();
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                if (g == -1 ? it.tweet() : it.group() == g) {
                    String gold = SentimentLabel.values()[it.gold()].id();
                    model.add(gold, SentimentLabel.values()[decisions[i]].id());
                    lexicon.add(gold, SentimentLabel.ofScore(it.example().lexicon().compound(),
                            LexiconScorer.DEFAULT_THRESHOLD).id());
                }
            }
            System.out.printf(Locale.ROOT, "%-36s %6d  %-30s  %-30s%n", g == -1 ? "tweets, both files" : names.get(g),
                    model.total(), figures(model), figures(lexicon));
            if (g == -1) {
                System.out.print(model.format());
            }
        }
        System.out.println("(published on the full SemEval-2017 test split, macro-recall: SVM 0.629, FastText 0.629,"
                + " RoBERTa-base 0.713, TimeLMs 0.737; VADER's published F1: movie 0.61, Amazon 0.63, NYT 0.55)");
    }

    static String figures(ConfusionMatrix m) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", m.macroRecall(), m.macroF1(), m.accuracy());
    }

    static ConfusionMatrix matrix() {
        return new ConfusionMatrix(List.of(SentimentLabel.NEGATIVE.id(), SentimentLabel.NEUTRAL.id(), SentimentLabel.POSITIVE.id()));
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
            strata.computeIfAbsent(it.group() * 3 + it.gold(), x -> new ArrayList<>()).add(j);
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
        for (int f = 0; f < INNER_FOLDS; f++) {
            List<Integer> fitOn = new ArrayList<>();
            for (int j = 0; j < train.size(); j++) {
                if (inner[j] != f) {
                    fitOn.add(train.get(j));
                }
            }
            EnglishSocialModel m = fit(items, fitOn);
            for (int j = 0; j < train.size(); j++) {
                Item it = items.get(train.get(j));
                if (inner[j] == f && it.tweet()) {
                    oof.add(m.probabilities(it.example()));
                    gold.add(it.gold());
                }
            }
        }
        double[] offsets = OffsetTuning.tune(oof.toArray(double[][]::new), gold.stream().mapToInt(Integer::intValue).toArray(),
                new int[gold.size()], OffsetTuning.Metric.MACRO_RECALL);
        return fit(items, train).withOffsets(offsets);
    }

    static EnglishSocialModel fit(List<Item> items, List<Integer> rows) {
        List<EnglishSocialModel.Example> x = new ArrayList<>(rows.size());
        List<SentimentLabel> y = new ArrayList<>(rows.size());
        for (int i : rows) {
            x.add(items.get(i).example());
            y.add(SentimentLabel.values()[items.get(i).gold()]);
        }
        return EnglishSocialModel.fit(x, y, new double[3], EnglishSocialModel.Settings.DEFAULT).rounded();
    }

    static String fmt(double[] v) {
        return String.format(Locale.ROOT, "[%.2f, %.2f, %.2f]", v[0], v[1], v[2]);
    }
}
