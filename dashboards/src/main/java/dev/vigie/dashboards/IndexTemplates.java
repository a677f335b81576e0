package dev.vigie.dashboards;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch.indices.GetIndexTemplateResponse;
import co.elastic.clients.elasticsearch.indices.ResolveIndexResponse;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs Vigie's composable index templates ({@code dashboards/templates/*.json}, read from the classpath: the
 * four of the data contract plus the job's error and state indices) and
 * keeps existing indices in step with them. The job calls it at start-up, the tests and the local launcher too, so
 * there is one definition of every field.
 *
 * <p>Idempotent: each installed template carries the SHA-256 of its file in {@code _meta.vigie_checksum}; a template
 * whose checksum matches is left alone. When a template is created or changed, its mappings are also put on the
 * indices that already match it, which applies additive changes (new fields); a change Elasticsearch cannot apply in
 * place (a field's type) fails with Elasticsearch's message, and needs a reindex.
 */
public final class IndexTemplates {

    /** Mentions: one enriched document per collected item. */
    public static final String MENTIONS = "vigie-mentions";
    /** Competitor page changes. */
    public static final String PAGE_CHANGES = "vigie-page-changes";
    /** The ledger of alert hits and what was sent. */
    public static final String ALERTS = "vigie-alerts";
    /** Run statistics, one document per run and source. */
    public static final String RUNS = "vigie-runs";
    /** Documents Elasticsearch refused for good, written by the job's sink (see the jobs module). */
    public static final String ERRORS = "vigie-errors";
    /** Incremental state of each watch and source between runs (see the jobs module). */
    public static final String STATE = "vigie-state";
    /** One lease per watch, so that two runs of one watch never overlap (see the jobs module). */
    public static final String LEASES = "vigie-leases";
    /** The four indices of the data contract, the ones the dashboards and the weekly report read. */
    public static final List<String> CONTRACT = List.of(MENTIONS, PAGE_CHANGES, ALERTS, RUNS);
    /** Every template {@link #installAll} installs, by name; each is also the name of the index written. */
    public static final List<String> NAMES = List.of(MENTIONS, PAGE_CHANGES, ALERTS, RUNS, ERRORS, STATE, LEASES);
    /** Classpath folder of the template files. */
    public static final String RESOURCE_FOLDER = "vigie/templates/";
    /** Key of the file checksum in each installed template's {@code _meta}. */
    public static final String CHECKSUM_KEY = "vigie_checksum";

    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@link #installAll} did to one template. */
    public enum Outcome {
        /** The template did not exist. */
        CREATED,
        /** The template existed with other content and was replaced. */
        UPDATED,
        /** The template was already installed as in its file. */
        UNCHANGED
    }

    /**
     * The result of installing one template.
     *
     * @param name the template (and index) name
     * @param outcome what happened to the template
     * @param indicesUpdated existing indices whose mappings were updated from it
     */
    public record Installed(String name, Outcome outcome, List<String> indicesUpdated) {
        /** Validates and copies. */
        public Installed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            indicesUpdated = List.copyOf(indicesUpdated);
        }
    }

    private IndexTemplates() {}

    /**
     * Installs or updates every template of {@link #NAMES} and the mappings of existing indices.
     *
     * @param client a client for the target cluster
     * @return one entry per template, in {@link #NAMES} order
     * @throws IOException when Elasticsearch cannot be reached or refuses a template or mapping
     */
    public static List<Installed> installAll(ElasticsearchClient client) throws IOException {
        Objects.requireNonNull(client, "client");
        // every run starts here: one request tells which templates are up to date (usually all of them)
        Map<String, String> installed = installedChecksums(client);
        List<Installed> result = new ArrayList<>();
        for (String name : NAMES) {
            result.add(install(client, name, installed.containsKey(name), installed.get(name)));
        }
        LOG.info("Index templates: {}", result);
        return result;
    }

    /**
     * Installs or updates one template by name.
     *
     * @param client a client for the target cluster
     * @param name one of {@link #NAMES}
     * @return what was done
     * @throws IOException when Elasticsearch cannot be reached or refuses the template or a mapping
     */
    public static Installed install(ElasticsearchClient client, String name) throws IOException {
        boolean exists = client.indices().existsIndexTemplate(b -> b.name(name)).value();
        String installed = null;
        if (exists) {
            GetIndexTemplateResponse existing = client.indices().getIndexTemplate(b -> b.name(name));
            installed = existing.indexTemplates().isEmpty()
                    ? null
                    : checksumOf(existing.indexTemplates().get(0));
        }
        return install(client, name, exists, installed);
    }

    private static Installed install(ElasticsearchClient client, String name, boolean exists, String installed)
            throws IOException {
        ObjectNode template = template(name);
        String checksum = checksum(read(name));
        template.withObject("/_meta").put(CHECKSUM_KEY, checksum);

        Outcome outcome = Outcome.CREATED;
        if (exists) {
            if (checksum.equals(installed)) {
                LOG.debug("Index template {} is up to date", name);
                return new Installed(name, Outcome.UNCHANGED, List.of());
            }
            outcome = Outcome.UPDATED;
        }
        String body = JSON.writeValueAsString(template);
        client.indices().putIndexTemplate(b -> b.name(name).withJson(new StringReader(body)));

        List<String> updated = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        List<String> wildcards = new ArrayList<>();
        template.get("index_patterns").forEach(p -> {
            patterns.add(Pattern.compile(Pattern.quote(p.asText()).replace("*", "\\E.*\\Q")));
            // a wildcard never fails with index_not_found; the exact names are filtered below
            wildcards.add(p.asText().endsWith("*") ? p.asText() : p.asText() + "*");
        });
        ResolveIndexResponse indices = client.indices()
                .resolveIndex(b -> b.name(wildcards).expandWildcards(ExpandWildcard.Open, ExpandWildcard.Closed));
        String mappings = JSON.writeValueAsString(template.path("template").path("mappings"));
        for (ResolveIndexItem index : indices.indices()) {
            if (patterns.stream().noneMatch(p -> p.matcher(index.name()).matches())) {
                continue;
            }
            client.indices().putMapping(b -> b.index(index.name()).withJson(new StringReader(mappings)));
            updated.add(index.name());
        }
        LOG.info("Index template {} {}; mappings applied to existing indices {}", name, outcome, updated);
        return new Installed(name, outcome, updated);
    }

    /** The checksum of every installed template named {@code vigie-*}, by name ({@code null}: it has none). */
    private static Map<String, String> installedChecksums(ElasticsearchClient client) throws IOException {
        Map<String, String> checksums = new HashMap<>();
        for (IndexTemplateItem item :
                client.indices().getIndexTemplate(b -> b.name("vigie-*")).indexTemplates()) {
            checksums.put(item.name(), checksumOf(item));
        }
        return checksums;
    }

    private static String checksumOf(IndexTemplateItem item) {
        JsonData checksum = item.indexTemplate().meta().get(CHECKSUM_KEY);
        return checksum == null ? null : checksum.to(String.class);
    }

    /**
     * The raw content of a template file, as shipped.
     *
     * @param name one of {@link #NAMES}
     * @return the JSON text of {@code templates/<name>.json}
     */
    public static String read(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown index template [" + name + "], expected one of " + NAMES);
        }
        try (InputStream in =
                IndexTemplates.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "index template " + RESOURCE_FOLDER + name + ".json is not on the" + " classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read index template " + name, e);
        }
    }

    /**
     * A template parsed as a JSON tree (a fresh copy each call).
     *
     * @param name one of {@link #NAMES}
     * @return the body of {@code PUT _index_template/<name>}
     */
    public static ObjectNode template(String name) {
        try {
            JsonNode node = JSON.readTree(read(name));
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalStateException("index template " + name + " is not a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException("index template " + name + " is not valid JSON", e);
        }
    }

    /**
     * Every field of a template's mapping by dotted path, with its type: object properties are flattened
     * ({@code source.type}) and multi-fields included ({@code title.fr}). Dashboards are checked against this.
     *
     * @param name one of {@link #NAMES}
     * @return field path to Elasticsearch type, in mapping order
     */
    public static Map<String, String> fieldTypes(String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        collect("", template(name).path("template").path("mappings").path("properties"), fields);
        return fields;
    }

    private static void collect(String prefix, JsonNode properties, Map<String, String> into) {
        properties.fields().forEachRemaining(field -> {
            String path = prefix + field.getKey();
            JsonNode definition = field.getValue();
            if (definition.has("properties")) {
                collect(path + ".", definition.get("properties"), into);
            } else {
                into.put(path, definition.path("type").asText("object"));
            }
            definition
                    .path("fields")
                    .fields()
                    .forEachRemaining(sub -> into.put(
                            path + "." + sub.getKey(),
                            sub.getValue().path("type").asText()));
        });
    }

    private static String checksum(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
