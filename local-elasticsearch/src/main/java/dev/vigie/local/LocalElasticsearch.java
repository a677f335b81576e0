package dev.vigie.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch started from an unpacked distribution (normally the integ-test-zip node prepared by
 * the {@code deploy/elasticsearch} module, with Vigie's analysis plugin installed).
 *
 * <p>Why a class of its own: the node must run with its own configuration and data folders (the distribution stays
 * read-only and shared), on a free loopback port, security off, single-node discovery, disk watermarks off, and
 * never as root: Elasticsearch refuses root, so when the JVM runs as root the node runs as {@link
 * #DEFAULT_USER}, created if missing, owning the work folder. Health is checked with {@code _cluster/health}
 * ({@code GET /} does not exist on that distribution).
 *
 * <pre>{@code
 * try (LocalElasticsearch node = LocalElasticsearch.builder(home).workDir(Path.of("target/es")).build().start()) {
 *     URI url = node.url();
 * }
 * }</pre>
 */
public final class LocalElasticsearch implements AutoCloseable {

    /** Heap of the node: enough for tests and a demo. */
    public static final String DEFAULT_HEAP = "256m";
    /** How long {@link #start()} waits for the node to answer. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    /** Unprivileged user the node runs as when the caller is root. */
    public static final String DEFAULT_USER = "vigie-es";
    /** Port 0 means a free port chosen at start. */
    public static final int FREE_PORT = 0;
    /** Cluster name of local nodes. */
    public static final String DEFAULT_CLUSTER_NAME = "vigie-local";
    /** The node listens on loopback only. */
    public static final String HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearch.class);
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[mg]");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String PID_FILE = "elasticsearch.pid";
    private static final String WHERE_FILE = "WHERE.txt";

    private Path home;
    private Path workDir;
    private final int requestedPort;
    private final String heap;
    private final Duration startTimeout;
    private final String user;
    private final String clusterName;
    private final boolean freshData;
    private final boolean detached;
    private Process process;
    private URI url;

    private LocalElasticsearch(Builder builder) {
        this.home = builder.home;
        this.workDir = builder.workDir.toAbsolutePath().normalize();
        this.requestedPort = builder.httpPort;
        this.heap = builder.heap;
        this.startTimeout = builder.startTimeout;
        this.user = builder.user;
        this.clusterName = builder.clusterName;
        this.freshData = builder.freshData;
        this.detached = builder.detached;
    }

    /**
     * Starts describing a node.
     *
     * @param home the unpacked Elasticsearch distribution (contains {@code bin/elasticsearch})
     * @return a builder
     */
    public static Builder builder(Path home) {
        return new Builder(home);
    }

    /**
     * Starts the node and waits until {@code _cluster/health} answers.
     *
     * @return this node, started
     * @throws IllegalStateException when the node exits or does not answer in time; the message names its log
     */
    public synchronized LocalElasticsearch start() {
        if (process != null) {
            throw new IllegalStateException("node in " + workDir + " is already started at " + url);
        }
        try {
            int port = requestedPort == FREE_PORT ? freePort() : requestedPort;
            url = URI.create("http://" + HOST + ":" + port);
            if (isHealthy(url)) {
                throw new IllegalStateException("another Elasticsearch already answers on " + url);
            }
            if (runsAsRoot()) {
                ensureUser();
                relocateIfUnreachable();
            }
            prepareWorkDir(port);
            Instant begin = Instant.now();
            ProcessBuilder command = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(consoleLog().toFile()));
            Map<String, String> env = command.environment();
            env.putAll(nodeEnvironment());
            env.remove("JAVA_TOOL_OPTIONS");
            env.remove("_JAVA_OPTIONS");
            LOG.info("Starting Elasticsearch from {} on {} (work folder {})", home, url, workDir);
            process = command.start();
            awaitHealthy(begin);
            LOG.info(
                    "Elasticsearch answered on {} after {} ms",
                    url,
                    Duration.between(begin, Instant.now()).toMillis());
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot start Elasticsearch from " + home + "; see " + consoleLog(), e);
        }
    }

    /** Registers a JVM shutdown hook that stops the node. */
    public LocalElasticsearch stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-elasticsearch-" + workDir.getFileName()));
        return this;
    }

    /** @return the node's base URL, {@code http://127.0.0.1:<port>} */
    public synchronized URI url() {
        if (url == null) {
            throw new IllegalStateException("node in " + workDir + " is not started");
        }
        return url;
    }

    /** @return the folder holding the node's configuration, data and logs */
    public Path workDir() {
        return workDir;
    }

    /** @return the file receiving the node's console output (the server log is next to it) */
    public Path consoleLog() {
        return workDir.resolve("logs").resolve("console.log");
    }

    /** Stops the node (SIGTERM, then SIGKILL after 30 s); does nothing if it is not running. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Optional<ProcessHandle> server = pid().flatMap(ProcessHandle::of);
        server.ifPresent(ProcessHandle::destroy);
        process.destroy();
        try {
            long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline
                    && (process.isAlive() || server.map(ProcessHandle::isAlive).orElse(false))) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        LOG.info("Elasticsearch on {} stopped", url);
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The process id of the node that works in {@code workDir} (started by this or another process), if it runs. When
     * the node had to work elsewhere (see {@link Builder#build()}: an unprivileged user cannot reach {@code workDir}),
     * that folder is the one read.
     */
    public static Optional<Long> runningPid(Path workDir) {
        Path dir = effectiveWorkDir(workDir.toAbsolutePath().normalize());
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(PID_FILE)).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the node that works in {@code workDir}, whoever started it: SIGTERM, then SIGKILL after 30 s.
     *
     * @return whether a node was running
     */
    public static boolean stopNode(Path workDir) {
        Optional<ProcessHandle> server = runningPid(workDir).flatMap(ProcessHandle::of);
        if (server.isEmpty()) {
            return false;
        }
        ProcessHandle handle = server.get();
        handle.destroy();
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            handle.destroyForcibly();
        }
        return true;
    }

    /**
     * The distribution the build prepared under a project folder: {@code deploy/elasticsearch/target/elasticsearch-*}.
     *
     * @throws IllegalArgumentException when the build has not prepared it, saying how to
     */
    public static Path distribution(Path projectRoot) {
        Path target = projectRoot.resolve("deploy").resolve("elasticsearch").resolve("target");
        try (Stream<Path> dirs = Files.list(target)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("elasticsearch-"))
                    .filter(d -> Files.isRegularFile(d.resolve("bin").resolve("elasticsearch")))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no distribution"));
        } catch (IOException e) {
            throw new IllegalArgumentException("no Elasticsearch distribution under " + target
                    + "; prepare it with: mvn -B -pl deploy/elasticsearch -am install -DskipTests");
        }
    }

    /**
     * Whether an Elasticsearch answers {@code _cluster/health} with a usable status at this URL.
     *
     * @param url a node base URL
     * @return true when the cluster is green or yellow
     */
    public static boolean isHealthy(URI url) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/_cluster/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && (response.body().contains("\"green\"") || response.body().contains("\"yellow\""));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitHealthy(Instant begin) {
        Instant deadline = begin.plus(startTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive() && !(detached && process.exitValue() == 0 && serverAlive())) {
                String tail = tail(consoleLog());
                process = null;
                throw new IllegalStateException(
                        "Elasticsearch exited during start-up; log " + consoleLog() + ":\n" + tail);
            }
            if (isHealthy(url)) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("interrupted while waiting for Elasticsearch on " + url, e);
            }
        }
        stop();
        throw new IllegalStateException("Elasticsearch did not answer on " + url + " within " + startTimeout + "; log "
                + consoleLog() + ":\n" + tail(consoleLog()));
    }

    private void prepareWorkDir(int port) throws IOException {
        Path config = workDir.resolve("config");
        Path data = workDir.resolve("data");
        if (freshData) {
            deleteRecursively(data);
        }
        for (Path dir : List.of(config, data, workDir.resolve("logs"), workDir.resolve("tmp"))) {
            Files.createDirectories(dir);
        }
        Path source = home.resolve("config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = config.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String settings = String.join(
                "\n",
                "# Written by Vigie's LocalElasticsearch at each start; edits are overwritten.",
                "cluster.name: " + clusterName,
                "node.name: " + clusterName + "-node",
                "network.host: " + HOST,
                "http.port: " + port,
                "transport.port: " + freePort(),
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "path.data: " + data,
                "path.logs: " + workDir.resolve("logs"),
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.auto_create_index: true",
                "");
        Files.writeString(config.resolve("elasticsearch.yml"), settings, StandardCharsets.UTF_8);
        Files.deleteIfExists(pidFile());
        if (runsAsRoot()) {
            run(List.of("chown", "-R", user + ":", workDir.toString()));
        }
    }

    /**
     * The node runs as {@link #user}, who must traverse the folders above the distribution and the work folder.
     * A checkout under {@code /root} (mode 700) is not reachable: then the distribution is copied once to, and the
     * node works in, a folder under {@code /tmp}, and a note in the requested work folder says where.
     */
    private void relocateIfUnreachable() throws IOException {
        Path requested = workDir;
        Files.createDirectories(requested);
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "vigie-es");
        String key =
                Integer.toHexString(home.toAbsolutePath().normalize().toString().hashCode());
        if (run(List.of(
                        "runuser",
                        "-u",
                        user,
                        "--",
                        "test",
                        "-r",
                        home.resolve("lib").toString()))
                != 0) {
            Path copy = shared.resolve("home-" + key);
            if (!Files.isRegularFile(copy.resolve(".complete"))) {
                LOG.warn("User {} cannot read {}: copying the distribution to {}", user, home, copy);
                Files.createDirectories(shared);
                run(List.of("chmod", "a+rx", shared.toString()));
                run(List.of("rm", "-rf", copy.toString()));
                if (run(List.of("cp", "-a", home.toString(), copy.toString())) != 0) {
                    throw new IOException("cannot copy " + home + " to " + copy);
                }
                run(List.of("chmod", "-R", "a+rX", copy.toString()));
                Files.writeString(copy.resolve(".complete"), home.toString());
            }
            home = copy;
        }
        if (run(List.of("runuser", "-u", user, "--", "test", "-x", requested.toString())) != 0) {
            Path relocated = relocated(requested);
            LOG.warn("User {} cannot reach {}: the node works in {}", user, requested, relocated);
            Files.createDirectories(relocated);
            run(List.of("chmod", "a+rx", shared.toString()));
            Files.writeString(
                    requested.resolve(WHERE_FILE),
                    "The node's config, data and logs are in " + relocated + " (user " + user
                            + " cannot reach this folder).\n");
            workDir = relocated;
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        if (runsAsRoot()) {
            command.addAll(List.of("runuser", "-u", user, "--"));
        }
        command.add(home.resolve("bin").resolve("elasticsearch").toString());
        command.addAll(List.of("-p", pidFile().toString()));
        if (detached) {
            command.add("-d");
        }
        return command;
    }

    private Map<String, String> nodeEnvironment() {
        String javaHome = System.getenv().getOrDefault("ES_JAVA_HOME", System.getProperty("java.home"));
        return Map.of(
                "ES_JAVA_HOME",
                javaHome,
                "ES_PATH_CONF",
                workDir.resolve("config").toString(),
                "ES_TMPDIR",
                workDir.resolve("tmp").toString(),
                "ES_JAVA_OPTS",
                "-Xms" + heap + " -Xmx" + heap);
    }

    private Path pidFile() {
        return workDir.resolve(PID_FILE);
    }

    private Optional<Long> pid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile()).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void ensureUser() throws IOException {
        if (run(List.of("id", "-u", user)) != 0) {
            LOG.info("Creating system user {} to run Elasticsearch (it refuses to run as root)", user);
            int status = run(List.of(
                    "useradd", "--system", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", user));
            if (status != 0 && run(List.of("id", "-u", user)) != 0) {
                throw new IOException("useradd " + user + " failed with status " + status);
            }
        }
    }

    /** Where the node works when the unprivileged user cannot reach {@code requested}. */
    private static Path relocated(Path requested) {
        return Path.of(System.getProperty("java.io.tmpdir"), "vigie-es")
                .resolve("work-" + Integer.toHexString(requested.toString().hashCode()));
    }

    /** {@code requested}, or where the node works instead when {@code requested} holds the note saying so. */
    private static Path effectiveWorkDir(Path requested) {
        return Files.isRegularFile(requested.resolve(WHERE_FILE)) ? relocated(requested) : requested;
    }

    private boolean serverAlive() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timeout running " + command);
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Settings of a {@link LocalElasticsearch}; {@link #build()} checks them. */
    public static final class Builder {
        private final Path home;
        private Path workDir;
        private int httpPort = FREE_PORT;
        private String heap = DEFAULT_HEAP;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private String user = DEFAULT_USER;
        private String clusterName = DEFAULT_CLUSTER_NAME;
        private boolean freshData;
        private boolean detached;

        private Builder(Path home) {
            this.home = home;
        }

        /** @param dir folder for the node's config, data and logs (required; created if missing) */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** @param port HTTP port on 127.0.0.1, or {@link #FREE_PORT} (default) for any free one */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** @param size JVM heap such as {@code 256m} or {@code 1g} (default {@link #DEFAULT_HEAP}) */
        public Builder heap(String size) {
            this.heap = size;
            return this;
        }

        /** @param timeout how long to wait for the node (default {@link #DEFAULT_START_TIMEOUT}) */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** @param name the unprivileged user to run as when the caller is root (default {@link #DEFAULT_USER}) */
        public Builder unprivilegedUser(String name) {
            this.user = name;
            return this;
        }

        /** @param name the cluster name (default {@link #DEFAULT_CLUSTER_NAME}) */
        public Builder clusterName(String name) {
            this.clusterName = name;
            return this;
        }

        /** @param fresh whether to delete the data folder before starting (default false: data is kept) */
        public Builder freshData(boolean fresh) {
            this.freshData = fresh;
            return this;
        }

        /**
         * @param detached whether the node runs on its own (daemonised: it outlives this JVM, and {@link #stop()} or
         *     {@link #stopNode(Path)} stops it) instead of as a child process (default false)
         */
        public Builder detached(boolean detached) {
            this.detached = detached;
            return this;
        }

        /**
         * Checks the settings.
         *
         * @return the node, not started
         * @throws IllegalArgumentException naming the first bad setting
         */
        public LocalElasticsearch build() {
            if (home == null || !Files.isRegularFile(home.resolve("bin").resolve("elasticsearch"))) {
                throw new IllegalArgumentException("not an Elasticsearch distribution (no bin/elasticsearch): " + home
                        + "; build it with: mvn -B -pl deploy/elasticsearch -am install -DskipTests");
            }
            if (workDir == null) {
                throw new IllegalArgumentException("workDir is required");
            }
            if (httpPort < 0 || httpPort > 65535) {
                throw new IllegalArgumentException("httpPort must be 0..65535, got " + httpPort);
            }
            if (heap == null || !HEAP.matcher(heap).matches()) {
                throw new IllegalArgumentException("heap must look like 256m or 1g, got " + heap);
            }
            if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
            }
            if (user == null || !USER.matcher(user).matches()) {
                throw new IllegalArgumentException("unprivilegedUser must be a valid user name, got " + user);
            }
            if (clusterName == null || !clusterName.matches("[a-z0-9][a-z0-9_-]*")) {
                throw new IllegalArgumentException("clusterName must match [a-z0-9][a-z0-9_-]*, got " + clusterName);
            }
            return new LocalElasticsearch(this);
        }
    }

    @Override
    public String toString() {
        return "LocalElasticsearch[" + Objects.requireNonNullElse(url, "not started") + ", " + workDir + "]";
    }
}
