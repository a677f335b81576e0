package dev.vigie.connectors.page;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A real change of a watched page, for {@code vigie-page-changes}.
 *
 * @param url page URL
 * @param section selector or "main"
 * @param changedAt time of the snapshot that shows the change
 * @param kind coarse kind
 * @param added lines that appeared
 * @param removed lines that disappeared
 * @param diff unified diff of the normalised text
 * @param magnitude share of lines changed, 0 (nothing) to 1 (everything)
 * @param pricesBefore amounts with currency found in the removed lines (for price changes)
 * @param pricesAfter amounts with currency found in the added lines
 */
public record PageChange(
        String url,
        String section,
        Instant changedAt,
        ChangeKind kind,
        List<String> added,
        List<String> removed,
        String diff,
        double magnitude,
        List<String> pricesBefore,
        List<String> pricesAfter)
        implements Serializable {
    public PageChange {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(kind, "kind");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        Objects.requireNonNull(diff, "diff");
        if (!(magnitude >= 0 && magnitude <= 1)) {
            throw new IllegalArgumentException("magnitude must be within 0..1: " + magnitude);
        }
        pricesBefore = List.copyOf(pricesBefore);
        pricesAfter = List.copyOf(pricesAfter);
    }
}
