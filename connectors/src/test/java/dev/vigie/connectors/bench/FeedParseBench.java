package dev.vigie.connectors.bench;

import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.vigie.connectors.feed.FeedParser;
import dev.vigie.connectors.feed.FeedResult;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Feeds parsed per second over the whole feed corpus (every file of {@code feeds-feedparser/} and
 * {@code feeds-rome/}), Vigie's {@link FeedParser} (charset sniffing, hardening, recovery, mapping to mentions with
 * plain text and canonical URLs) beside bare Rome ({@code SyndFeedInput} on an {@code XmlReader}) on the same bytes,
 * in the same run, alternating which goes first in each round so both see the same machine load and heap. Time is
 * the CPU time of the benchmark thread (single-threaded parsing), the median of the per-round ratios is the result.
 *
 * <pre>
 * mvn -B -o -q -pl connectors test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.vigie.connectors.bench.FeedParseBench -Dexec.args="../shared/data 5"
 * </pre>
 * Arguments: data folder (default {@code ../shared/data}), measured rounds (default 5).
 */
public final class FeedParseBench {
    /** CPU time of this thread: on a shared machine, wall time measures the neighbours more than the parser. */
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private FeedParseBench() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<byte[]> bodies = new ArrayList<>();
        for (String folder : List.of("feeds-feedparser", "feeds-rome")) {
            try (Stream<Path> s = Files.walk(data.resolve(folder))) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    bodies.add(Files.readAllBytes(p));
                }
            }
        }
        FeedParser parser = new FeedParser();
        Instant now = Instant.now();
        URI base = URI.create("https://example.org/feed.xml");
        // warm-up: JIT both paths
        for (int i = 0; i < 2; i++) {
            rome(bodies);
            vigie(parser, bodies, base, now);
        }
        double romeBest = 0;
        double vigieBest = 0;
        long romeTotal = 0;
        long vigieTotal = 0;
        int[] outcome = new int[3];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // alternate which side goes first and collect garbage in between, so neither pays for the other's heap
            long romeNanos;
            long vigieNanos;
            int romeOk;
            int[] v;
            if (r % 2 == 0) {
                System.gc();
                long a = CPU.getCurrentThreadCpuTime();
                romeOk = rome(bodies);
                romeNanos = CPU.getCurrentThreadCpuTime() - a;
                System.gc();
                long b = CPU.getCurrentThreadCpuTime();
                v = vigie(parser, bodies, base, now);
                vigieNanos = CPU.getCurrentThreadCpuTime() - b;
            } else {
                System.gc();
                long b = CPU.getCurrentThreadCpuTime();
                v = vigie(parser, bodies, base, now);
                vigieNanos = CPU.getCurrentThreadCpuTime() - b;
                System.gc();
                long a = CPU.getCurrentThreadCpuTime();
                romeOk = rome(bodies);
                romeNanos = CPU.getCurrentThreadCpuTime() - a;
            }
            long t0 = 0;
            long t1 = romeNanos;
            long t2 = romeNanos + vigieNanos;
            ratios[r] = (double) romeNanos / vigieNanos;
            romeTotal += t1 - t0;
            vigieTotal += t2 - t1;
            romeBest = Math.max(romeBest, bodies.size() / ((t1 - t0) / 1e9));
            vigieBest = Math.max(vigieBest, bodies.size() / ((t2 - t1) / 1e9));
            outcome = v;
            System.out.printf(
                    Locale.ROOT,
                    "round %d: bare Rome %.0f files/s (%d feeds), Vigie %.0f files/s, " + "ratio %.2f%n",
                    r + 1,
                    bodies.size() / ((t1 - t0) / 1e9),
                    romeOk,
                    bodies.size() / ((t2 - t1) / 1e9),
                    ratios[r]);
        }
        double romeMean = (double) bodies.size() * rounds / (romeTotal / 1e9);
        double vigieMean = (double) bodies.size() * rounds / (vigieTotal / 1e9);
        System.out.printf(Locale.ROOT, "%d files, %d rounds%n", bodies.size(), rounds);
        System.out.printf(
                Locale.ROOT, "bare Rome SyndFeedInput: %.0f files/s (mean), %.0f (best)%n", romeMean, romeBest);
        System.out.printf(
                Locale.ROOT, "Vigie FeedParser:        %.0f files/s (mean), %.0f (best)%n", vigieMean, vigieBest);
        double[] sorted = ratios.clone();
        java.util.Arrays.sort(sorted);
        double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
        System.out.printf(
                Locale.ROOT,
                "throughput ratio Vigie/Rome: %.2f (median of rounds), %.2f (of means)%n",
                median,
                vigieMean / romeMean);
        System.out.printf(
                Locale.ROOT,
                "Vigie outcomes: %d parsed, %d of them repaired, %d rejected%n",
                outcome[0],
                outcome[1],
                outcome[2]);
    }

    private static int rome(List<byte[]> bodies) {
        int ok = 0;
        for (byte[] b : bodies) {
            try {
                SyndFeedInput in = new SyndFeedInput();
                if (in.build(new XmlReader(new ByteArrayInputStream(b))) != null) {
                    ok++;
                }
            } catch (Exception | StackOverflowError e) {
                // bare Rome refuses what it cannot read; only the time counts here
            }
        }
        return ok;
    }

    private static int[] vigie(FeedParser parser, List<byte[]> bodies, URI base, Instant now) {
        int[] outcome = new int[3];
        for (byte[] b : bodies) {
            FeedResult r = parser.parse(b, null, base.toString(), base, null, now);
            if (r instanceof FeedResult.Parsed p) {
                outcome[0]++;
                outcome[1] += p.wellFormed() ? 0 : 1;
            } else {
                outcome[2]++;
            }
        }
        return outcome;
    }
}
