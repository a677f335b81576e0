package dev.vigie.connectors.bench;

import com.sun.net.httpserver.HttpServer;
import dev.vigie.connectors.http.FetchConfig;
import dev.vigie.connectors.http.FetchRequest;
import dev.vigie.connectors.http.FetchResult;
import dev.vigie.connectors.http.HttpFetcher;
import dev.vigie.connectors.http.Purpose;
import dev.vigie.connectors.testing.Fixtures;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fetches N feeds from loopback servers (one per loopback address 127.0.0.1..127.0.0.H, so each is its own host for
 * the politeness limits) that answer each feed after a fixed latency of 50-200 ms, and reports the wall time as a
 * ratio to the ideal time the concurrency limits allow: for each host, the larger of (sum of its latencies /
 * per-host concurrency) and ((its feeds - 1) x minimum delay + its shortest latency); the ideal is the largest of those
 * and of (sum of all latencies / global concurrency).
 *
 * <pre>
 * mvn -B -o -q -pl connectors test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.vigie.connectors.bench.FetchBench -Dexec.args="1000 10 4 32 0"
 * </pre>
 * Arguments: feeds (1000), hosts (10), per-host concurrency (4), global concurrency (32), per-host minimum delay in
 * ms (0).
 */
public final class FetchBench {
    private FetchBench() {}

    static long latencyMs(int feed) {
        return 50 + (feed * 7919L) % 151; // 50..200 ms, spread deterministically
    }

    public static void main(String[] args) throws Exception {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int perHost = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int global = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        long minDelayMs = args.length > 4 ? Long.parseLong(args[4]) : 0;
        byte[] body = Fixtures.rss("Bench", 20).getBytes(StandardCharsets.UTF_8);
        // the JDK test server writes headers and body separately: without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every response, which would measure the server, not the fetcher
        System.setProperty("sun.net.httpserver.nodelay", "true");

        ExecutorService serverPool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-server");
            t.setDaemon(true);
            return t;
        });
        List<HttpServer> servers = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            HttpServer s =
                    HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + (h + 1)), 0), 500);
            s.setExecutor(serverPool);
            s.createContext("/", ex -> {
                String path = ex.getRequestURI().getPath();
                int feed = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1, path.length() - 4));
                try {
                    Thread.sleep(latencyMs(feed));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            });
            s.start();
            servers.add(s);
        }

        double[] hostLatency = new double[hosts];
        int[] hostFeeds = new int[hosts];
        long[] hostMin = new long[hosts];
        java.util.Arrays.fill(hostMin, Long.MAX_VALUE);
        double totalLatency = 0;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < feeds; i++) {
            int h = i % hosts;
            HttpServer s = servers.get(h);
            urls.add("http://127.0.0." + (h + 1) + ":" + s.getAddress().getPort() + "/feeds/" + i + ".xml");
            hostLatency[h] += latencyMs(i);
            hostFeeds[h]++;
            hostMin[h] = Math.min(hostMin[h], latencyMs(i));
            totalLatency += latencyMs(i);
        }
        double idealMs = totalLatency / global;
        for (int h = 0; h < hosts; h++) {
            double byConcurrency = hostLatency[h] / perHost;
            double byDelay = (hostFeeds[h] - 1) * (double) minDelayMs + hostMin[h];
            idealMs = Math.max(idealMs, Math.max(byConcurrency, byDelay));
        }

        FetchConfig config = FetchConfig.builder()
                .allowPrivateAddresses(true)
                .perHostConcurrency(perHost)
                .maxConcurrency(global)
                .perHostMinDelay(Duration.ofMillis(minDelayMs))
                .build();
        try (HttpFetcher fetcher = HttpFetcher.open(config)) {
            // warm-up: connections, JIT
            List<CompletableFuture<FetchResult>> warm = new ArrayList<>();
            for (int i = 0; i < Math.min(feeds, hosts * perHost * 2); i++) {
                warm.add(fetcher.fetch(FetchRequest.of(urls.get(i), Purpose.FEED)));
            }
            warm.forEach(CompletableFuture::join);

            long t0 = System.nanoTime();
            List<CompletableFuture<FetchResult>> all = new ArrayList<>();
            for (String url : urls) {
                all.add(fetcher.fetch(FetchRequest.of(url, Purpose.FEED)));
            }
            int ok = 0;
            List<String> failures = new ArrayList<>();
            for (CompletableFuture<FetchResult> f : all) {
                FetchResult r = f.join();
                if (r instanceof FetchResult.Ok) {
                    ok++;
                } else if (failures.size() < 5) {
                    failures.add(r.toString());
                }
            }
            double wallMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "%d feeds from %d hosts, latency 50-200 ms, per-host concurrency %d, "
                            + "global %d, min delay %d ms%n",
                    feeds,
                    hosts,
                    perHost,
                    global,
                    minDelayMs);
            System.out.printf(Locale.ROOT, "fetched ok: %d, failed: %d %s%n", ok, feeds - ok, failures);
            System.out.printf(
                    Locale.ROOT, "wall %.0f ms, ideal %.0f ms, ratio %.3f%n", wallMs, idealMs, wallMs / idealMs);
        } finally {
            servers.forEach(s -> s.stop(0));
            serverPool.shutdownNow();
        }
    }
}
