package dev.vigie.jobs.bench;

import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.testing.GeneratedFeeds;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold {@code vigie run}s compared: every run is a new JVM started by the project's {@code vigie} script, exactly as
 * cron starts it, over N generated items served on loopback (RSS feeds of 500 items), each run a watch of its own so
 * that every item is new. Several variants of the JVM's settings (the script's class data sharing archive, JIT
 * options) run in alternating order, round after round, so that a change of the machine's load hits them alike.
 * For each run it prints the process's wall time (JVM start included), its CPU time (user + system of the whole
 * process tree, from bash's {@code time}), the items it indexed and items per second of wall and of CPU; at the end
 * the median of each variant.
 *
 * <p>Usage: {@code jobs/bench/cold-run-benchmark.sh N ROUNDS VARIANT...}, a variant being
 * {@code label=ENV=value;ENV=value} (environment of the {@code vigie} script: {@code VIGIE_CDS=1},
 * {@code JAVA_OPTS=-XX:TieredStopAtLevel=1}...). Before the rounds, when the build has no class data sharing
 * archive yet, one untimed run with {@code VIGIE_CDS=1} creates it (its time is printed: it is what the first run
 * after a build costs). Elasticsearch is the node at {@code VIGIE_TEST_ES_URL}, else one started from the
 * distribution the build prepared.
 */
public final class ColdRunBenchmark {

    private static final int ITEMS_PER_FEED = 500;
    private static final Pattern SUMMARY =
            Pattern.compile("^Run \\S+: \\d+ sources, \\d+ items fetched, (\\d+) new", Pattern.MULTILINE);
    private static final Pattern TIMES = Pattern.compile("^TIMES ([0-9.]+) ([0-9.]+) ([0-9.]+)$", Pattern.MULTILINE);

    private ColdRunBenchmark() {}

    /** One run's figures. */
    private record Result(double wall, double cpu, int fresh) {}

    public static void main(String[] args) {
        try {
            benchmark(args);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void benchmark(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: N ROUNDS label=ENV=value;ENV=value ...");
        }
        int n = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] parts = args[i].split("=", 2);
            Map<String, String> env = new LinkedHashMap<>();
            if (parts.length == 2 && !parts[1].isBlank()) {
                for (String setting : parts[1].split(";")) {
                    String[] kv = setting.split("=", 2);
                    env.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            variants.put(parts[0], env);
        }
        Path root =
                Path.of(System.getProperty("vigie.root", ".")).toAbsolutePath().normalize();
        Path vigie = root.resolve("vigie");
        URI es = ElasticsearchExtension.url();
        Path work = Files.createTempDirectory("vigie-cold-bench");
        System.out.printf(
                Locale.ROOT,
                "Cold vigie run benchmark: %d items, %d rounds, variants %s, Elasticsearch %s, %s%n",
                n,
                rounds,
                variants,
                es,
                RunBenchmark.load());

        try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
            int feeds = (n + ITEMS_PER_FEED - 1) / ITEMS_PER_FEED;
            StringBuilder list = new StringBuilder();
            for (int f = 0; f < feeds; f++) {
                int items = Math.min(ITEMS_PER_FEED, n - f * ITEMS_PER_FEED);
                server.serve(
                        "/bench/feed-" + f + ".xml",
                        "application/rss+xml",
                        GeneratedFeeds.rss(server.url() + "/bench", "feed-" + f, items, f));
                list.append(f == 0 ? "" : ", ")
                        .append('"')
                        .append(server.url())
                        .append("/bench/feed-")
                        .append(f)
                        .append(".xml\"");
            }
            String base = "cold-" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
            int[] counter = {0};
            java.util.function.Function<Map<String, String>, Result> run = env -> {
                String watch = base + "-" + counter[0]++;
                try {
                    return runOnce(vigie, work, watch, list.toString(), es, env);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            Path archive = root.resolve("jobs/target/vigie-cds.jsa");
            if (!Files.exists(archive)) {
                Result setup = run.apply(Map.of("VIGIE_CDS", "1"));
                print("untimed first run (creates the class data sharing archive: the build had none)", setup);
            }

            Map<String, List<Result>> results = new LinkedHashMap<>();
            variants.keySet().forEach(label -> results.put(label, new ArrayList<>()));
            List<String> order = new ArrayList<>(variants.keySet());
            for (int round = 1; round <= rounds; round++) {
                List<String> thisRound = new ArrayList<>(order);
                if (round % 2 == 0) {
                    java.util.Collections.reverse(thisRound);
                }
                for (String label : thisRound) {
                    Result r = run.apply(variants.get(label));
                    results.get(label).add(r);
                    print("round " + round + ", " + label, r);
                }
                System.out.printf(Locale.ROOT, "  %s%n", RunBenchmark.load());
            }
            System.out.println("Medians:");
            results.forEach((label, rs) -> {
                double wall = median(rs.stream().mapToDouble(Result::wall).toArray());
                double cpu = median(rs.stream().mapToDouble(Result::cpu).toArray());
                double perWall = median(
                        rs.stream().mapToDouble(r -> r.fresh() / r.wall()).toArray());
                double perCpu =
                        median(rs.stream().mapToDouble(r -> r.fresh() / r.cpu()).toArray());
                System.out.printf(
                        Locale.ROOT,
                        "  %-12s wall %.1f s, CPU %.1f s, %.0f items/s of wall, %.0f items per "
                                + "CPU-second (%d runs) %s%n",
                        label,
                        wall,
                        cpu,
                        perWall,
                        perCpu,
                        rs.size(),
                        variants.get(label));
            });
        }
    }

    private static Result runOnce(Path vigie, Path work, String watch, String feeds, URI es, Map<String, String> env)
            throws IOException, InterruptedException {
        Path file = work.resolve(watch + ".yaml");
        Files.writeString(file, """
                watch: %s
                brand: { name: Acme, aliases: ["Acme Corp"] }
                competitors: [{ name: Globex }, { name: Initech }]
                sources:
                  feeds: [%s]
                alerts:
                  - { id: crisis, query: 'acme AND (outage OR panne)', to: ["cm@acme.example"] }
                  - { id: pricing, query: 'globex AND (pricing OR offre)', to: ["cm@acme.example"] }
                themes:
                  - { id: support, examples: ["the quality of its customer support"], keywords: ["support"] }
                  - { id: pricing, examples: ["a new pricing plan"], keywords: ["pricing", "offre"] }
                """.formatted(watch, feeds), StandardCharsets.UTF_8);
        Path log = work.resolve(watch + ".log");
        ProcessBuilder pb = new ProcessBuilder(
                        "bash",
                        "-c",
                        "TIMEFORMAT='TIMES %R %U %S'; time \"$@\"",
                        "vigie-bench",
                        vigie.toString(),
                        "run",
                        "--watch",
                        file.toString(),
                        "--es",
                        es.toString(),
                        "--parallelism",
                        "2",
                        "--corenlp",
                        "NEVER",
                        "--no-alerts",
                        "--allow-private-addresses")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("VIGIE_NO_BUILD", "1");
        pb.environment().putAll(env);
        int exit = pb.start().waitFor();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Matcher summary = SUMMARY.matcher(out);
        Matcher times = TIMES.matcher(out);
        if (exit != 0 || !summary.find() || !times.find()) {
            throw new IllegalStateException("vigie run of " + watch + " failed (exit " + exit + "), see " + log);
        }
        return new Result(
                Double.parseDouble(times.group(1)),
                Double.parseDouble(times.group(2)) + Double.parseDouble(times.group(3)),
                Integer.parseInt(summary.group(1)));
    }

    private static void print(String label, Result r) {
        System.out.printf(
                Locale.ROOT,
                "%s: %d new, wall %.1f s = %.0f items/s, CPU %.1f s = %.0f items per CPU-second%n",
                label,
                r.fresh(),
                r.wall(),
                r.fresh() / r.wall(),
                r.cpu(),
                r.fresh() / r.cpu());
    }

    /** The median of {@code values} (the array is not changed); the mean of the two middle ones for an even count. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
