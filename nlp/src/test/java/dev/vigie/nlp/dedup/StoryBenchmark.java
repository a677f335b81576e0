package dev.vigie.nlp.dedup;

import dev.vigie.nlp.internal.data.SampleTexts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Speed of the story stage's clustering on a large batch ({@link SyndicatedBatch}: by default 100,000 documents, 30 %
 * of them copies, the largest story with thousands of copies), one thread, three ways in the same run:
 *
 * <ul>
 *   <li><b>before</b>: the clusterer as it was before representatives (its code, copied below unchanged): every
 *       document compared with every earlier document under each band key it shares, band keys as strings;
 *   <li><b>every member</b>: {@link StoryClusterer} with {@link StoryClusterer#EVERY_MEMBER}: the same search, each
 *       pair compared once, band hashes in primitive maps;
 *   <li><b>representatives</b>: {@link StoryClusterer} with its default representatives per band key.
 * </ul>
 *
 * <p>Prints the thread CPU time of {@code assign} (median of the rounds), documents per CPU-second, similarity
 * computations, the heap the clusterer holds at the end, how the stories compare with the true ones, and how many
 * documents get the same story id as before. Signing is the enrichment stage's work and is timed apart.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx2g mvn -B -q -pl nlp test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.vigie.nlp.dedup.StoryBenchmark \
 *     [-Dexec.args="DATA_DIR DOCUMENTS COPY_SHARE ROUNDS"]
 * </pre>
 */
public final class StoryBenchmark {

    private static final long SEED = 2026;

    private StoryBenchmark() {}

    /**
     * @param args optional: shared data folder, documents (100000), share of copies (0.3), rounds (3)
     */
    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : SampleTexts.defaultRoot();
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        double share = args.length > 2 ? Double.parseDouble(args[2]) : 0.3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<SyndicatedBatch.Doc> docs =
                SyndicatedBatch.build(new SampleTexts(root).news(), size, share, new Random(SEED));
        Map<Integer, Integer> storySizes = new HashMap<>();
        docs.forEach(d -> storySizes.merge(d.story(), 1, Integer::sum));
        int largest =
                storySizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long multi = storySizes.values().stream().filter(n -> n > 1).count();
        System.out.printf(
                "%,d documents: %,d copies (%.0f %%) of %,d stories, the largest %,d documents; %,d true"
                        + " stories%n",
                docs.size(),
                docs.stream().filter(d -> d.copyOf() != null).count(),
                100 * share,
                multi,
                largest,
                storySizes.size());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StorySigner signer = StorySigner.create();
        long cpu = threads.getCurrentThreadCpuTime();
        List<StoryClusterer.Item> items = new ArrayList<>(docs.size());
        for (SyndicatedBatch.Doc d : docs) {
            items.add(new StoryClusterer.Item(d.id(), d.publishedAtMillis(), signer.sign(d.text())));
        }
        System.out.printf(
                "signing (enrichment stage, not timed below): %.1f CPU-s%n%n",
                (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        Map<StoryClusterer.Item, List<String>> bandKeys = new HashMap<>();
        items.forEach(i -> bandKeys.put(i, i.signature().bandKeys()));

        System.out.printf(
                "%-34s %9s %11s %14s %10s %10s %9s %8s %12s%n",
                "clustering, one thread",
                "CPU-s",
                "docs/CPU-s",
                "comparisons",
                "heap MB",
                "precision",
                "recall",
                "merges",
                "same as before");
        Map<String, String> before = run(
                "before (every member, as it was)",
                rounds,
                docs,
                null,
                () -> new PreviousClusterer(signer, bandKeys).assign(items));
        run(
                "every member",
                rounds,
                docs,
                before,
                () -> measured(new StoryClusterer(signer, StoryClusterer.EVERY_MEMBER), items));
        run(
                StoryClusterer.DEFAULT_MAX_REPRESENTATIVES + " representatives per band key",
                rounds,
                docs,
                before,
                () -> measured(new StoryClusterer(signer), items));
        System.out.printf(
                "%nheap MB: what the clusterer holds once the batch is assigned (signatures, band index),"
                        + " after a full GC; CPU-s: median of %d rounds%n",
                rounds);
    }

    /** What one way of clustering gave, and what it cost. */
    private record Outcome(List<StoryClusterer.Assignment> assignments, long comparisons, Object retained) {}

    private static Outcome measured(StoryClusterer clusterer, List<StoryClusterer.Item> items) {
        List<StoryClusterer.Assignment> out = clusterer.assign(items);
        return new Outcome(out, clusterer.comparisons(), clusterer);
    }

    private static Map<String, String> run(
            String name,
            int rounds,
            List<SyndicatedBatch.Doc> docs,
            Map<String, String> before,
            Supplier<Outcome> clustering) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[rounds];
        Outcome outcome = null;
        long heap = 0;
        for (int r = 0; r < rounds; r++) {
            outcome = null;
            long base = usedHeap();
            long start = threads.getCurrentThreadCpuTime();
            outcome = clustering.get();
            cpu[r] = threads.getCurrentThreadCpuTime() - start;
            heap = usedHeap() - base;
        }
        Arrays.sort(cpu);
        double seconds = cpu[rounds / 2] / 1e9;
        Map<String, String> storyOf = new HashMap<>();
        outcome.assignments().forEach(a -> storyOf.put(a.id(), a.storyId()));
        SyndicatedBatch.Score score = SyndicatedBatch.score(docs, storyOf);
        long same = before == null
                ? docs.size()
                : docs.stream()
                        .filter(d -> storyOf.get(d.id()).equals(before.get(d.id())))
                        .count();
        System.out.printf(
                "%-34s %9.2f %,11.0f %,14d %10.0f %9.2f%% %8.2f%% %8d %11.2f%%%n",
                name,
                seconds,
                docs.size() / seconds,
                outcome.comparisons(),
                heap / 1048576.0,
                100 * score.pairPrecision(),
                100 * score.pairRecall(),
                score.wrongMerges(),
                100.0 * same / docs.size());
        return storyOf;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * The story clusterer as it was before representatives (commit 637e1bc), unchanged but for taking the band keys
     * the signatures then carried ready-made: the baseline of this benchmark.
     */
    private static final class PreviousClusterer {

        private record Member(String storyId, String id, StorySignature signature) {}

        private final StorySigner signer;
        private final Map<StoryClusterer.Item, List<String>> bandKeys;
        private final Map<String, List<Member>> byBand = new HashMap<>();
        private long comparisons;

        PreviousClusterer(StorySigner signer, Map<StoryClusterer.Item, List<String>> bandKeys) {
            this.signer = signer;
            this.bandKeys = bandKeys;
        }

        Outcome assign(List<StoryClusterer.Item> items) {
            List<StoryClusterer.Item> sorted = new ArrayList<>(items);
            sorted.sort(Comparator.comparingLong(StoryClusterer.Item::publishedAtMillis)
                    .thenComparing(StoryClusterer.Item::id));
            List<StoryClusterer.Assignment> out = new ArrayList<>(sorted.size());
            for (StoryClusterer.Item item : sorted) {
                Member best = null;
                double bestSim = -1;
                List<String> bands = bandKeys.get(item);
                for (String band : bands) {
                    for (Member m : byBand.getOrDefault(band, List.of())) {
                        double sim = signer.similarity(item.signature(), m.signature());
                        comparisons++;
                        if (sim > bestSim || (sim == bestSim && best != null && m.id().compareTo(best.id()) < 0)) {
                            bestSim = sim;
                            best = m;
                        }
                    }
                }
                if (best != null && bestSim >= signer.threshold()) {
                    out.add(new StoryClusterer.Assignment(item.id(), best.storyId(), best.id(), bestSim));
                    index(new Member(best.storyId(), item.id(), item.signature()), bands);
                } else {
                    out.add(new StoryClusterer.Assignment(item.id(), item.id(), null, 0));
                    index(new Member(item.id(), item.id(), item.signature()), bands);
                }
            }
            return new Outcome(out, comparisons, byBand);
        }

        private void index(Member m, List<String> bands) {
            for (String band : bands) {
                byBand.computeIfAbsent(band, k -> new ArrayList<>()).add(m);
            }
        }
    }
}
