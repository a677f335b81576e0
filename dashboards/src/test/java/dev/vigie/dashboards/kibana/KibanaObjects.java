package dev.vigie.dashboards.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the saved-object files shipped in {@code dashboards/kibana/}: one file per dashboard, holding the
 * dashboard, its visualizations and the data views they read, so that each file imports on its own.
 */
public final class KibanaObjects {

    /** The dashboard files, without {@code .ndjson}. */
    public static final List<String> FILES = List.of("overview", "competitors", "alerts-curation", "operations");
    /** Classpath folder of the files. */
    public static final String RESOURCE_FOLDER = "vigie/kibana/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private KibanaObjects() {}

    /**
     * Parses one dashboard file.
     *
     * @param file one of {@link #FILES}
     * @return its saved objects in file order
     */
    public static List<SavedObject> read(String file) {
        if (!FILES.contains(file)) {
            throw new IllegalArgumentException("unknown dashboard file [" + file + "], expected one of " + FILES);
        }
        try (InputStream in =
                KibanaObjects.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + file + ".ndjson")) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE_FOLDER + file + ".ndjson is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard file " + file, e);
        }
    }

    /**
     * Parses NDJSON saved objects.
     *
     * @param ndjson one saved object per line
     * @param source where it comes from, for messages
     * @return the objects
     */
    public static List<SavedObject> parse(String ndjson, String source) {
        List<SavedObject> objects = new ArrayList<>();
        String[] lines = ndjson.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(lines[i]);
                List<SavedObject.Reference> references = new ArrayList<>();
                for (JsonNode ref : node.path("references")) {
                    references.add(new SavedObject.Reference(
                            ref.path("name").asText(null),
                            ref.path("type").asText(null),
                            ref.path("id").asText(null)));
                }
                objects.add(new SavedObject(
                        node.path("type").asText(null),
                        node.path("id").asText(null),
                        node.path("attributes"),
                        references));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return objects;
    }
}
