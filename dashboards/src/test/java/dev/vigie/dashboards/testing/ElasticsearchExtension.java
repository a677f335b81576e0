package dev.vigie.dashboards.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.vigie.dashboards.EsClients;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.local.LocalElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Elasticsearch node per test JVM, shared by every IT that uses this extension, with Vigie's index
 * templates installed.
 *
 * <p>The node comes from the distribution prepared by {@code deploy/elasticsearch} (system property
 * {@value #HOME_PROPERTY}, set by the root pom for failsafe), runs on a free loopback port with a 256 MB heap, keeps
 * its files and log under the calling module's {@code target/es-it/}, and stops when the JVM exits. When the
 * environment variable {@value #URL_ENV} is set, that node is used instead and nothing is started.
 *
 * <pre>{@code
 * @ExtendWith(ElasticsearchExtension.class)
 * class SinkIT {
 *     @Test
 *     void writesMentions(ElasticsearchClient es, URI url) { ... }   // or ElasticsearchExtension.client()
 * }
 * }</pre>
 * Tests share the node: use your own document ids or index names (e.g. a per-test {@code watch}) rather than
 * deleting the shared indices.
 */
public final class ElasticsearchExtension implements BeforeAllCallback, ParameterResolver {

    /** Environment variable naming an already running node to use instead of starting one. */
    public static final String URL_ENV = "VIGIE_TEST_ES_URL";
    /** System property naming the prepared Elasticsearch distribution. */
    public static final String HOME_PROPERTY = "vigie.es.home";
    /** Work folder of the node, relative to the module being tested. */
    public static final Path WORK_DIR = Path.of("target", "es-it");

    private static URI url;
    private static ElasticsearchClient client;

    /** @return the URL of the shared node, starting it if needed */
    public static synchronized URI url() {
        ensureStarted();
        return url;
    }

    /** @return a client for the shared node (do not close it), starting the node if needed */
    public static synchronized ElasticsearchClient client() {
        ensureStarted();
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ElasticsearchClient.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == URI.class ? url() : client();
    }

    private static void ensureStarted() {
        if (client != null) {
            return;
        }
        String external = System.getenv(URL_ENV);
        if (external != null && !external.isBlank()) {
            url = URI.create(external.strip());
            if (!LocalElasticsearch.isHealthy(url)) {
                throw new IllegalStateException(URL_ENV + "=" + external + " does not answer _cluster/health");
            }
        } else {
            String home = System.getProperty(HOME_PROPERTY);
            if (home == null || home.isBlank()) {
                throw new IllegalStateException("system property " + HOME_PROPERTY + " is not set: run the ITs"
                        + " with Maven (failsafe sets it) or set " + URL_ENV);
            }
            LocalElasticsearch node = LocalElasticsearch.builder(Path.of(home))
                    .workDir(WORK_DIR)
                    .clusterName("vigie-it")
                    .freshData(true)
                    .build()
                    .start()
                    .stopOnExit();
            url = node.url();
        }
        ElasticsearchClient created = EsClients.create(url, null);
        try {
            IndexTemplates.installAll(created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install Vigie's index templates into " + url, e);
        }
        client = created;
    }
}
