package dev.vigie.jobs.run;

import dev.vigie.nlp.dedup.StorySignature;
import java.io.Serializable;
import java.util.List;
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
 * @param signature         its near-duplicate signature, {@link StorySignature#toBytes()}, empty when its text is
 *                          too short to be compared with near-copies
 * @param lang              its language
 * @param title             its title (or first words), a candidate title for its event story
 * @param eventKeys         its {@link dev.vigie.nlp.event.EventSignals event keys}
 */
public record StoryItem(
        String watch,
        String documentId,
        long publishedAtMillis,
        String sourceName,
        byte[] signature,
        String lang,
        String title,
        String[] eventKeys)
        implements Serializable {

    public StoryItem {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(signature, "signature");
        lang = lang == null ? "unknown" : lang;
        title = title == null ? "" : title;
        eventKeys = eventKeys == null ? new String[0] : eventKeys;
    }

    /** Whether it can be compared with near-copies (its signature has band keys). */
    boolean hasSignature() {
        return signature.length > 0;
    }

    /** The story item of a mention, or {@code null} when it has neither a comparable text nor any event key. */
    static StoryItem of(EnrichedMention mention, EventKeys keys) {
        boolean comparable = mention.signature() != null && mention.signature().isComparable();
        List<String> eventKeys = keys.of(mention);
        if (!comparable && eventKeys.isEmpty()) {
            return null;
        }
        return new StoryItem(
                mention.watch(),
                mention.documentId(),
                mention.mention().publishedAt().toEpochMilli(),
                mention.mention().source().name(),
                comparable ? mention.signature().toBytes() : new byte[0],
                mention.lang(),
                EventKeys.titleOf(mention),
                eventKeys.toArray(String[]::new));
    }
}
