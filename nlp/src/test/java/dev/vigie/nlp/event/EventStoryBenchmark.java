package dev.vigie.nlp.event;

import dev.vigie.nlp.eval.DataSets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What event stories cost per 10,000 mentions: the keys of each mention ({@link EventSignals}) and one
 * {@link EventClusterer} pass over a batch, for batches of growing size, so that a cost growing faster than the batch
 * would show. Mentions are AG News items (title and description, {@code topics-en}), cycled when the batch is larger
 * than the set, published over a week by 500 outlets. The same batch is then clustered without the end-of-batch
 * merging, and with the settings before it (threshold 0.10, no merging), to show what the merging costs. Times are
 * CPU milliseconds of the benchmark's thread.
 *
 * <p>{@code java ... EventStoryBenchmark [dataDir] [sizes...]} (default sizes 10000 50000 100000)
 */
public final class EventStoryBenchmark {

    private EventStoryBenchmark() {}

    /** CPU time of this thread: on a shared machine, wall time says more about the neighbours than the clustering. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    public static void main(String[] args) throws IOException {
        Path dir = DataSets.dataDir(args.length > 0 ? args[0] : null);
        List<DataSets.Topic> news = DataSets.agNews(dir);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 50_000, 100_000);
        }
        EventSignals signals = new EventSignals();
        for (int warm = 0; warm < 2000; warm++) {
            signals.keys(null, news.get(warm % news.size()).text(), "en");
        }
        System.out.printf(
                Locale.ROOT,
                "%d AG News items; load average %.2f%n",
                news.size(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf(
                Locale.ROOT,
                "%9s %12s %12s %14s %14s %14s %12s %10s %16s%n",
                "mentions",
                "keys cpu ms",
                "cluster ms",
                "no merging ms",
                "0.10 alone ms",
                "comparisons",
                "stories",
                "joined",
                "ms per 10,000");
        for (int n : sizes) {
            Random rnd = new Random(n);
            long t0 = cpu();
            List<EventClusterer.Item> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String text = news.get(i % news.size()).text();
                items.add(new EventClusterer.Item(
                        "m" + i,
                        1_767_571_200_000L + (long) (rnd.nextDouble() * 7 * 86_400_000L),
                        "en",
                        "outlet-" + rnd.nextInt(500),
                        text,
                        signals.keys(null, text, "en"),
                        null));
            }
            long t1 = cpu();
            EventClusterer clusterer = EventClusterer.create();
            List<EventClusterer.Assignment> out = clusterer.assign(items);
            long t2 = cpu();
            EventClusterer.builder().withoutMerging().build().assign(items);
            long t3 = cpu();
            double unmergedMs = (t3 - t2) / 1e6;
            EventClusterer.builder().threshold(0.10).withoutMerging().build().assign(items);
            double beforeMs = (cpu() - t3) / 1e6;
            long joined = out.stream().filter(a -> !a.eventId().equals(a.id())).count();
            double keysMs = (t1 - t0) / 1e6;
            double clusterMs = (t2 - t1) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "%,9d %12.0f %12.0f %14.0f %14.0f %,14d %,12d %,10d %16.0f%n",
                    n,
                    keysMs,
                    clusterMs,
                    unmergedMs,
                    beforeMs,
                    clusterer.comparisons(),
                    clusterer.stories().size(),
                    joined,
                    (keysMs + clusterMs) * 10_000 / n);
        }
    }
}
