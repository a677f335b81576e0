package dev.vigie.connectors.mention;

import dev.vigie.connectors.http.FetchResult;
import java.util.List;

/**
 * Everything one query collected in one run.
 *
 * @param search the query's {@link MentionQuery#label() label}
 * @param mentions mentions newer than the previous cursor, de-duplicated by id
 * @param cursor the cursor to store for the next run
 * @param pages pages fetched
 * @param errors items or pages that failed (the rest is kept)
 * @param failure the fetch failure that ended the query early, or {@code null}
 */
public record MentionBatch(
        String search,
        List<Mention> mentions,
        MentionCursor cursor,
        int pages,
        List<String> errors,
        FetchResult.Failed failure) {
    public MentionBatch {
        mentions = List.copyOf(mentions);
        errors = List.copyOf(errors);
    }
}
