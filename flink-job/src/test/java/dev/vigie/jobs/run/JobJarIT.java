package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.pipeline.DefaultPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What the job jar this build wrote holds, without a cluster ({@link FlinkClusterIT} runs it on one): Vigie and its
 * libraries, and none of what a Flink cluster provides (Flink's runtime, Kryo, SLF4J, Log4j), which the build leaves
 * out by Flink's {@code provided} scope rather than by a list of artifacts.
 */
class JobJarIT {

    @Test
    void holdsNoClassTheFlinkClusterProvides() throws IOException {
        try (JarFile jar = jobJar()) {
            List<String> provided = jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class"))
                    .filter(name -> (name.startsWith("org/apache/flink/")
                                    && !name.startsWith("org/apache/flink/connector/base/"))
                            || name.startsWith("org/slf4j/")
                            || name.startsWith("org/apache/logging/log4j/")
                            || name.startsWith("org/apache/log4j/")
                            || name.startsWith("com/esotericsoftware/")
                            || name.startsWith("org/apache/flink/shaded/"))
                    .limit(10)
                    .toList();
            assertThat(provided)
                    .as("classes of Flink, Kryo and the logging the cluster provides")
                    .isEmpty();
        }
    }

    @Test
    void holdsVigieItsLibrariesAndTheAsyncSinkBaseOfFlink() throws IOException {
        try (JarFile jar = jobJar()) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(FlinkMain.class.getName());
            for (String type : List.of(
                    FlinkMain.class.getName(),
                    "dev.vigie.jobs.cli.Vigie",
                    "dev.vigie.connectors.feed.FeedParser",
                    "dev.vigie.nlp.alert.AlertMatcher",
                    "dev.vigie.nlp.sentiment.SentimentAnalyzer",
                    "dev.vigie.dashboards.IndexTemplates",
                    // the async sink the Elasticsearch sink is built on: in a distribution only inside
                    // flink-connector-files
                    "org.apache.flink.connector.base.sink.AsyncSinkBase",
                    "org.apache.lucene.monitor.Monitor",
                    "edu.stanford.nlp.pipeline.StanfordCoreNLP",
                    "co.elastic.clients.elasticsearch.ElasticsearchClient",
                    "org.elasticsearch.client.RestClient",
                    "com.fasterxml.jackson.dataformat.yaml.YAMLFactory",
                    "com.rometools.rome.io.SyndFeedInput",
                    "org.jsoup.Jsoup",
                    "picocli.CommandLine",
                    "org.quartz.CronExpression",
                    "org.eclipse.angus.mail.smtp.SMTPTransport",
                    "ai.onnxruntime.OrtEnvironment")) {
                assertThat(jar.getEntry(type.replace('.', '/') + ".class"))
                        .as(type)
                        .isNotNull();
            }
            for (String model : List.of(
                    DefaultPaths.DEFAULT_POS_MODEL,
                    "edu/stanford/nlp/models/sentiment/sentiment.ser.gz",
                    "edu/stanford/nlp/models/srparser/englishSR.ser.gz",
                    "dev/vigie/nlp/internal/linear/word-vectors-en-v1.bin")) {
                assertThat(jar.getEntry(model)).as(model).isNotNull();
            }
            assertThat(new String(
                            jar.getInputStream(jar.getEntry("META-INF/services/org.apache.lucene.codecs.Codec"))
                                    .readAllBytes(),
                            StandardCharsets.UTF_8))
                    .contains("Lucene99Codec");
            assertThat(jar.getEntry("META-INF/services/jakarta.mail.Provider")).isNotNull();
        }
    }

    private static JarFile jobJar() throws IOException {
        String path = System.getProperty("vigie.job.jar");
        assertThat(path)
                .as("system property vigie.job.jar (set by the flink-job pom for failsafe)")
                .isNotBlank();
        assertThat(Path.of(path))
                .as("the job jar: build it with mvn -pl flink-job -am package")
                .isRegularFile();
        return new JarFile(path);
    }
}
