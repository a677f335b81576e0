package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.testing.LoopbackHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real Flink cluster: {@code deploy/flink/standalone-cluster.sh} starts a JobManager and a
 * TaskManager (two JVMs of their own) on the Flink 2.2 jars assembled by {@code deploy/flink}, and
 * {@code deploy/flink/flink.sh} (Flink's {@code CliFrontend}) submits {@code flink-job/target/vigie-jobs-<version>-job.jar} with
 * {@code run JAR --watch FILE --es URL}, as the README tells users, plus what a loopback test needs (private
 * addresses, the API base of the fixtures) and {@code --corenlp NEVER} (loading CoreNLP in the TaskManager takes a
 * minute or more on a busy machine; the second test checks its models are in the jar). The results are read from the
 * real Elasticsearch node; the cluster is stopped even when the test fails.
 */
@ExtendWith(ElasticsearchExtension.class)
class FlinkClusterIT {

    private static final Path SCRIPTS = Path.of("..", "deploy", "flink");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);

    @Test
    void theJobJarRunsOnAStandaloneClusterSubmittedWithFlinkRun(@TempDir Path dir) throws Exception {
        Path jar = jobJar();
        Cluster cluster = new Cluster(Path.of("target", "flink-it").toAbsolutePath(), freePort(), freePort());
        Thread stopOnExit = new Thread(cluster::stopQuietly, "flink-it-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Result stop;
        Map<String, Long> pids = Map.of();
        try (LoopbackHttpServer server = LoopbackHttpServer.start()) {
            RunFixtures.serve(server, "/cluster");
            String id = RunFixtures.uniqueId("acme-cluster");
            Path outbox = dir.resolve("outbox");
            Path watch = dir.resolve(id + ".yaml");
            Files.writeString(watch, """
                    watch: %1$s
                    language: en
                    brand: { name: Acme, aliases: ["Acme Corp"] }
                    competitors:
                      - name: Globex
                        feeds: ["%2$s/globex/atom.xml"]
                        pages: [{ url: "%2$s/globex/pricing", select: "main .pricing" }]
                    sources:
                      feeds: ["%2$s/news/rss.xml"]
                      hackernews: [{ query: "acme" }]
                    alerts:
                      - { id: crisis, query: 'acme AND (outage OR panne)', to: ["cm@acme.example"] }
                    report: { weekly: { to: ["direction@acme.example"] } }
                    elasticsearch: { url: "${ES_URL:-http://localhost:9200}" }
                    mail: { outbox: "%3$s", from: "vigie@acme.example" }
                    """.formatted(id, server.url() + "/cluster", outbox));

            cluster.stopQuietly();
            Result start = cluster.script("start");
            assertThat(start.status()).as(start.output()).isZero();
            assertThat(start.output()).contains("Flink is up on " + cluster.url());
            assertThat(overview(cluster).path("taskmanagers").asInt()).isEqualTo(1);
            pids = cluster.pids();
            assertThat(pids)
                    .containsOnlyKeys("jobmanager", "taskmanager")
                    .allSatisfy((name, pid) ->
                            assertThat(ProcessHandle.of(pid)).as(name).isPresent());

            Result run = cluster.flink(
                    "run",
                    jar.toString(),
                    "--watch",
                    watch.toString(),
                    "--es",
                    ElasticsearchExtension.url().toString(),
                    "--allow-private-addresses",
                    "--corenlp",
                    "NEVER",
                    "--apis",
                    server.url() + "/cluster");

            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("Job has been submitted with JobID")
                    .containsPattern("feed +Globex \\S*/globex/atom.xml +2 +2 +0 +new")
                    .containsPattern("crisis +4 +4 +0")
                    .contains("Alert emails written to " + outbox);
            Matcher summary = Pattern.compile(
                            "Run (\\S+): 4 sources, \\d+ items fetched, 6 new, 6 documents indexed, 0 refused")
                    .matcher(run.output());
            assertThat(summary.find()).as(run.output()).isTrue();
            String runId = summary.group(1);

            JsonNode job = onlyJobNamed(cluster, "vigie run " + runId);
            assertThat(job.path("state").asText()).isEqualTo("FINISHED");
            assertThat(Files.readString(cluster.log("taskmanager.log")))
                    .as("enrichment ran in the TaskManager's JVM")
                    .contains("Enrichment models of 1 watches loaded");

            List<JsonNode> mentions = RunJobIT.mentions(id);
            assertThat(mentions).hasSize(6).allSatisfy(mention -> {
                assertThat(mention.path("lang").asText()).isIn("en", "fr");
                assertThat(mention.path("sentiment").path("label").asText()).isIn("positive", "neutral", "negative");
                assertThat(mention.path("story_id").asText()).isNotBlank();
            });
            JsonNode outage = mentions.stream()
                    .filter(m -> m.path("title").asText().equals(RunFixtures.OUTAGE_TITLE)
                            && m.path("source").path("type").asText().equals("feed")
                            && m.path("source").path("name").asText().contains("Tech Courier"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no outage mention in " + mentions));
            assertThat(outage.path("sentiment").path("label").asText()).isEqualTo("negative");
            assertThat(texts(outage.path("brands"))).contains("Acme");
            assertThat(texts(outage.path("alerts"))).containsExactly("crisis");

            List<JsonNode> runs = RunJobIT.runRecords(runId);
            assertThat(runs)
                    .hasSize(4)
                    .allSatisfy(r -> assertThat(r.path("watch").asText()).isEqualTo(id));
            assertThat(runs)
                    .extracting(r -> r.path("source").path("type").asText())
                    .containsExactlyInAnyOrder("feed", "feed", "hackernews", "page");

            List<JsonNode> states = RunJobIT.search("vigie-state", "watch", id);
            assertThat(states)
                    .hasSize(4)
                    .allSatisfy(s -> assertThat(s.path("run_id").asText()).isEqualTo(runId));
            JsonNode news = states.stream()
                    .filter(s -> s.path("source").path("url").asText().endsWith("/news/rss.xml"))
                    .findFirst()
                    .orElseThrow();
            assertThat(news.path("data").path("etag").asText())
                    .as("the feed's ETag, for the next run's 304")
                    .isNotBlank();
            assertThat(RunJobIT.alertRecords(id))
                    .hasSize(4)
                    .allSatisfy(
                            alert -> assertThat(alert.path("status").asText()).isEqualTo("sent"));
            try (Stream<Path> emails = Files.list(outbox)) {
                assertThat(emails.filter(f -> f.toString().endsWith(".eml")))
                        .singleElement()
                        .satisfies(eml -> assertThat(Files.readString(eml)).contains("crisis"));
            }

            // The weekly report as the Kubernetes CronJob runs it: the image's JVM on the job jar and Flink's lib
            // (mapped to this build's), the watch's settings from the environment, and the week of the fixtures.
            Path reports = dir.resolve("reports");
            List<String> report = new ArrayList<>();
            for (String part : reportCronJobCommand()) {
                report.add(
                        switch (part) {
                            case "java" ->
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString();
                            case "/opt/flink/usrlib/vigie-jobs.jar:/opt/flink/lib/*" ->
                                jar + java.io.File.pathSeparator
                                        + Cluster.flinkHome().resolve("lib") + "/*";
                            case "/etc/vigie/watches/acme.yaml" -> watch.toString();
                            case "/tmp/reports" -> reports.toString();
                            default -> {
                                assertThat(part)
                                        .as("a path of the image this test does not map")
                                        .doesNotStartWith("/");
                                yield part;
                            }
                        });
            }
            report.addAll(List.of("--week", "2026-W48"));
            // in a folder of its own, as the pod's workingDir: the report's log goes under it (.vigie/logs)
            Path pod = Files.createDirectories(dir.resolve("report-pod"));
            Result weekly = Cluster.run(
                    pod, report, Map.of("ES_URL", ElasticsearchExtension.url().toString()), pod, Duration.ofMinutes(3));
            assertThat(pod.resolve(".vigie/logs/vigie.log")).isRegularFile();
            assertThat(weekly.status()).as(weekly.output()).isZero();
            assertThat(weekly.output())
                    .containsPattern("Report of '" + id + "' for 2026-W48: \\S+\\.html, \\S+\\.pdf "
                            + "\\([1-9]\\d* mentions\\)")
                    .contains("Emailed to direction@acme.example");
            try (Stream<Path> files = Files.list(reports)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .anyMatch(f -> f.endsWith(".html"))
                        .anyMatch(f -> f.endsWith(".pdf"));
            }
            try (Stream<Path> emails = Files.list(outbox)) {
                assertThat(emails.filter(f -> f.toString().endsWith(".eml")))
                        .hasSize(2)
                        .anySatisfy(eml -> assertThat(Files.readString(eml))
                                .contains("direction@acme.example")
                                .contains("application/pdf"));
            }

            // Detached (flink run -d): the main method still waits for the job before committing the state.
            Result detached = cluster.flink(
                    "run",
                    "-d",
                    jar.toString(),
                    "--watch",
                    watch.toString(),
                    "--es",
                    ElasticsearchExtension.url().toString(),
                    "--allow-private-addresses",
                    "--corenlp",
                    "NEVER",
                    "--apis",
                    server.url() + "/cluster");
            assertThat(detached.status()).as(detached.output()).isZero();
            Matcher rerun = Pattern.compile(
                            "Run (\\S+): 4 sources, \\d+ items fetched, 0 new, 0 documents indexed, 0 refused")
                    .matcher(detached.output());
            assertThat(rerun.find()).as(detached.output()).isTrue();
            assertThat(onlyJobNamed(cluster, "vigie run " + rerun.group(1))
                            .path("state")
                            .asText())
                    .isEqualTo("FINISHED");
            assertThat(RunJobIT.search("vigie-state", "watch", id))
                    .hasSize(4)
                    .allSatisfy(s -> assertThat(s.path("run_id").asText()).isEqualTo(rerun.group(1)));
        } finally {
            stop = cluster.script("stop");
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        assertThat(stop.output()).contains("Stopped the Flink cluster");
        assertThat(cluster.script("status").status()).isEqualTo(3);
        assertThat(cluster.jvms()).isEmpty();
        assertThat(pids.values())
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    }

    @Test
    void theScriptsRefuseBadSettingsLeavingNoJvmAndNeverStopAProcessTheyDidNotStart(@TempDir Path dir)
            throws Exception {
        Cluster cluster = new Cluster(dir.resolve("cluster"), freePort(), freePort());
        for (List<String> bad : List.of(
                List.of("start", "--port", "99999"),
                List.of("start", "--slots", "0"),
                List.of("start", "--tm-memory", "3 GB"),
                List.of("start", "--port", "8081", "--rpc-port", "8081"),
                List.of("start", "--dri", "x"),
                List.of("restart"))) {
            Result result = Cluster.run(
                    cluster.dir(),
                    Stream.concat(
                                    Stream.of(
                                            "bash",
                                            SCRIPTS.resolve("standalone-cluster.sh")
                                                    .toString()),
                                    bad.stream())
                            .toList(),
                    Duration.ofMinutes(1));
            assertThat(result.status()).as("%s: %s", bad, result.output()).isEqualTo(2);
            assertThat(result.output())
                    .containsAnyOf(
                            "bad port: 99999",
                            "bad number of slots: 0",
                            "bad memory size (e.g. 1600m, 3g): 3 GB",
                            "--port and --rpc-port must differ: 8081",
                            "unknown option: --dri",
                            "usage:");
        }

        Result noCluster = cluster.flink("list");
        assertThat(noCluster.status()).isEqualTo(1);
        assertThat(noCluster.output())
                .contains("No Flink cluster configuration in " + cluster.dir().resolve("conf"))
                .contains("standalone-cluster.sh start");

        Result tooSmall = Cluster.run(
                cluster.dir(),
                List.of(
                        "bash",
                        SCRIPTS.resolve("standalone-cluster.sh").toString(),
                        "start",
                        "--dir",
                        cluster.dir().toString(),
                        "--port",
                        String.valueOf(cluster.restPort()),
                        "--rpc-port",
                        String.valueOf(cluster.rpcPort()),
                        "--tm-memory",
                        "300m"),
                Duration.ofMinutes(2));
        assertThat(tooSmall.status()).as(tooSmall.output()).isEqualTo(1);
        assertThat(tooSmall.output()).contains("TaskManager memory configuration failed");
        assertThat(cluster.jvms())
                .as("the JobManager started before the TaskManager's refusal")
                .isEmpty();

        Files.writeString(
                cluster.dir().resolve("jobmanager.pid"),
                Long.toString(ProcessHandle.current().pid()));
        assertThat(cluster.script("stop").output()).contains("The Flink cluster is not running");
        assertThat(cluster.script("status").status()).isEqualTo(3);
    }

    /** The command and arguments of the weekly report's CronJob in {@code deploy/kubernetes/scheduler.yaml}. */
    private static List<String> reportCronJobCommand() throws IOException {
        com.fasterxml.jackson.dataformat.yaml.YAMLFactory yaml =
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();
        ObjectMapper mapper = new ObjectMapper(yaml);
        List<String> command = new ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser parser = yaml.createParser(
                Path.of("..", "deploy", "kubernetes", "scheduler.yaml").toFile())) {
            for (JsonNode doc : mapper.readValues(parser, JsonNode.class).readAll()) {
                if (doc.at("/metadata/name").asText().equals("vigie-acme-report")) {
                    JsonNode container = doc.at("/spec/jobTemplate/spec/template/spec/containers/0");
                    container.path("command").forEach(c -> command.add(c.asText()));
                    container.path("args").forEach(a -> command.add(a.asText()));
                }
            }
        }
        assertThat(command).as("the report CronJob's command in scheduler.yaml").contains("report");
        return command;
    }

    private static Path jobJar() {
        String path = System.getProperty("vigie.job.jar");
        assertThat(path)
                .as("system property vigie.job.jar (set by the flink-job pom for failsafe)")
                .isNotBlank();
        Path jar = Path.of(path);
        assertThat(jar)
                .as("the job jar: build it with mvn -pl flink-job -am package")
                .isRegularFile();
        return jar;
    }

    private static JsonNode overview(Cluster cluster) throws IOException, InterruptedException {
        return get(cluster.url().resolve("/overview"));
    }

    private static JsonNode onlyJobNamed(Cluster cluster, String name) throws IOException, InterruptedException {
        List<JsonNode> jobs = new ArrayList<>();
        get(cluster.url().resolve("/jobs/overview")).path("jobs").forEach(jobs::add);
        assertThat(jobs)
                .as("jobs of the cluster")
                .filteredOn(j -> j.path("name").asText().equals(name))
                .hasSize(1);
        return jobs.stream()
                .filter(j -> j.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(int status, String output) {}

    /** A cluster of the scripts, in its own folder and on its own ports. */
    private record Cluster(Path dir, int restPort, int rpcPort) {

        URI url() {
            return URI.create("http://127.0.0.1:" + restPort);
        }

        Path log(String name) {
            return dir.resolve("log").resolve(name);
        }

        Result script(String action) throws IOException, InterruptedException {
            return run(
                    List.of(
                            "bash",
                            SCRIPTS.resolve("standalone-cluster.sh").toString(),
                            action,
                            "--dir",
                            dir.toString(),
                            "--port",
                            String.valueOf(restPort),
                            "--rpc-port",
                            String.valueOf(rpcPort),
                            "--slots",
                            "2",
                            "--tm-memory",
                            "1600m",
                            "--jm-memory",
                            "1g"),
                    Duration.ofMinutes(4));
        }

        Result flink(String... args) throws IOException, InterruptedException {
            List<String> command =
                    new ArrayList<>(List.of("bash", SCRIPTS.resolve("flink.sh").toString()));
            command.addAll(List.of(args));
            return run(command, RUN_TIMEOUT);
        }

        void stopQuietly() {
            try {
                script("stop");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The live processes started on this cluster's configuration, whatever their pid files say. */
        List<String> jvms() {
            String conf = dir.resolve("conf").toString();
            return ProcessHandle.allProcesses()
                    .filter(ProcessHandle::isAlive)
                    .map(p -> p.info().commandLine().orElse(""))
                    .filter(line -> line.contains("--configDir " + conf))
                    .toList();
        }

        /** The pids of the cluster's processes that are alive, by process name. */
        Map<String, Long> pids() throws IOException {
            Map<String, Long> alive = new TreeMap<>();
            for (String name : List.of("jobmanager", "taskmanager")) {
                Path file = dir.resolve(name + ".pid");
                if (Files.isRegularFile(file)) {
                    long pid = Long.parseLong(Files.readString(file).strip());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        alive.put(name, pid);
                    }
                }
            }
            return alive;
        }

        private Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
            return run(dir, command, timeout);
        }

        static Result run(Path dir, List<String> command, Duration timeout) throws IOException, InterruptedException {
            return run(dir, command, Map.of(), null, timeout);
        }

        /** Runs {@code command} with {@code env} added, in {@code workingDir} (null: this JVM's). */
        static Result run(Path dir, List<String> command, Map<String, String> env, Path workingDir, Duration timeout)
                throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            if (workingDir != null) {
                builder.directory(workingDir.toFile());
            }
            builder.environment().put("VIGIE_FLINK_DIR", dir.toString());
            builder.environment().put("VIGIE_FLINK_HOME", flinkHome().toString());
            // C1 only: these JVMs live a minute on a few records, where C2 compiling costs more CPU than it saves.
            builder.environment().put("JVM_ARGS", "-Xmx512m -XX:TieredStopAtLevel=1");
            Files.createDirectories(dir.getParent());
            Path output = Files.createTempFile(dir.getParent(), "flink-it-", ".out");
            Process process = builder.redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(output));
            }
            String text = Files.readString(output);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        }

        private static Path flinkHome() {
            String home = System.getProperty("vigie.flink.home");
            assertThat(home)
                    .as("system property vigie.flink.home (set by the root pom for failsafe)")
                    .isNotBlank();
            assertThat(Path.of(home, "lib"))
                    .as("the Flink jars: mvn -pl deploy/flink install")
                    .isDirectory();
            return Path.of(home);
        }
    }
}
