package dev.vigie.jobs.run;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The result of fetching one source: its report and what it gave that is new.
 *
 * @param report      counts, status and the state to keep
 * @param mentions    new mentions
 * @param pageChanges new page changes, as documents of {@code vigie-page-changes}
 */
public record SourceOutcome(SourceReport report, List<Collected> mentions, List<PageChangeDocument> pageChanges)
        implements Serializable {

    public SourceOutcome {
        Objects.requireNonNull(report, "report");
        mentions = List.copyOf(mentions);
        pageChanges = List.copyOf(pageChanges);
    }
}
