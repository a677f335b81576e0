package dev.vigie.dashboards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigie.dashboards.IndexTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compose file, the Kubernetes manifests and the security files cannot run here; this checks every one parses
 * and that the values tying them together agree: image versions with the pinned ones, ports, the job jar path,
 * the job's main class, the watch file, and index names with the index templates.
 */
class DeployFilesTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAR_GLOB = "flink-job/target/vigie-jobs-*-job.jar";

    @Test
    void everyDeployFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        for (Path file : files) {
            if (file.toString().endsWith(".json")) {
                assertThat(JSON.readTree(file.toFile())).as(file.toString()).isNotNull();
            } else {
                assertThat(documents(file)).as(file.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void composeRunsThePinnedVersionsOnTheExpectedPorts() throws IOException {
        JsonNode services = YAML.readTree(
                        DEPLOY.resolve("compose/docker-compose.yml").toFile())
                .path("services");
        String es = pinned("elasticsearch.version");
        String flink = pinned("flink.version");
        assertThat(services.at("/elasticsearch/image").asText())
                .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + es);
        assertThat(services.at("/kibana/image").asText()).isEqualTo("docker.elastic.co/kibana/kibana:" + es);
        for (String flinkService : List.of("jobmanager", "taskmanager", "submit")) {
            assertThat(services.path(flinkService).path("image").asText())
                    .as(flinkService)
                    .isEqualTo("flink:" + flink + "-java17");
        }
        assertThat(ports(services.path("elasticsearch"))).containsExactly("127.0.0.1:9200:9200");
        assertThat(ports(services.path("kibana"))).containsExactly("127.0.0.1:5601:5601");
        assertThat(ports(services.path("jobmanager"))).containsExactly("127.0.0.1:8081:8081");
        assertThat(ports(services.path("mailpit"))).contains("127.0.0.1:1025:1025", "127.0.0.1:8025:8025");
        assertThat(services.at("/kibana/environment/ELASTICSEARCH_HOSTS").asText())
                .contains("elasticsearch:9200");
        assertThat(services.at("/elasticsearch/environment/xpack.security.enabled")
                        .asText())
                .isEqualTo("false");
    }

    @Test
    void composeOneShotsImportTheDashboardsAndSubmitTheJobJarWithTheWatch() throws IOException {
        JsonNode services = YAML.readTree(
                        DEPLOY.resolve("compose/docker-compose.yml").toFile())
                .path("services");
        String importer = join(services.at("/dashboards/entrypoint"));
        assertThat(importer)
                .contains("/vigie/deploy/kibana/import-dashboards.sh")
                .contains("http://kibana:5601");
        assertThat(DEPLOY.resolve("kibana/import-dashboards.sh")).isRegularFile();

        String submit = join(services.at("/submit/entrypoint"));
        assertThat(submit)
                .contains("flink run")
                .contains("-Drest.address=jobmanager")
                .contains("-Drest.port=8081")
                .contains("/vigie/" + JAR_GLOB);
        Matcher watch = Pattern.compile("--watch (/vigie/\\S+)").matcher(submit);
        assertThat(watch.find()).isTrue();
        Path watchFile = ROOT.resolve(watch.group(1).substring("/vigie/".length()));
        assertThat(watchFile).isRegularFile();
        JsonNode watchYaml = YAML.readTree(watchFile.toFile());
        assertThat(watchYaml.at("/elasticsearch/url").asText()).startsWith("${ES_URL");
        assertThat(watchYaml.at("/mail/smtp").asText()).startsWith("${SMTP_URL");
        assertThat(services.at("/submit/environment/ES_URL").asText()).isEqualTo("http://elasticsearch:9200");
        assertThat(services.at("/submit/environment/SMTP_URL").asText()).isEqualTo("smtp://mailpit:1025");
        assertThat(services.at("/submit/depends_on/dashboards/condition").asText())
                .isEqualTo("service_completed_successfully");
        assertThat(join(services.at("/submit/volumes"))).contains("../..:/vigie");
    }

    @Test
    void flinkDeploymentsRunTheImageJarAndMainClassOfThisBuild() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("kubernetes/Dockerfile"));
        String flink = pinned("flink.version");
        assertThat(dockerfile)
                .contains("FROM flink:" + flink + "-java17")
                .contains("COPY " + JAR_GLOB + " /opt/flink/usrlib/vigie-jobs.jar");
        List<JsonNode> deployments = kubernetes().stream()
                .filter(d -> d.path("kind").asText().equals("FlinkDeployment"))
                .toList();
        assertThat(deployments).extracting(d -> d.at("/metadata/name").asText()).containsExactly("vigie-acme-run");
        String flinkVersion = "v" + flink.replaceAll("^(\\d+)\\.(\\d+).*", "$1_$2");
        for (JsonNode deployment : deployments) {
            JsonNode spec = deployment.path("spec");
            assertThat(spec.path("flinkVersion").asText()).isEqualTo(flinkVersion);
            assertThat(spec.at("/job/jarURI").asText()).isEqualTo("local:///opt/flink/usrlib/vigie-jobs.jar");
            String mainClass = spec.at("/job/entryClass").asText();
            assertThat(ROOT.resolve("jobs/src/main/java/" + mainClass.replace('.', '/') + ".java"))
                    .isRegularFile();
            assertThat(spec.at("/flinkConfiguration/execution.runtime-mode").asText())
                    .isEqualTo("BATCH");
            List<String> args = new ArrayList<>();
            spec.at("/job/args").forEach(a -> args.add(a.asText()));
            assertThat(args.get(0)).isEqualTo("run");
            String watchPath = args.get(args.indexOf("--watch") + 1);
            JsonNode container = spec.at("/podTemplate/spec/containers/0");
            String mount = container.at("/volumeMounts/0/mountPath").asText();
            assertThat(watchPath).startsWith(mount + "/");
            assertThat(DEPLOY.resolve("kubernetes/watches").resolve(watchPath.substring(mount.length() + 1)))
                    .isRegularFile();
            Map<String, String> env = new TreeMap<>();
            container
                    .path("env")
                    .forEach(e -> env.put(
                            e.path("name").asText(),
                            e.has("value")
                                    ? e.path("value").asText()
                                    : e.at("/valueFrom/secretKeyRef/name").asText()));
            assertThat(env)
                    .containsEntry("ES_URL", "http://vigie-es-http.vigie.svc:9200")
                    .containsEntry("ES_API_KEY", "vigie-es-job")
                    .containsKey("SMTP_URL");
        }
        JsonNode kustomization =
                YAML.readTree(DEPLOY.resolve("kubernetes/kustomization.yaml").toFile());
        assertThat(kustomization.at("/configMapGenerator/0/name").asText())
                .isEqualTo(deployments
                        .get(0)
                        .at("/spec/podTemplate/spec/volumes/0/configMap/name")
                        .asText());
        for (JsonNode resource : kustomization.path("resources")) {
            assertThat(DEPLOY.resolve("kubernetes").resolve(resource.asText())).isRegularFile();
        }
    }

    @Test
    void theRunScheduleRestartsAnExistingFlinkDeploymentWithAnAccountAllowedTo() throws IOException {
        List<JsonNode> docs = kubernetes();
        Set<String> deployments = docs.stream()
                .filter(d -> d.path("kind").asText().equals("FlinkDeployment"))
                .map(d -> d.at("/metadata/name").asText())
                .collect(Collectors.toSet());
        List<JsonNode> restarts = docs.stream()
                .filter(d -> d.path("kind").asText().equals("CronJob"))
                .filter(d -> d.toString().contains("restartNonce"))
                .toList();
        assertThat(restarts).extracting(d -> d.at("/metadata/name").asText()).containsExactly("vigie-acme-run");
        JsonNode role = docs.stream()
                .filter(d -> d.path("kind").asText().equals("Role"))
                .findFirst()
                .orElseThrow();
        assertThat(join(role.at("/rules/0/resources"))).isEqualTo("flinkdeployments");
        assertThat(join(role.at("/rules/0/verbs"))).contains("patch").doesNotContain("delete");
        for (JsonNode cron : restarts) {
            JsonNode pod = cron.at("/spec/jobTemplate/spec/template/spec");
            assertThat(pod.path("serviceAccountName").asText())
                    .isEqualTo(role.at("/metadata/name").asText());
            Matcher target = Pattern.compile("patch flinkdeployment (\\S+) .*restartNonce")
                    .matcher(join(pod.at("/containers/0/args")));
            assertThat(target.find()).as(cron.toString()).isTrue();
            assertThat(deployments).contains(target.group(1));
        }
    }

    @Test
    void theReportScheduleRunsTheReportCommandInAPodOfTheImageWithTheRunsSettings() throws IOException {
        List<JsonNode> docs = kubernetes();
        JsonNode run = docs.stream()
                .filter(d -> d.path("kind").asText().equals("FlinkDeployment"))
                .findFirst()
                .orElseThrow();
        JsonNode cron = docs.stream()
                .filter(d -> d.at("/metadata/name").asText().equals("vigie-acme-report"))
                .findFirst()
                .orElseThrow();
        assertThat(cron.path("kind").asText()).isEqualTo("CronJob");
        assertThat(cron.at("/spec/schedule").asText()).isEqualTo("0 7 * * 1");
        JsonNode pod = cron.at("/spec/jobTemplate/spec/template/spec");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode container = pod.at("/containers/0");
        assertThat(container.path("image").asText())
                .isEqualTo(run.at("/spec/image").asText());
        List<String> command = new ArrayList<>();
        container.path("command").forEach(c -> command.add(c.asText()));
        assertThat(command.get(0)).isEqualTo("java");
        String classPath = command.get(command.indexOf("-cp") + 1);
        assertThat(classPath.split(":")).containsExactly("/opt/flink/usrlib/vigie-jobs.jar", "/opt/flink/lib/*");
        String mainClass = command.get(command.size() - 1);
        assertThat(mainClass).isEqualTo("dev.vigie.jobs.cli.Vigie");
        assertThat(ROOT.resolve("jobs/src/main/java/" + mainClass.replace('.', '/') + ".java"))
                .isRegularFile();
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        assertThat(args.get(0)).isEqualTo("report");
        String watchPath = args.get(args.indexOf("--watch") + 1);
        assertThat(watchPath).isEqualTo(run.at("/spec/job/args/2").asText());
        assertThat(container.at("/volumeMounts/0/mountPath").asText())
                .isEqualTo(run.at("/spec/podTemplate/spec/containers/0/volumeMounts/0/mountPath")
                        .asText());
        assertThat(pod.at("/volumes/0")).isEqualTo(run.at("/spec/podTemplate/spec/volumes/0"));
        assertThat(container.path("env")).isEqualTo(run.at("/spec/podTemplate/spec/containers/0/env"));
    }

    @Test
    void elasticStackRunsThePinnedVersionWithSecurityLeftOn() throws IOException {
        String es = pinned("elasticsearch.version");
        List<JsonNode> stack = documents(DEPLOY.resolve("kubernetes/elastic-stack.yaml"));
        assertThat(stack).extracting(d -> d.path("kind").asText()).containsExactly("Elasticsearch", "Kibana");
        assertThat(stack).allMatch(d -> d.at("/spec/version").asText().equals(es));
        assertThat(stack.get(0).toString()).doesNotContain("xpack.security.enabled");
        assertThat(stack.get(1).at("/spec/elasticsearchRef/name").asText())
                .isEqualTo(stack.get(0).at("/metadata/name").asText());
    }

    @Test
    void jobApiKeyCoversEveryTemplateAndNothingBroader() throws IOException {
        JsonNode descriptor = JSON.readTree(
                        DEPLOY.resolve("kubernetes/security/job-api-key.json").toFile())
                .at("/role_descriptors/vigie_job");
        List<String> names = new ArrayList<>();
        descriptor.at("/indices/0/names").forEach(n -> names.add(n.asText()));
        for (String template : IndexTemplates.NAMES) {
            assertThat(names).as(template).anyMatch(pattern -> globMatches(pattern, template));
        }
        assertThat(names).noneMatch(n -> n.equals("*") || n.equals("vigie-*"));
        Set<String> privileges = new java.util.HashSet<>();
        descriptor.at("/indices/0/privileges").forEach(p -> privileges.add(p.asText()));
        assertThat(privileges)
                .contains("index", "read", "create_index")
                .doesNotContain("all", "manage", "delete_index", "delete");
        assertThat(join(descriptor.path("cluster"))).doesNotContain("all").doesNotContain("manage_security");
    }

    @Test
    void eachWatchGetsFilteredAliasesThatItsAnalystRoleAndDashboardsRead() throws IOException {
        String watch = "acme";
        JsonNode aliases = render("aliases.template.json", watch);
        JsonNode role = render("analyst-role.template.json", watch);
        JsonNode space = render("space.template.json", watch);
        List<String> aliasNames = new ArrayList<>();
        for (JsonNode action : aliases.path("actions")) {
            JsonNode add = action.path("add");
            assertThat(IndexTemplates.CONTRACT).contains(add.path("index").asText());
            assertThat(add.at("/filter/term/watch").asText()).isEqualTo(watch);
            String alias = add.path("alias").asText();
            assertThat(alias).isEqualTo(add.path("index").asText().replace("vigie-", "vigie-" + watch + "-"));
            for (String template : IndexTemplates.NAMES) {
                IndexTemplates.template(template)
                        .path("index_patterns")
                        .forEach(p -> assertThat(globMatches(p.asText(), alias))
                                .as(alias + " must not match " + p)
                                .isFalse());
            }
            aliasNames.add(alias);
        }
        assertThat(aliasNames).hasSize(IndexTemplates.CONTRACT.size());
        List<String> readable = new ArrayList<>();
        role.at("/elasticsearch/indices/0/names").forEach(n -> readable.add(n.asText()));
        assertThat(readable).containsExactlyInAnyOrderElementsOf(aliasNames);
        assertThat(join(role.at("/elasticsearch/indices/0/privileges"))).isEqualTo("read view_index_metadata");
        assertThat(join(role.at("/kibana/0/spaces"))).isEqualTo(space.path("id").asText());
        role.at("/kibana/0/feature").forEach(f -> assertThat(join(f)).isEqualTo("read"));
    }

    static boolean globMatches(String glob, String name) {
        return name.matches(Pattern.quote(glob).replace("*", "\\E.*\\Q"));
    }

    private static JsonNode render(String template, String watch) throws IOException {
        return JSON.readTree(
                Files.readString(DEPLOY.resolve("kubernetes/security").resolve(template))
                        .replace("__WATCH__", watch));
    }

    private static List<JsonNode> kubernetes() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        for (String file : List.of("00-namespace.yaml", "elastic-stack.yaml", "flink-acme.yaml", "scheduler.yaml")) {
            docs.addAll(documents(DEPLOY.resolve("kubernetes").resolve(file)));
        }
        return docs;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser parser = new YAMLFactory().createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isNull() && !d.isMissingNode()) {
                    docs.add(d);
                }
            });
        }
        return docs;
    }

    private static List<String> ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        service.path("ports").forEach(p -> ports.add(p.asText()));
        return ports;
    }

    private static String join(JsonNode node) {
        if (node instanceof ArrayNode array) {
            List<String> parts = new ArrayList<>();
            array.forEach(a -> parts.add(a.asText()));
            return String.join(" ", parts);
        }
        return node.asText();
    }

    private static String pinned(String property) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).as(property).isTrue();
        return m.group(1);
    }
}
