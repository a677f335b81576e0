package dev.vigie.nlp.dedup;

import dev.vigie.nlp.internal.data.SampleTexts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Precision and recall of near-duplicate detection on pairs built from real AG News items (shared data folder).
 *
 * <p>Duplicates: an item and a syndicated copy of it, changed the way aggregators and re-publishers change copies:
 * a source prefix ({@code "PARIS (Reuters) - "}), a "read more" or social-media footer, a reworded title, the last
 * sentence cut, an added sentence, case and punctuation changes; one to three of these at random. Different
 * stories: the item and the most similar other item of the same topic among 300 drawn at random (hard negatives:
 * same subject, shared names and vocabulary), plus one random item of the same topic.
 *
 * <pre>
 * mvn -B -q -pl nlp test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.vigie.nlp.dedup.StoryEvaluation [-Dexec.args=DATA_DIR]
 * </pre>
 */
public final class StoryEvaluation {

    private static final String[] PREFIXES = {
        "PARIS (Reuters) - ", "(AP) ", "AFP - ", "NEW YORK (CNN) -- ", "Breaking: ", "UPDATE 2-"
    };
    private static final String[] FOOTERS = {
        " Read more at news.example.com.",
        " Follow us on Twitter @newsdesk.",
        " (Reporting by Jane Doe; editing by John Smith)",
        " Copyright 2004 The Associated Press. All rights reserved.",
        " Click here to subscribe to our newsletter."
    };
    private static final String[] ADDED = {
        " Officials did not immediately respond to a request for comment.",
        " The news was first reported on Tuesday.",
        " More details are expected later this week."
    };

    private StoryEvaluation() {}

    /** A labelled pair. */
    private record Pair(String a, String b, boolean duplicate) {}

    /**
     * @param args optional: the shared data folder
     */
    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : SampleTexts.defaultRoot();
        List<SampleTexts.NewsItem> news = new SampleTexts(root).news();
        Random rnd = new Random(7);
        List<Pair> pairs = pairs(news, rnd, 1500);
        long dups = pairs.stream().filter(Pair::duplicate).count();
        System.out.printf(
                "%d pairs from AG News: %d syndicated copies, %d different stories of the same topic%n%n",
                pairs.size(), dups, pairs.size() - dups);
        System.out.printf(
                "%-9s %-10s %9s %9s %9s %13s%n", "shingles", "threshold", "precision", "recall", "F1", "LSH cand. rec");
        for (int k = 1; k <= 3; k++) {
            StorySigner signer = StorySigner.builder().shingleSize(k).build();
            List<double[]> scored = new ArrayList<>();
            int candidates = 0;
            for (Pair p : pairs) {
                StorySignature a = signer.sign(p.a());
                StorySignature b = signer.sign(p.b());
                boolean shareBand = !java.util.Collections.disjoint(a.bandKeys(), b.bandKeys());
                if (p.duplicate() && shareBand) {
                    candidates++;
                }
                scored.add(new double[] {signer.similarity(a, b), p.duplicate() ? 1 : 0, shareBand ? 1 : 0});
            }
            for (double t = 0.3; t <= 0.91; t += 0.1) {
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (double[] s : scored) {
                    boolean predicted = s[2] == 1 && s[0] >= t - 1e-9;
                    if (predicted && s[1] == 1) {
                        tp++;
                    } else if (predicted) {
                        fp++;
                    } else if (s[1] == 1) {
                        fn++;
                    }
                }
                double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
                double recall = (double) tp / (tp + fn);
                System.out.printf(
                        "%-9d %-10.1f %8.1f%% %8.1f%% %9.3f %12.1f%%%n",
                        k,
                        t,
                        100 * precision,
                        100 * recall,
                        2 * precision * recall / (precision + recall),
                        100.0 * candidates / dups);
            }
        }
        StorySigner signer = StorySigner.create();
        List<String> texts = new ArrayList<>();
        for (SampleTexts.NewsItem n : news) {
            texts.add(n.title() + ". " + n.description());
        }
        for (String t : texts) {
            signer.sign(t);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        int n = 0;
        while (System.nanoTime() - start < 3_000_000_000L) {
            signer.sign(texts.get(n++ % texts.size()));
        }
        System.out.printf(
                "%nsigning speed (default settings, AG News title + description): %.0f texts/s of wall time,"
                        + " %.0f per CPU-second of one thread%n",
                n / ((System.nanoTime() - start) / 1e9), n / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9));
        List<Double> positives = new ArrayList<>();
        double maxNegative = 0;
        for (Pair p : pairs) {
            double sim = signer.similarity(signer.sign(p.a()), signer.sign(p.b()));
            if (p.duplicate()) {
                positives.add(sim);
            } else {
                maxNegative = Math.max(maxNegative, sim);
            }
        }
        positives.sort(Double::compare);
        System.out.printf(
                "default (2-shingles): copies' similarity 1st percentile %.2f, median %.2f;"
                        + " highest similarity of two different stories %.2f%n",
                positives.get(positives.size() / 100), positives.get(positives.size() / 2), maxNegative);
        clustering(news);
    }

    /**
     * Stories of whole batches ({@link SyndicatedBatch}): the clusterer comparing each document with every earlier one
     * sharing a band key, and with the default representatives per band key.
     */
    private static void clustering(List<SampleTexts.NewsItem> news) {
        System.out.printf("%nstories of a batch (StoryClusterer, default signer): pairs of documents put in one story,"
                + " against the true stories%n");
        System.out.printf(
                "%-22s %-16s %9s %9s %12s %7s %15s %12s%n",
                "batch (copies)",
                "compared with",
                "precision",
                "recall",
                "copies+source",
                "merges",
                "stories (true)",
                "comparisons");
        StorySigner signer = StorySigner.create();
        int[][] batches = {{5_000, 30}, {5_000, 60}, {20_000, 30}};
        for (int[] batch : batches) {
            List<SyndicatedBatch.Doc> docs =
                    SyndicatedBatch.build(news, batch[0], batch[1] / 100.0, new Random(13L * batch[0] + batch[1]));
            long trueStories = docs.stream()
                    .mapToInt(SyndicatedBatch.Doc::story)
                    .distinct()
                    .count();
            List<StoryClusterer.Item> items = new ArrayList<>();
            for (SyndicatedBatch.Doc d : docs) {
                items.add(new StoryClusterer.Item(d.id(), d.publishedAtMillis(), signer.sign(d.text())));
            }
            Map<String, String> exhaustive = null;
            for (int reps : new int[] {StoryClusterer.EVERY_MEMBER, StoryClusterer.DEFAULT_MAX_REPRESENTATIVES}) {
                StoryClusterer clusterer = new StoryClusterer(signer, reps);
                Map<String, String> storyOf = new HashMap<>();
                for (StoryClusterer.Assignment a : clusterer.assign(items)) {
                    storyOf.put(a.id(), a.storyId());
                }
                SyndicatedBatch.Score score = SyndicatedBatch.score(docs, storyOf);
                System.out.printf(
                        "%-22s %-16s %8.2f%% %8.2f%% %11.2f%% %7d %15s %12d%n",
                        String.format("%,d (%d %%)", batch[0], batch[1]),
                        reps == StoryClusterer.EVERY_MEMBER ? "every member" : reps + " per band key",
                        100 * score.pairPrecision(),
                        100 * score.pairRecall(),
                        100 * score.copiesWithSource(),
                        score.wrongMerges(),
                        String.format("%,d (%,d)", score.stories(), trueStories),
                        clusterer.comparisons());
                if (exhaustive == null) {
                    exhaustive = storyOf;
                } else {
                    Map<String, String> reference = exhaustive;
                    long same = docs.stream()
                            .filter(d -> storyOf.get(d.id()).equals(reference.get(d.id())))
                            .count();
                    System.out.printf(
                            "%-22s %-16s %,d of %,d documents get the same story id either way%n",
                            "", "", same, docs.size());
                }
            }
        }
    }

    private static List<Pair> pairs(List<SampleTexts.NewsItem> news, Random rnd, int count) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SampleTexts.NewsItem item = news.get(rnd.nextInt(news.size()));
            String original = item.title() + ". " + item.description();
            out.add(new Pair(original, syndicate(item, rnd), true));
            SampleTexts.NewsItem hardest = null;
            double best = -1;
            SampleTexts.NewsItem random = null;
            for (int k = 0; k < 300; k++) {
                SampleTexts.NewsItem other = news.get(rnd.nextInt(news.size()));
                if (other == item
                        || other.label() != item.label()
                        || other.description().equals(item.description())) {
                    continue;
                }
                if (random == null) {
                    random = other;
                }
                double j = wordJaccard(original, other.title() + ". " + other.description());
                if (j > best) {
                    best = j;
                    hardest = other;
                }
            }
            if (hardest != null) {
                out.add(new Pair(original, hardest.title() + ". " + hardest.description(), false));
            }
            if (random != null && i % 2 == 0) {
                out.add(new Pair(original, random.title() + ". " + random.description(), false));
            }
        }
        return out;
    }

    /** A copy of an item changed as re-publishers change copies: one to three edits at random. */
    static String syndicate(SampleTexts.NewsItem item, Random rnd) {
        SampleTexts.NewsItem copy = syndicateItem(item, rnd);
        return copy.title() + ". " + copy.description();
    }

    /** {@link #syndicate} as an item (title, and body with its prefix and footer), so a copy can be copied again. */
    static SampleTexts.NewsItem syndicateItem(SampleTexts.NewsItem item, Random rnd) {
        String title = item.title();
        String body = item.description();
        int edits = 1 + rnd.nextInt(3);
        String prefix = "";
        String footer = "";
        for (int e = 0; e < edits; e++) {
            switch (rnd.nextInt(6)) {
                case 0 -> prefix = PREFIXES[rnd.nextInt(PREFIXES.length)];
                case 1 -> footer = FOOTERS[rnd.nextInt(FOOTERS.length)];
                case 2 -> {
                    String[] words = title.split(" ");
                    if (words.length > 3) {
                        int drop = rnd.nextInt(words.length);
                        List<String> kept = new ArrayList<>(List.of(words));
                        kept.remove(drop);
                        title = String.join(" ", kept);
                    }
                }
                case 3 -> {
                    int cut = body.lastIndexOf(". ", body.length() - 3);
                    if (cut > body.length() / 2) {
                        body = body.substring(0, cut + 1);
                    } else if (body.length() > 80) {
                        body = body.substring(0, body.length() * 4 / 5) + "...";
                    }
                }
                case 4 -> body = body + ADDED[rnd.nextInt(ADDED.length)];
                default -> {
                    title = title.toUpperCase(java.util.Locale.ROOT);
                    body = body.replace(",", "").replace(" - ", " -- ");
                }
            }
        }
        return new SampleTexts.NewsItem(item.label(), title, prefix + body + footer);
    }

    private static double wordJaccard(String a, String b) {
        Set<String> x =
                new HashSet<>(List.of(a.toLowerCase(java.util.Locale.ROOT).split("\\W+")));
        Set<String> y =
                new HashSet<>(List.of(b.toLowerCase(java.util.Locale.ROOT).split("\\W+")));
        Set<String> inter = new HashSet<>(x);
        inter.retainAll(y);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        return union.isEmpty() ? 0 : (double) inter.size() / union.size();
    }
}
