package dev.vigie.jobs.run;

import dev.vigie.connectors.mention.Mention;
import dev.vigie.nlp.dedup.StorySignature;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A mention with what the NLP stages found, as indexed into {@code vigie-mentions}.
 *
 * @param watch          the watch
 * @param sourceKey      the key of the source that gave it
 * @param mention        the collected mention
 * @param lang           detected language ({@code unknown} when nobody could tell)
 * @param sentimentLabel positive, neutral or negative
 * @param sentimentScore sentiment score in [-1, 1]
 * @param themes         theme ids of the watch that apply
 * @param curationScore  how much it deserves a reader's attention, in [0, 1], or {@code null}
 * @param brands         the watch's brand and competitors it names
 * @param signature      its near-duplicate signature, or {@code null} when the text is too short to compare
 * @param storyId        the story it belongs to (its own id when it starts one)
 * @param duplicateOf    the earlier mention it copies, or {@code null}
 * @param alerts         ids of the alert rules it matched
 * @param storySources   how many distinct sources carry its event story, in this run and earlier ones (1 when alone)
 * @param eventId        the event story it belongs to (its own id when it starts one), or {@code null} before the story
 *                       stage
 * @param eventKeys      its event keys ({@link dev.vigie.nlp.event.EventSignals}), stored so that later runs find
 *                       the event again
 */
public record EnrichedMention(
        String watch,
        String sourceKey,
        Mention mention,
        String lang,
        String sentimentLabel,
        Double sentimentScore,
        List<String> themes,
        Double curationScore,
        List<String> brands,
        StorySignature signature,
        String storyId,
        String duplicateOf,
        List<String> alerts,
        int storySources,
        String eventId,
        List<String> eventKeys)
        implements Serializable {

    public EnrichedMention {
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(mention, "mention");
        themes = themes == null ? List.of() : List.copyOf(themes);
        brands = brands == null ? List.of() : List.copyOf(brands);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        storySources = Math.max(1, storySources);
        eventKeys = eventKeys == null ? List.of() : List.copyOf(eventKeys);
    }

    /** A mention before the story stage (no event story yet). */
    public EnrichedMention(
            String watch,
            String sourceKey,
            Mention mention,
            String lang,
            String sentimentLabel,
            Double sentimentScore,
            List<String> themes,
            Double curationScore,
            List<String> brands,
            StorySignature signature,
            String storyId,
            String duplicateOf,
            List<String> alerts,
            int storySources) {
        this(
                watch,
                sourceKey,
                mention,
                lang,
                sentimentLabel,
                sentimentScore,
                themes,
                curationScore,
                brands,
                signature,
                storyId,
                duplicateOf,
                alerts,
                storySources,
                null,
                List.of());
    }

    /** The Elasticsearch id of this mention. */
    public String documentId() {
        return Collected.documentId(watch, mention.id());
    }

    public EnrichedMention withStory(String storyId, String duplicateOf, int storySources) {
        return withStory(storyId, duplicateOf, storySources, eventId, eventKeys);
    }

    /** With its near-copy story, its event story and the event's number of sources. */
    public EnrichedMention withStory(
            String storyId, String duplicateOf, int storySources, String eventId, List<String> eventKeys) {
        return new EnrichedMention(
                watch,
                sourceKey,
                mention,
                lang,
                sentimentLabel,
                sentimentScore,
                themes,
                curationScore,
                brands,
                signature,
                storyId,
                duplicateOf,
                alerts,
                storySources,
                eventId,
                eventKeys);
    }

    public EnrichedMention withAlerts(List<String> alerts) {
        return new EnrichedMention(
                watch,
                sourceKey,
                mention,
                lang,
                sentimentLabel,
                sentimentScore,
                themes,
                curationScore,
                brands,
                signature,
                storyId,
                duplicateOf,
                alerts,
                storySources,
                eventId,
                eventKeys);
    }
}
