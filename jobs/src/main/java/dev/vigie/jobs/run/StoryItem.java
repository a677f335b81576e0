package dev.vigie.jobs.run;

import dev.vigie.nlp.dedup.StorySignature;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the story stage needs of a mention: a few hundred bytes of its signature instead of the whole mention, so that
 * the one task that sees every mention of a watch holds only this.
 *
 * @param watch             the watch
 * @param documentId        the mention's Elasticsearch id
 * @param publishedAtMillis its publication time
 * @param sourceName        the name of the source that carried it (stories count their distinct sources)
 * @param signature         its near-duplicate signature (comparable)
 */
record StoryItem(String watch, String documentId, long publishedAtMillis, String sourceName,
        StorySignature signature) implements Serializable {

    StoryItem {
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
                mention.mention().source().name(), mention.signature());
    }
}
