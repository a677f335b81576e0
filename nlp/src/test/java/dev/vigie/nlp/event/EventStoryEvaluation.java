package dev.vigie.nlp.event;

import dev.vigie.nlp.eval.DataSets;
import dev.vigie.testing.CsvFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How well event stories match a news aggregator's grouping ({@code stories-en}: 3,318 English headlines of 44
 * stories), measured as the job finds them: one time-ordered online pass in hourly runs, each run a new
 * {@link EventClusterer} that remembers only what the job would read back from Elasticsearch (earlier mentions in
 * the window sharing a key with the run, {@link #MAX_EARLIER} at most).
 *
 * <p>Reports pairwise precision/recall/F1 and B-cubed precision/recall/F1. The settings are chosen by
 * cross-validation over stories (folds of whole stories, as the held-out split is): for each fold, the grid point
 * (join threshold, name weight, end-of-batch merge threshold or none) with the best B-cubed F1 on the other folds is
 * scored on it.
 *
 * <p>{@code java ... EventStoryEvaluation [dataDir]}
 */
public final class EventStoryEvaluation {

    /** Earlier mentions a run reads back at most (the job's cap, see jobs' EarlierEvents). */
    public static final int MAX_EARLIER = 10_000;
    /** A run of the job every hour. */
    static final long RUN_EVERY_MILLIS = 3_600_000L;

    private static final int FOLDS = 2;
    private static final int REPEATS = 3;

    /** A headline with the aggregator's story. */
    record Headline(String id, String story, String outlet, long atMillis, String title, List<String> keys) {}

    /** Pairwise and B-cubed scores. */
    record Scores(
            double pairP,
            double pairR,
            double pairF1,
            double bcubedP,
            double bcubedR,
            double bcubedF1,
            int found,
            int truth) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "pairwise P %.3f R %.3f F1 %.3f | B-cubed P %.3f R %.3f F1 %.3f | %d stories" + " found for %d",
                    pairP,
                    pairR,
                    pairF1,
                    bcubedP,
                    bcubedR,
                    bcubedF1,
                    found,
                    truth);
        }
    }

    private EventStoryEvaluation() {}

    public static void main(String[] args) throws IOException {
        Path dir = DataSets.dataDir(args.length > 0 ? args[0] : null).resolve("stories-en");
        Path csv = dir.resolve("uci_news_stories_dev.csv");
        if (!Files.exists(csv)) {
            System.out.println("stories-en not found in " + dir + ": nothing to evaluate");
            return;
        }
        List<Headline> all = load(csv, new EventSignals());
        System.out.printf(
                Locale.ROOT,
                "%d headlines, %d stories%n",
                all.size(),
                all.stream().map(Headline::story).distinct().count());

        System.out.println("Default settings, whole set, one online pass in hourly runs:");
        System.out.println("  " + score(all, EventClusterer::builder));
        System.out.println("Before end-of-batch merging (threshold 0.10, no merging), whole set:");
        System.out.println(
                "  " + score(all, () -> EventClusterer.builder().threshold(0.10).withoutMerging()));

        List<double[]> grid = grid();
        List<String> stories = new ArrayList<>(
                all.stream().map(Headline::story).distinct().sorted().toList());
        double sumF1 = 0;
        double sumPairF1 = 0;
        double minF1 = 1;
        double maxF1 = 0;
        int n = 0;
        for (int r = 0; r < REPEATS; r++) {
            Collections.shuffle(stories, new Random(20261203L + r));
            for (int f = 0; f < FOLDS; f++) {
                Set<String> test = new HashSet<>();
                for (int i = f; i < stories.size(); i += FOLDS) {
                    test.add(stories.get(i));
                }
                List<Headline> train =
                        all.stream().filter(h -> !test.contains(h.story())).toList();
                List<Headline> held =
                        all.stream().filter(h -> test.contains(h.story())).toList();
                double[] best = null;
                double bestF1 = -1;
                for (double[] g : grid) {
                    double f1 = score(train, () -> settings(g)).bcubedF1();
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        best = g;
                    }
                }
                double[] chosen = best;
                Scores s = score(held, () -> settings(chosen));
                System.out.printf(
                        Locale.ROOT,
                        "  repeat %d fold %d: chose threshold %.2f names x%.1f numbers x%.1f"
                                + " background %.0f merge %s (train B-cubed F1 %.3f); held-out %s%n",
                        r,
                        f,
                        chosen[0],
                        chosen[1],
                        chosen[2],
                        chosen[3],
                        chosen[4] > 1 ? "off" : String.format(Locale.ROOT, "%.2f", chosen[4]),
                        bestF1,
                        s);
                sumF1 += s.bcubedF1();
                minF1 = Math.min(minF1, s.bcubedF1());
                maxF1 = Math.max(maxF1, s.bcubedF1());
                sumPairF1 += s.pairF1();
                n++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Cross-validated (%d x %d folds of whole stories): B-cubed F1 %.3f (folds %.3f to %.3f),"
                        + " pairwise F1 %.3f%n",
                REPEATS,
                FOLDS,
                sumF1 / n,
                minF1,
                maxF1,
                sumPairF1 / n);
    }

    /** Threshold, names weight, numbers weight, background, merge threshold (above 1: no merging). */
    private static List<double[]> grid() {
        List<double[]> grid = new ArrayList<>();
        for (double t : new double[] {0.10, 0.15, 0.20, 0.25}) {
            for (double names : new double[] {1.0, 1.5}) {
                for (double merge : new double[] {2, 0.15, 0.12, 0.10, 0.08}) {
                    grid.add(new double[] {t, names, 1.0, 30000, merge});
                }
            }
        }
        return grid;
    }

    private static EventClusterer.Builder settings(double[] g) {
        EventClusterer.Builder b = EventClusterer.builder()
                .threshold(g[0])
                .nameWeight(g[1])
                .numberWeight(g[2])
                .background(g[3]);
        return g[4] > 1 ? b.withoutMerging() : b.mergeThreshold(g[4]);
    }

    static List<Headline> load(Path csv, EventSignals signals) throws IOException {
        List<List<String>> rows = CsvFile.rows(csv);
        List<String> header = rows.get(0);
        int id = header.indexOf("id");
        int story = header.indexOf("story");
        int publisher = header.indexOf("publisher");
        int at = header.indexOf("timestamp_ms");
        int title = header.indexOf("title");
        List<Headline> out = new ArrayList<>();
        for (List<String> cols : rows.subList(1, rows.size())) {
            if (cols.size() != header.size()) {
                continue;
            }
            String t = cols.get(title).replace("\\", "");
            out.add(new Headline(
                    cols.get(id),
                    cols.get(story),
                    cols.get(publisher),
                    Long.parseLong(cols.get(at)),
                    t,
                    signals.keys(t, null, "en")));
        }
        out.sort(Comparator.comparingLong(Headline::atMillis).thenComparing(Headline::id));
        return out;
    }

    /** One online pass in hourly runs, each remembering what the job would read back; scored against the truth. */
    static Scores score(List<Headline> headlines, Supplier<EventClusterer.Builder> settings) {
        return scores(headlines, assignments(headlines, settings));
    }

    /** The event story of each headline after one online pass in hourly runs. */
    static Map<String, String> assignments(List<Headline> headlines, Supplier<EventClusterer.Builder> settings) {
        Map<String, String> eventOf = new HashMap<>();
        List<Headline> done = new ArrayList<>();
        int from = 0;
        while (from < headlines.size()) {
            long runEnd = (headlines.get(from).atMillis() / RUN_EVERY_MILLIS + 1) * RUN_EVERY_MILLIS;
            int to = from;
            while (to < headlines.size() && headlines.get(to).atMillis() < runEnd) {
                to++;
            }
            List<Headline> batch = headlines.subList(from, to);
            EventClusterer clusterer = settings.get().build();
            for (Headline h : earlier(done, batch)) {
                clusterer.remember(new EventClusterer.Earlier(item(h), eventOf.get(h.id())));
            }
            for (EventClusterer.Assignment a : clusterer.assign(
                    batch.stream().map(EventStoryEvaluation::item).toList())) {
                eventOf.put(a.id(), a.eventId());
            }
            done.addAll(batch);
            from = to;
        }
        return eventOf;
    }

    /**
     * What the job reads back for a run: earlier mentions in the window that share a key with the run, keys carried by
     * more than the common share of the run left out, the most recent {@link #MAX_EARLIER}.
     */
    static List<Headline> earlier(List<Headline> done, List<Headline> batch) {
        Map<String, Integer> batchDf = new HashMap<>();
        for (Headline h : batch) {
            for (String k : h.keys()) {
                batchDf.merge(k, 1, Integer::sum);
            }
        }
        Set<String> keys = batchDf.keySet();
        long since = batch.get(0).atMillis() - EventClusterer.DEFAULT_WINDOW_MILLIS;
        List<Headline> out = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0 && out.size() < MAX_EARLIER; i--) {
            Headline h = done.get(i);
            if (h.atMillis() < since) {
                break;
            }
            for (String k : h.keys()) {
                if (keys.contains(k)) {
                    out.add(h);
                    break;
                }
            }
        }
        return out;
    }

    private static EventClusterer.Item item(Headline h) {
        return new EventClusterer.Item(h.id(), h.atMillis(), "en", h.outlet(), h.title(), h.keys(), null);
    }

    /** Pairwise and B-cubed scores of a clustering against the truth. */
    static Scores scores(List<Headline> headlines, Map<String, String> found) {
        Map<String, Long> perTruth = new HashMap<>();
        Map<String, Long> perFound = new HashMap<>();
        Map<String, Long> perBoth = new HashMap<>();
        for (Headline h : headlines) {
            String f = found.get(h.id());
            perTruth.merge(h.story(), 1L, Long::sum);
            perFound.merge(f, 1L, Long::sum);
            perBoth.merge(h.story() + "\u0000" + f, 1L, Long::sum);
        }
        long both = pairs(perBoth.values());
        long foundPairs = pairs(perFound.values());
        long truthPairs = pairs(perTruth.values());
        double pairP = foundPairs == 0 ? 1 : (double) both / foundPairs;
        double pairR = truthPairs == 0 ? 1 : (double) both / truthPairs;
        double bp = 0;
        double br = 0;
        for (Headline h : headlines) {
            String f = found.get(h.id());
            long inBoth = perBoth.get(h.story() + "\u0000" + f);
            bp += (double) inBoth / perFound.get(f);
            br += (double) inBoth / perTruth.get(h.story());
        }
        bp /= headlines.size();
        br /= headlines.size();
        return new Scores(pairP, pairR, f1(pairP, pairR), bp, br, f1(bp, br), perFound.size(), perTruth.size());
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static long pairs(Iterable<Long> sizes) {
        long sum = 0;
        for (long n : sizes) {
            sum += n * (n - 1) / 2;
        }
        return sum;
    }

    /** Keys of a few headlines, to see what the signals are (for a reader of the output). */
    static Set<String> sampleKeys(List<Headline> headlines, int n) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n && i < headlines.size(); i++) {
            out.addAll(headlines.get(i).keys());
        }
        return out;
    }
}
