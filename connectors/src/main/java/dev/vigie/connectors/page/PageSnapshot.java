package dev.vigie.connectors.page;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The normalised text of a watched page at one time: what the next run compares against. The run job stores the
 * latest snapshot of each page (in Elasticsearch) between runs.
 *
 * @param url page URL
 * @param section the selector used, or "main"
 * @param takenAt when the page was fetched
 * @param found whether the selector matched anything
 * @param lines normalised lines of text (noise blanked, encoding damage repaired, empty lines dropped)
 * @param hash SHA-256 of the lines, to skip comparing identical snapshots
 */
public record PageSnapshot(String url, String section, Instant takenAt, boolean found, List<String> lines, String hash)
        implements Serializable {
    public PageSnapshot {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("snapshot url must not be blank: '" + url + "'");
        }
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(takenAt, "takenAt");
        lines = List.copyOf(lines);
        if (hash == null || hash.isBlank()) {
            throw new IllegalArgumentException("snapshot hash must not be blank for " + url);
        }
    }
}
