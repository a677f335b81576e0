package dev.vigie.jobs.run;

import java.io.Serializable;
import java.util.Objects;

/**
 * The story the story stage gave a mention (a public record of plain fields: Flink's record serializer carries it).
 *
 * @param documentId   the mention's Elasticsearch id
 * @param storyId      its story: its own id when it starts one
 * @param duplicateOf  the earlier mention it copies, or {@code null}
 * @param storySources how many distinct sources carry its <em>event</em> story, in this run and the earlier ones (at
 *                     least 1): what digests show as "also in N sources"
 * @param eventId      its event story: its own id when it starts one
 */
public record StoryAssignment(String documentId, String storyId, String duplicateOf, int storySources, String eventId)
        implements Serializable {

    public StoryAssignment {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(eventId, "eventId");
        if (storySources < 1) {
            throw new IllegalArgumentException(
                    "a story has at least one source, got " + storySources + " for " + documentId);
        }
    }
}
