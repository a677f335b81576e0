package dev.vigie.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigie.connectors.page.PageChange;
import dev.vigie.connectors.page.PageSnapshot;
import dev.vigie.connectors.page.PageSpec;
import dev.vigie.dashboards.fields.PageChangeFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Page snapshots kept in the state, and page changes as {@code vigie-page-changes} documents. */
final class PageChanges {

    static final String INDEX = "vigie-page-changes";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PageChanges() {}

    static PageChangeDocument document(String watch, String competitor, PageChange change, String snapshotHash) {
        ObjectNode doc = JSON.createObjectNode();
        String id =
                watch + ":page:" + RunRecords.shortHash(change.url() + "\n" + change.section() + "\n" + snapshotHash);
        doc.put(PageChangeFields.ID, id);
        doc.put(PageChangeFields.WATCH, watch);
        doc.put(PageChangeFields.COMPETITOR, competitor);
        doc.put(PageChangeFields.URL, change.url());
        doc.put(PageChangeFields.SECTION, change.section());
        doc.put(PageChangeFields.CHANGED_AT, change.changedAt().toString());
        doc.put(PageChangeFields.KIND, change.kind().id());
        doc.put(PageChangeFields.ADDED, String.join("\n", change.added()));
        doc.put(PageChangeFields.REMOVED, String.join("\n", change.removed()));
        doc.put(PageChangeFields.DIFF, change.diff());
        doc.put(PageChangeFields.MAGNITUDE, change.magnitude());
        try {
            return new PageChangeDocument(id, JSON.writeValueAsString(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The snapshot as stored in {@code vigie-state}, with the settings it was taken with: a snapshot taken with other
     * settings cannot be compared with the next one.
     */
    static String toJson(PageSnapshot snapshot, PageSpec spec) {
        ObjectNode node = JSON.createObjectNode();
        node.put("url", snapshot.url());
        node.put("section", snapshot.section());
        node.put("ignore", spec.ignore() == null ? "" : spec.ignore());
        spec.noise().forEach(node.putArray("noise")::add);
        node.put("taken_at", snapshot.takenAt().toString());
        node.put("found", snapshot.found());
        snapshot.lines().forEach(node.putArray("lines")::add);
        node.put("hash", snapshot.hash());
        return node.toString();
    }

    /**
     * Which of the watch's page settings differ from those the stored snapshot was taken with ({@code select},
     * {@code ignore}, {@code noise}), or an empty list. Snapshots stored before settings were recorded only tell
     * their section.
     */
    static List<String> changedSettings(String json, PageSpec spec) {
        try {
            var node = JSON.readTree(json);
            List<String> changed = new ArrayList<>();
            if (!node.path("section").asText().equals(spec.section())) {
                changed.add("select");
            }
            if (node.has("ignore")
                    && !node.path("ignore").asText().equals(spec.ignore() == null ? "" : spec.ignore())) {
                changed.add("ignore");
            }
            List<String> noise = new ArrayList<>();
            node.path("noise").forEach(n -> noise.add(n.asText()));
            if (node.has("ignore") && !noise.equals(spec.noise())) {
                changed.add("noise");
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The snapshot stored by {@link #toJson(PageSnapshot, PageSpec)}. */
    static PageSnapshot fromJson(String json) {
        try {
            var node = JSON.readTree(json);
            List<String> lines = new ArrayList<>();
            node.path("lines").forEach(line -> lines.add(line.asText()));
            return new PageSnapshot(
                    node.path("url").asText(),
                    node.path("section").asText(),
                    Instant.parse(node.path("taken_at").asText()),
                    node.path("found").asBoolean(),
                    lines,
                    node.path("hash").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
