package dev.vigie.nlp.eval;

import dev.vigie.nlp.sentiment.CoreNlpSentiment;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file of CoreNLP readings of the VADER snippets, so that evaluations that need CoreNLP on all 19,503 of them
 * (about 60 sentences a second per thread) read it once. One TSV line per snippet: corpus, id, a hash of the text
 * (a line whose text changed is read again), sentences, the five sentence-level probabilities, the five phrase-level
 * ones, the most negative and most positive phrase. Readings missing from the file are computed and appended, so an
 * interrupted run resumes where it stopped.
 *
 * <pre>
 * java -Xmx2g -cp ... dev.vigie.nlp.eval.CoreNlpReadings --readings /tmp/corenlp-readings.tsv [--threads 2]
 * </pre>
 */
public final class CoreNlpReadings {

    private CoreNlpReadings() {}

    public static void main(String[] args) throws Exception {
        String data = null;
        Path file = null;
        int threads = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = args[++i];
                case "--readings" -> file = Path.of(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default ->
                    throw new IllegalArgumentException(
                            "unknown argument: " + args[i] + " (expected --readings FILE, --threads N, --data DIR)");
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("--readings FILE is required");
        }
        Path dir = DataSets.dataDir(data);
        List<DataSets.Snippet> all = new ArrayList<>();
        for (DataSets.VaderCorpus corpus : DataSets.VaderCorpus.values()) {
            all.addAll(DataSets.vader(dir, corpus));
        }
        Map<String, CoreNlpSentiment.Reading> readings = load(file, all, threads);
        System.out.printf(Locale.ROOT, "%d readings in %s%n", readings.size(), file);
    }

    /**
     * The readings of {@code snippets}, from {@code file} when it has them, else computed with CoreNLP on
     * {@code threads} threads and appended to it ({@code file} may be null: nothing is kept). Keyed by
     * {@link #key}.
     */
    public static Map<String, CoreNlpSentiment.Reading> load(Path file, List<DataSets.Snippet> snippets, int threads)
            throws IOException, InterruptedException {
        Map<String, CoreNlpSentiment.Reading> known = file != null && Files.exists(file) ? read(file) : new HashMap<>();
        List<DataSets.Snippet> missing =
                snippets.stream().filter(s -> !known.containsKey(key(s))).toList();
        if (missing.isEmpty()) {
            return known;
        }
        System.err.printf(Locale.ROOT, "CoreNLP reads %d snippets on %d thread(s)%n", missing.size(), threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try (BufferedWriter out = file == null
                ? null
                : Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            List<Future<?>> futures = new ArrayList<>();
            for (DataSets.Snippet s : missing) {
                futures.add(pool.submit(() -> {
                    CoreNlpSentiment.Reading r = CoreNlpSentiment.shared().read(s.text());
                    synchronized (known) {
                        known.put(key(s), r);
                        if (out != null) {
                            out.write(line(s, r));
                        }
                    }
                    int n = done.incrementAndGet();
                    if (n % 500 == 0) {
                        System.err.printf(
                                Locale.ROOT,
                                "  %d of %d read, %.1f snippets/s%n",
                                n,
                                missing.size(),
                                n / ((System.nanoTime() - start) / 1e9));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("CoreNLP failed on a snippet", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return known;
    }

    /** The key of a snippet: its corpus, its id and a hash of its text. */
    public static String key(DataSets.Snippet s) {
        return s.corpus() + "\t" + s.id() + "\t" + Integer.toHexString(s.text().hashCode());
    }

    static String line(DataSets.Snippet s, CoreNlpSentiment.Reading r) {
        StringBuilder b = new StringBuilder(key(s)).append('\t').append(r.sentences());
        for (double v : r.probabilities()) {
            b.append('\t').append(String.format(Locale.ROOT, "%.6f", v));
        }
        for (double v : r.phrases()) {
            b.append('\t').append(String.format(Locale.ROOT, "%.6f", v));
        }
        b.append('\t').append(String.format(Locale.ROOT, "%.6f", r.mostNegativePhrase()));
        b.append('\t').append(String.format(Locale.ROOT, "%.6f", r.mostPositivePhrase()));
        return b.append('\n').toString();
    }

    static Map<String, CoreNlpSentiment.Reading> read(Path file) throws IOException {
        Map<String, CoreNlpSentiment.Reading> map = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] c = lines.get(i).split("\t");
            if (c.length != 16) {
                // a line cut by an interrupted run: read again
                continue;
            }
            try {
                double[] p = new double[5];
                double[] q = new double[5];
                for (int k = 0; k < 5; k++) {
                    p[k] = Double.parseDouble(c[4 + k]);
                    q[k] = Double.parseDouble(c[9 + k]);
                }
                map.put(
                        c[0] + "\t" + c[1] + "\t" + c[2],
                        new CoreNlpSentiment.Reading(
                                p, q, Double.parseDouble(c[14]), Double.parseDouble(c[15]), Integer.parseInt(c[3])));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": not a CoreNLP reading: " + e.getMessage(), e);
            }
        }
        return map;
    }
}
