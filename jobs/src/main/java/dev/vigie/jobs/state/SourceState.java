package dev.vigie.jobs.state;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one source remembers between runs.
 *
 * @param etag         the {@code ETag} of the last answer, or {@code null}
 * @param lastModified the {@code Last-Modified} of the last answer, or {@code null}
 * @param cursor       the API cursor or since-id to resume from, or {@code null}
 * @param snapshot     the last snapshot of a competitor page (its extracted text), or {@code null}
 * @param seenIds      ids of the documents this source already gave, newest last, at most {@link #MAX_SEEN_IDS}
 */
public record SourceState(String etag, String lastModified, String cursor, String snapshot, List<String> seenIds)
        implements Serializable {

    /** Ids remembered per source: more than any feed or API page returns at once. */
    public static final int MAX_SEEN_IDS = 20_000;

    /** The state of a source never fetched. */
    public static final SourceState EMPTY = new SourceState(null, null, null, null, List.of());

    public SourceState {
        etag = blankToNull(etag);
        lastModified = blankToNull(lastModified);
        cursor = blankToNull(cursor);
        seenIds = seenIds == null ? List.of() : List.copyOf(seenIds);
        if (seenIds.size() > MAX_SEEN_IDS) {
            seenIds = seenIds.subList(seenIds.size() - MAX_SEEN_IDS, seenIds.size());
        }
    }

    /** The ids already seen, for fast look-ups. */
    public Set<String> seen() {
        return new LinkedHashSet<>(seenIds);
    }

    /** This state with {@code ids} remembered as seen (oldest forgotten first beyond {@link #MAX_SEEN_IDS}). */
    public SourceState withSeen(Collection<String> ids) {
        LinkedHashSet<String> all = new LinkedHashSet<>(seenIds);
        for (String id : ids) {
            all.remove(id);
            all.add(id);
        }
        return new SourceState(etag, lastModified, cursor, snapshot, new ArrayList<>(all));
    }

    public SourceState withValidators(String etag, String lastModified) {
        return new SourceState(etag, lastModified, cursor, snapshot, seenIds);
    }

    public SourceState withCursor(String cursor) {
        return new SourceState(etag, lastModified, cursor, snapshot, seenIds);
    }

    public SourceState withSnapshot(String snapshot) {
        return new SourceState(etag, lastModified, cursor, snapshot, seenIds);
    }

    /** The JSON object stored under {@code data} in {@code vigie-state}. */
    Map<String, Object> toData() {
        var data = new java.util.LinkedHashMap<String, Object>();
        putIfPresent(data, "etag", etag);
        putIfPresent(data, "last_modified", lastModified);
        putIfPresent(data, "cursor", cursor);
        putIfPresent(data, "snapshot", snapshot);
        data.put("seen_ids", seenIds);
        return data;
    }

    @SuppressWarnings("unchecked")
    static SourceState fromData(Map<String, Object> data) {
        if (data == null) {
            return EMPTY;
        }
        Object seen = data.get("seen_ids");
        return new SourceState(
                (String) data.get("etag"),
                (String) data.get("last_modified"),
                (String) data.get("cursor"),
                (String) data.get("snapshot"),
                seen instanceof List<?> list ? (List<String>) list : List.of());
    }

    private static void putIfPresent(Map<String, Object> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
