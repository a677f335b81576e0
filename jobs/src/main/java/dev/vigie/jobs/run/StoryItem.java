package dev.vigie.jobs.run;

import dev.vigie.nlp.dedup.StorySignature;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the story stage needs of a mention: its signature as bytes (about 1 KB) instead of the whole mention, so that
 * the one subtask that sees every mention of a watch holds only this. A public record of plain fields, so that Flink
 * serializes it with its own record serializer rather than Java serialization.
 *
 * @param watch             the watch
 * @param documentId        the mention's Elasticsearch id
 * @param publishedAtMillis its publication time
 * @param sourceName        the name of the source that carried it (stories count their distinct sources)
 * @param signature         its near-duplicate signature, {@link StorySignature#toBytes()}
 */
public record StoryItem(String watch, String documentId, long publishedAtMillis, String sourceName, byte[] signature)
        implements Serializable {

    public StoryItem {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(signature, "signature");
    }

    /** The story item of a mention, or {@code null} when its text is too short to be compared. */
    static StoryItem of(EnrichedMention mention) {
        if (mention.signature() == null || !mention.signature().isComparable()) {
            return null;
        }
        return new StoryItem(mention.watch(), mention.documentId(), mention.mention().publishedAt().toEpochMilli(),
                mention.mention().source().name(), mention.signature().toBytes());
    }
}
