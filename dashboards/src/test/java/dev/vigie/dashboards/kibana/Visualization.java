package dev.vigie.dashboards.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A legacy (aggregation-based) Kibana visualization reduced to what Elasticsearch runs for it: the index it reads,
 * its filters and its aggregations. Used to check a dashboard against the index templates and a real node.
 *
 * @param id the saved object id
 * @param title the title shown on the dashboard
 * @param visType the chart type ({@code histogram}, {@code pie}, {@code table}...)
 * @param index the index (data view id) it reads
 * @param aggs its aggregations in Kibana's order (buckets nest in that order)
 * @param filters the Elasticsearch queries of its saved filters
 */
public record Visualization(
        String id, String title, String visType, String index, List<Agg> aggs, List<JsonNode> filters) {

    /** Bucket aggregation types and the field types each supports. */
    static final Map<String, Set<String>> BUCKET_FIELD_TYPES = Map.of(
            "terms", Set.of("keyword", "long", "integer", "boolean"),
            "date_histogram", Set.of("date"),
            "histogram", Set.of("long", "integer", "float", "double"));
    /** Metric aggregation types and the field types each supports. */
    static final Map<String, Set<String>> METRIC_FIELD_TYPES = Map.of(
            "sum", Set.of("long", "integer", "float", "double"),
            "avg", Set.of("long", "integer", "float", "double"),
            "min", Set.of("long", "integer", "float", "double", "date"),
            "max", Set.of("long", "integer", "float", "double", "date"),
            "cardinality", Set.of("keyword", "long", "integer"));

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates and copies. */
    public Visualization {
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException("visualization " + id + " reads no data view");
        }
        aggs = List.copyOf(aggs);
        filters = List.copyOf(filters);
    }

    /**
     * One aggregation of a visualization.
     *
     * @param id Kibana's agg id (metrics are referred to by it, e.g. in {@code orderBy})
     * @param type the Elasticsearch aggregation ({@code count} is Kibana's doc count)
     * @param schema Kibana's role for it: {@code metric}, or a bucket role ({@code segment}, {@code group},
     *     {@code bucket}, {@code split})
     * @param field the field it reads, or null for {@code count}
     * @param params Kibana's parameters
     */
    public record Agg(String id, String type, String schema, String field, JsonNode params) {
        /** Validates. */
        public Agg {
            if (id == null || id.isBlank() || type == null || type.isBlank() || schema == null || schema.isBlank()) {
                throw new IllegalArgumentException("aggregation needs an id, a type and a schema, got id=" + id
                        + " type=" + type + " schema=" + schema);
            }
        }

        /** @return whether this aggregation makes buckets (rather than a value per bucket) */
        public boolean isBucket() {
            return !"metric".equals(schema) && !"radius".equals(schema);
        }
    }

    /**
     * Reads a visualization saved object.
     *
     * @param object a saved object of type {@code visualization}
     * @return its aggregation model
     */
    public static Visualization of(SavedObject object) {
        if (!"visualization".equals(object.type())) {
            throw new IllegalArgumentException("not a visualization: " + object.type() + " " + object.id());
        }
        JsonNode state = parse(object.attributes().path("visState").asText(), object.id());
        JsonNode search = parse(
                object.attributes()
                        .path("kibanaSavedObjectMeta")
                        .path("searchSourceJSON")
                        .asText("{}"),
                object.id());
        String refName = search.path("indexRefName").asText("");
        String index = object.reference(refName).map(SavedObject.Reference::id).orElse(null);
        List<Agg> aggs = new ArrayList<>();
        for (JsonNode agg : state.path("aggs")) {
            if (!agg.path("enabled").asBoolean(true)) {
                continue;
            }
            JsonNode field = agg.path("params").path("field");
            aggs.add(new Agg(
                    agg.path("id").asText(),
                    agg.path("type").asText(),
                    agg.path("schema").asText(),
                    field.isMissingNode() ? null : field.asText(),
                    agg.path("params")));
        }
        List<JsonNode> filters = new ArrayList<>();
        for (JsonNode filter : search.path("filter")) {
            if (!filter.path("meta").path("disabled").asBoolean(false) && filter.has("query")) {
                filters.add(filter.get("query"));
            }
        }
        return new Visualization(object.id(), object.title(), state.path("type").asText(), index, aggs, filters);
    }

    /**
     * Checks every aggregated field against an index's mapping.
     *
     * @param fieldTypes field path to type, from {@code IndexTemplates.fieldTypes}
     * @return human-readable problems, empty when the visualization fits the mapping
     */
    public List<String> problems(Map<String, String> fieldTypes) {
        List<String> problems = new ArrayList<>();
        for (Agg agg : aggs) {
            if ("count".equals(agg.type())) {
                continue;
            }
            Set<String> supported =
                    agg.isBucket() ? BUCKET_FIELD_TYPES.get(agg.type()) : METRIC_FIELD_TYPES.get(agg.type());
            String type = agg.field() == null ? null : fieldTypes.get(agg.field());
            if (supported == null) {
                problems.add(id + ": aggregation " + agg.type() + " is not checked by Vigie");
            } else if (type == null) {
                problems.add(id + ": field " + agg.field() + " is not in " + index);
            } else if (!supported.contains(type)) {
                problems.add(id + ": " + agg.type() + " on " + agg.field() + " of type " + type);
            }
        }
        return problems;
    }

    /**
     * The Elasticsearch search body Kibana would send for this visualization, with a daily interval for date
     * histograms ({@code auto} depends on the screen) and every metric repeated at each bucket level so that terms
     * can be ordered by it.
     *
     * @param extraFilters further queries to AND (e.g. a watch)
     * @return a {@code _search} body with {@code size: 0}
     */
    public ObjectNode searchBody(List<JsonNode> extraFilters) {
        ObjectNode body = JSON.createObjectNode().put("size", 0).put("track_total_hits", true);
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        filters.forEach(filter::add);
        extraFilters.forEach(filter::add);
        ObjectNode level = body.putObject("aggs");
        List<Agg> metrics = aggs.stream()
                .filter(a -> !a.isBucket() && !"count".equals(a.type()))
                .toList();
        for (Agg bucket : aggs.stream().filter(Agg::isBucket).toList()) {
            ObjectNode node = level.putObject("agg_" + bucket.id());
            ObjectNode definition = node.putObject(bucket.type()).put("field", bucket.field());
            if ("terms".equals(bucket.type())) {
                definition.put("size", bucket.params().path("size").asInt(10));
                String orderBy = bucket.params().path("orderBy").asText("_count");
                boolean byMetric = metrics.stream().anyMatch(m -> m.id().equals(orderBy));
                definition
                        .putObject("order")
                        .put(
                                byMetric ? "agg_" + orderBy : "_count",
                                bucket.params().path("order").asText("desc"));
            } else if ("date_histogram".equals(bucket.type())) {
                definition.put("calendar_interval", "1d").put("min_doc_count", 1);
            } else if ("histogram".equals(bucket.type())) {
                definition.put("interval", bucket.params().path("interval").asDouble(1));
            }
            level = node.putObject("aggs");
            addMetrics(level, metrics);
        }
        addMetrics((ObjectNode) body.get("aggs"), metrics);
        return body;
    }

    private static void addMetrics(ObjectNode into, List<Agg> metrics) {
        for (Agg metric : metrics) {
            into.putObject("agg_" + metric.id()).putObject(metric.type()).put("field", metric.field());
        }
    }

    private static JsonNode parse(String json, String id) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("visualization " + id + " holds invalid JSON", e);
        }
    }
}
