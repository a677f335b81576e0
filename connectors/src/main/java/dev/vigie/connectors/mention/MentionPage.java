package dev.vigie.connectors.mention;

import dev.vigie.connectors.http.FetchRequest;
import java.util.List;
import java.util.Optional;

/**
 * One parsed response of a mention API.
 *
 * @param mentions the mentions newer than the run's cursor
 * @param next the request for the following page, or {@code null} when this query is done for this run
 * @param newest the newest position seen on this page, or {@code null} when the page was empty
 * @param reachedCursor whether this page reached the previous run's cursor (nothing older is needed)
 * @param errors items that could not be mapped (the others are kept)
 */
public record MentionPage(
        List<Mention> mentions, FetchRequest next, MentionCursor newest, boolean reachedCursor, List<String> errors) {
    public MentionPage {
        mentions = List.copyOf(mentions);
        errors = List.copyOf(errors);
    }

    public Optional<FetchRequest> nextRequest() {
        return Optional.ofNullable(next);
    }
}
