package dev.vigie.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.fields.LeaseFields;
import dev.vigie.jobs.run.internal.ElasticsearchCalls;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases a run holds on its watches, so that two runs of one watch never overlap, on one machine or many.
 *
 * <p>A lease is the document {@code vigie-leases/<watch>}: the run id holding it, the host, and {@code expires_at}.
 * {@link #acquire} creates it if absent ({@code _create}), or takes it over when the one there has expired or was
 * released, with {@code if_seq_no}/{@code if_primary_term} so that of two runs taking it at once exactly one wins.
 * While the run goes on, a daemon thread renews every lease every {@code ttl / 4} (again conditionally: a lease taken
 * over by someone else is <em>lost</em>, never silently taken back); {@link #checkHeld()} is called before the run
 * sends alerts and commits its state, and {@link #close()} releases the leases (sets {@code expires_at} to now, so the
 * job's API key needs no delete privilege). A run killed with {@code kill -9} leaves its lease behind: a run on the
 * same host sees that the holder's process is gone and takes it at once; elsewhere, it expires after {@code ttl}.
 *
 * <p>Watches are taken in the order of their ids: two multi-watch runs that wait for each other's leases
 * ({@code --wait}) cannot deadlock. Expiry is judged by each host's clock: clocks must agree to well within the ttl
 * ({@link #DEFAULT_TTL}, 2 minutes).
 *
 * <pre>{@code
 * try (WatchLeases leases = WatchLeases.acquire(rest, calls, List.of("acme"), runId, WatchLeases.DEFAULT_TTL,
 *         Optional.empty(), Clock.systemUTC(), progress)) {
 *     ... run ...
 *     leases.checkHeld();      // before alerts and the commit
 *     ... alerts, commit ...
 * }                            // released
 * }</pre>
 * Every run goes through {@link VigieRun#run}, which does exactly this: {@code vigie run}, the demo, the job jar on a
 * Flink cluster, and any command that runs watches through it.
 */
public final class WatchLeases implements AutoCloseable {

    /** The index of the leases. */
    public static final String INDEX = "vigie-leases";
    /** How long a lease lasts without renewal: how long a killed run blocks its watch at most. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);
    /** Longest pause between two looks at a busy lease while waiting for it. */
    static final Duration MAX_WAIT_POLL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(WatchLeases.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient rest;
    private final ElasticsearchCalls calls;
    private final String runId;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, long[]> held = new LinkedHashMap<>(); // watch -> {seq_no, primary_term}
    private final List<String> lost = new ArrayList<>();
    private final Object renewing = new Object();
    private ScheduledExecutorService renewer;

    private WatchLeases(RestClient rest, ElasticsearchCalls calls, String runId, Duration ttl, Clock clock) {
        this.rest = rest;
        this.calls = calls;
        this.runId = runId;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Who holds a lease.
     *
     * @param watch     the watch
     * @param runId     the run holding it
     * @param host      where that run runs
     * @param expiresAt when it expires unless renewed
     */
    public record Holder(String watch, String runId, String host, Instant expiresAt) {}

    /**
     * Takes the lease of every watch of {@code watches} for run {@code runId}, and starts renewing them.
     *
     * @param wait     how long to wait for a watch whose lease another run holds; empty: do not wait
     * @param progress told while waiting (a line for a person at a terminal), may be {@code null}
     * @throws WatchBusyException when a lease is held by another run (after {@code wait}); none is held then
     * @throws IOException        when Elasticsearch fails beyond the patience of {@code calls}
     */
    public static WatchLeases acquire(
            RestClient rest,
            ElasticsearchCalls calls,
            List<String> watches,
            String runId,
            Duration ttl,
            Optional<Duration> wait,
            Clock clock,
            Consumer<String> progress)
            throws WatchBusyException, IOException, InterruptedException {
        Objects.requireNonNull(wait, "wait");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        WatchLeases leases = new WatchLeases(
                Objects.requireNonNull(rest),
                Objects.requireNonNull(calls),
                Objects.requireNonNull(runId),
                ttl,
                Objects.requireNonNull(clock));
        try {
            for (String watch : new TreeSet<>(watches)) {
                leases.take(watch, wait, progress);
            }
        } catch (WatchBusyException | IOException | InterruptedException | RuntimeException e) {
            leases.close();
            throw e;
        }
        leases.startRenewing();
        return leases;
    }

    /** The watches whose lease this run holds. */
    public synchronized List<String> watches() {
        return List.copyOf(held.keySet());
    }

    /**
     * Renews every lease now and fails when one was lost (it expired while Elasticsearch was away and another run
     * took it): the run must then neither send alerts nor commit, the other run does.
     *
     * @throws LeaseLostException naming the watch and the run that holds it now
     */
    public void checkHeld() throws LeaseLostException, IOException, InterruptedException {
        renewAll();
        synchronized (this) {
            if (!lost.isEmpty()) {
                throw new LeaseLostException(
                        "Run " + runId + " lost the lease of watch " + String.join(", ", lost)
                                + " (it expired while Elasticsearch did not answer, and another run took it): this run sends "
                                + "no alert and commits nothing; the other run does",
                        null);
            }
        }
    }

    /** Who holds the lease of {@code watch}, when a live lease is there. */
    public static Optional<Holder> holder(RestClient rest, String watch, Clock clock) throws IOException {
        Optional<JsonNode> doc = get(rest, watch);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        Holder holder = holderOf(watch, doc.get().path("_source"));
        return holder.expiresAt().isAfter(clock.instant()) ? Optional.of(holder) : Optional.empty();
    }

    /**
     * Stops renewing and releases every lease still held, with one attempt each: a lease that cannot be released
     * (Elasticsearch away) expires after the ttl.
     */
    @Override
    public void close() {
        if (renewer != null) {
            renewer.shutdownNow();
        }
        synchronized (renewing) {
            List<String> watches = watches();
            for (String watch : watches) {
                long[] version;
                synchronized (this) {
                    version = held.remove(watch);
                }
                if (version == null) {
                    continue;
                }
                Instant now = clock.instant();
                Map<String, Object> doc = document(watch, now, now);
                doc.put(LeaseFields.RELEASED_AT, now.toString());
                try {
                    if (put(watch, doc, version).isPresent()) {
                        LOG.info("Run {} released the lease of watch {}", runId, watch);
                    } else {
                        LOG.warn("Run {} did not release the lease of watch {}: another run holds it", runId, watch);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn(
                            "Run {} could not release the lease of watch {} (it expires within {} s): {}",
                            runId,
                            watch,
                            ttl.toSeconds(),
                            e.getMessage());
                }
            }
        }
    }

    private void take(String watch, Optional<Duration> wait, Consumer<String> progress)
            throws WatchBusyException, IOException, InterruptedException {
        long deadline = wait.map(w -> System.nanoTime() + w.toNanos()).orElse(0L);
        long pauseMs = 200;
        while (true) {
            Optional<Holder> busy = tryTake(watch);
            if (busy.isEmpty()) {
                return;
            }
            Holder h = busy.get();
            String message = "Watch " + watch + " is being run by run " + h.runId() + " on " + h.host()
                    + " (lease until " + h.expiresAt() + ")";
            if (wait.isEmpty() || System.nanoTime() + pauseMs * 1_000_000 > deadline) {
                throw new WatchBusyException(
                        message
                                + (wait.isEmpty()
                                        ? "; not started (use --wait to queue)"
                                        : "; gave up waiting after "
                                                + wait.get().toSeconds() + " s"),
                        h);
            }
            if (progress != null) {
                progress.accept("  " + message + "; waiting");
            }
            Thread.sleep(pauseMs);
            pauseMs = Math.min(pauseMs * 2, MAX_WAIT_POLL.toMillis());
        }
    }

    /** Takes the lease of {@code watch} if it is free; else who holds it. */
    private Optional<Holder> tryTake(String watch) throws IOException, InterruptedException {
        Instant now = clock.instant();
        Map<String, Object> doc = document(watch, now, now.plus(ttl));
        Optional<long[]> created = calls.call("taking the lease of watch " + watch, () -> create(watch, doc));
        if (created.isPresent()) {
            remember(watch, created.get());
            LOG.info("Run {} took the lease of watch {} until {}", runId, watch, doc.get(LeaseFields.EXPIRES_AT));
            return Optional.empty();
        }
        Optional<JsonNode> current = calls.call("reading the lease of watch " + watch, () -> get(rest, watch));
        if (current.isEmpty()) {
            return tryTake(watch); // released and gone between the two calls
        }
        JsonNode source = current.get().path("_source");
        Holder holder = holderOf(watch, source);
        if (holder.runId().equals(runId)) {
            // our own create went through but its answer was lost, and the call was retried
            remember(watch, version(current.get()));
            return Optional.empty();
        }
        boolean deadHere = deadOnThisHost(holder);
        if (holder.expiresAt().isAfter(now) && !deadHere) {
            return Optional.of(holder);
        }
        long[] version = version(current.get());
        Optional<long[]> taken = calls.call("taking over the lease of watch " + watch, () -> put(watch, doc, version));
        if (taken.isEmpty()) {
            return tryTake(watch); // another run took it first
        }
        remember(watch, taken.get());
        if (!source.has(LeaseFields.RELEASED_AT)) {
            LOG.warn(
                    "Run {} took over the lease of watch {} from run {} on {} ({})",
                    runId,
                    watch,
                    holder.runId(),
                    holder.host(),
                    deadHere && holder.expiresAt().isAfter(now)
                            ? "its process is gone"
                            : "expired at " + holder.expiresAt());
        }
        return Optional.empty();
    }

    private synchronized void remember(String watch, long[] version) {
        held.put(watch, version);
    }

    private void startRenewing() {
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "vigie-lease-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, ttl.toMillis() / 4);
        renewer.scheduleWithFixedDelay(
                () -> {
                    try {
                        renewAll();
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("Run {} could not renew its leases: {}", runId, e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Renews every lease held. One renewal at a time (the daemon's and {@link #checkHeld()}'s would otherwise race
     * with the same version and find each other's write a conflict). A conflict is a loss only when another run's id
     * is in the lease: a retried renewal whose first attempt went through (its answer lost) finds its own.
     */
    private void renewAll() throws IOException, InterruptedException {
        synchronized (renewing) {
            for (String watch : watches()) {
                long[] version;
                synchronized (this) {
                    version = held.get(watch);
                }
                if (version == null) {
                    continue;
                }
                Instant now = clock.instant();
                Map<String, Object> doc = document(watch, now, now.plus(ttl));
                Optional<long[]> renewed =
                        calls.call("renewing the lease of watch " + watch, () -> put(watch, doc, version));
                if (renewed.isEmpty()) {
                    Optional<JsonNode> current =
                            calls.call("reading the lease of watch " + watch, () -> get(rest, watch));
                    if (current.isPresent()
                            && runId.equals(current.get()
                                    .path("_source")
                                    .path(LeaseFields.RUN_ID)
                                    .asText())) {
                        renewed = Optional.of(version(current.get()));
                    }
                }
                synchronized (this) {
                    if (renewed.isPresent()) {
                        held.put(watch, renewed.get());
                    } else if (held.remove(watch) != null) {
                        lost.add(watch);
                        LOG.error("Run {} lost the lease of watch {}: another run took it", runId, watch);
                    }
                }
            }
        }
    }

    private Map<String, Object> document(String watch, Instant acquiredOrRenewed, Instant expiresAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(LeaseFields.WATCH, watch);
        doc.put(LeaseFields.RUN_ID, runId);
        doc.put(LeaseFields.HOST, HOST);
        doc.put(LeaseFields.ACQUIRED_AT, acquiredOrRenewed.toString());
        doc.put(LeaseFields.RENEWED_AT, acquiredOrRenewed.toString());
        doc.put(LeaseFields.EXPIRES_AT, expiresAt.toString());
        return doc;
    }

    /** {@code _create}: the new version, or empty when the document exists. */
    private Optional<long[]> create(String watch, Map<String, Object> doc) throws IOException {
        Request request = new Request("PUT", "/" + INDEX + "/_create/" + watch);
        request.addParameter("refresh", "true");
        request.setJsonEntity(JSON.writeValueAsString(doc));
        return versionOrConflict(request);
    }

    /** A conditional write: the new version, or empty when the document changed since {@code version}. */
    private Optional<long[]> put(String watch, Map<String, Object> doc, long[] version) throws IOException {
        Request request = new Request("PUT", "/" + INDEX + "/_doc/" + watch);
        request.addParameter("if_seq_no", Long.toString(version[0]));
        request.addParameter("if_primary_term", Long.toString(version[1]));
        request.addParameter("refresh", "true");
        request.setJsonEntity(JSON.writeValueAsString(doc));
        return versionOrConflict(request);
    }

    private Optional<long[]> versionOrConflict(Request request) throws IOException {
        try {
            return Optional.of(version(read(rest.performRequest(request))));
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Optional<JsonNode> get(RestClient rest, String watch) throws IOException {
        Request request = new Request("GET", "/" + INDEX + "/_doc/" + watch);
        try {
            JsonNode doc = read(rest.performRequest(request));
            return doc.path("found").asBoolean() ? Optional.of(doc) : Optional.empty();
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Holder holderOf(String watch, JsonNode source) {
        String expires = source.path(LeaseFields.EXPIRES_AT).asText("");
        return new Holder(
                watch,
                source.path(LeaseFields.RUN_ID).asText("?"),
                source.path(LeaseFields.HOST).asText("?"),
                expires.isEmpty() ? Instant.EPOCH : Instant.parse(expires));
    }

    private static long[] version(JsonNode answer) {
        return new long[] {
            answer.path("_seq_no").asLong(), answer.path("_primary_term").asLong()
        };
    }

    private static JsonNode read(Response response) throws IOException {
        try (InputStream in = response.getEntity().getContent()) {
            return JSON.readTree(in);
        }
    }

    private static final String HOST_NAME = hostName();
    private static final String HOST =
            HOST_NAME + " (pid " + ProcessHandle.current().pid() + ")";
    private static final java.util.regex.Pattern HOST_AND_PID =
            java.util.regex.Pattern.compile("(.+) \\(pid (\\d+)\\)");

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }

    /**
     * Whether the holder ran on this host in a process that no longer exists (a run killed with {@code kill -9}):
     * its lease need not be waited out. A process id reused since looks alive, and the lease is then waited out.
     */
    static boolean deadOnThisHost(Holder holder) {
        java.util.regex.Matcher m = HOST_AND_PID.matcher(holder.host());
        if (!m.matches() || m.group(1).equals("unknown host") || !m.group(1).equals(HOST_NAME)) {
            return false;
        }
        long pid = Long.parseLong(m.group(2));
        return pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}
