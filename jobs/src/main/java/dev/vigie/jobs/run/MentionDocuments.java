package dev.vigie.jobs.run;

import static dev.vigie.dashboards.fields.Fields.leaf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigie.connectors.mention.Mention;
import dev.vigie.dashboards.IndexTemplates;
import dev.vigie.dashboards.fields.MentionFields;
import dev.vigie.jobs.sink.DocumentConverter;
import dev.vigie.jobs.sink.EsDocument;
import java.io.UncheckedIOException;

/** Turns an enriched mention into its {@code vigie-mentions} document, field names as in the template. */
final class MentionDocuments implements DocumentConverter<EnrichedMention> {

    static final String INDEX = IndexTemplates.MENTIONS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public EsDocument toDocument(EnrichedMention enriched) {
        Mention m = enriched.mention();
        ObjectNode doc = JSON.createObjectNode();
        doc.put(MentionFields.ID, enriched.documentId());
        doc.put(MentionFields.WATCH, enriched.watch());
        ObjectNode source = doc.putObject(MentionFields.SOURCE);
        source.put(leaf(MentionFields.SOURCE_TYPE), m.source().type().id());
        source.put(leaf(MentionFields.SOURCE_NAME), m.source().name());
        source.put(leaf(MentionFields.SOURCE_URL), m.source().url());
        putIfPresent(source, leaf(MentionFields.SOURCE_SEARCH), m.source().search());
        doc.put(MentionFields.URL, m.url());
        if (m.title() != null) {
            doc.put(MentionFields.TITLE, m.title());
        }
        doc.put(MentionFields.TEXT, m.text());
        ObjectNode author = doc.putObject(MentionFields.AUTHOR);
        putIfPresent(author, leaf(MentionFields.AUTHOR_NAME), m.author().name());
        putIfPresent(author, leaf(MentionFields.AUTHOR_HANDLE), m.author().handle());
        if (m.author().followers() != null) {
            author.put(leaf(MentionFields.AUTHOR_FOLLOWERS), m.author().followers());
        }
        doc.put(MentionFields.PUBLISHED_AT, m.publishedAt().toString());
        doc.put(MentionFields.FETCHED_AT, m.fetchedAt().toString());
        doc.put(MentionFields.LANG, enriched.lang());
        ObjectNode engagement = doc.putObject(MentionFields.ENGAGEMENT);
        putIfPresent(
                engagement, leaf(MentionFields.ENGAGEMENT_LIKES), m.engagement().likes());
        putIfPresent(
                engagement,
                leaf(MentionFields.ENGAGEMENT_SHARES),
                m.engagement().shares());
        putIfPresent(
                engagement,
                leaf(MentionFields.ENGAGEMENT_COMMENTS),
                m.engagement().comments());
        putIfPresent(
                engagement, leaf(MentionFields.ENGAGEMENT_SCORE), m.engagement().score());
        if (m.reach() != null) {
            doc.put(MentionFields.REACH, m.reach());
        }
        if (enriched.sentimentLabel() != null) {
            ObjectNode sentiment = doc.putObject(MentionFields.SENTIMENT);
            sentiment.put(leaf(MentionFields.SENTIMENT_LABEL), enriched.sentimentLabel());
            if (enriched.sentimentScore() != null) {
                sentiment.put(leaf(MentionFields.SENTIMENT_SCORE), enriched.sentimentScore());
            }
        }
        enriched.themes().forEach(doc.putArray(MentionFields.THEMES)::add);
        if (enriched.curationScore() != null) {
            doc.put(MentionFields.CURATION_SCORE, enriched.curationScore());
        }
        enriched.brands().forEach(doc.putArray(MentionFields.BRANDS)::add);
        enriched.alerts().forEach(doc.putArray(MentionFields.ALERTS)::add);
        doc.put(MentionFields.STORY_ID, enriched.storyId() == null ? enriched.documentId() : enriched.storyId());
        if (enriched.duplicateOf() != null) {
            doc.put(MentionFields.DUPLICATE_OF, enriched.duplicateOf());
        }
        // the event story (one event across outlets and languages) and the keys later runs find it by
        ObjectNode event = doc.putObject(MentionFields.EVENT);
        event.put(
                leaf(MentionFields.EVENT_ID), enriched.eventId() == null ? enriched.documentId() : enriched.eventId());
        enriched.eventKeys().forEach(event.putArray(leaf(MentionFields.EVENT_KEYS))::add);
        if (enriched.signature() != null && enriched.signature().isComparable()) {
            // what the next runs look up to find this story again (see AssignStories)
            enriched.signature().bandKeys().forEach(doc.putArray(MentionFields.STORY_BANDS)::add);
            doc.put(MentionFields.STORY_SIGNATURE, enriched.signature().toBytes());
        }
        try {
            return new EsDocument(INDEX, enriched.documentId(), JSON.writeValueAsString(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
