package dev.vigie.jobs.sink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Installs the index templates of the indices the jobs add to the data contract ({@code vigie-errors} for the sink's
 * error records, {@code vigie-state} for the incremental state), from the same files in
 * {@code dashboards/templates/} that the dashboards module ships on the classpath.
 */
public final class JobTemplates {

    /** The templates installed by {@link #installAll(RestClient)}. */
    public static final List<String> NAMES = List.of(ElasticsearchSink.DEFAULT_ERROR_INDEX, "vigie-state");

    private static final String RESOURCE_FOLDER = "vigie/templates/";

    private JobTemplates() {
    }

    /** Puts every template of {@link #NAMES}; putting an unchanged template again is harmless. */
    public static void installAll(RestClient client) throws IOException {
        for (String name : NAMES) {
            install(client, name);
        }
    }

    static void install(RestClient client, String name) throws IOException {
        String json;
        try (InputStream in = JobTemplates.class.getClassLoader()
                .getResourceAsStream(RESOURCE_FOLDER + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("index template " + RESOURCE_FOLDER + name
                        + ".json is not on the classpath (dashboards module)");
            }
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Request request = new Request("PUT", "/_index_template/" + name);
        request.setJsonEntity(json);
        client.performRequest(request);
    }
}
