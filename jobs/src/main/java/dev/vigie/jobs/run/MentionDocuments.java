package dev.vigie.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigie.connectors.mention.Mention;
import dev.vigie.jobs.sink.DocumentConverter;
import dev.vigie.jobs.sink.EsDocument;
import java.io.UncheckedIOException;

/** Turns an enriched mention into its {@code vigie-mentions} document, field names as in the template. */
final class MentionDocuments implements DocumentConverter<EnrichedMention> {

    static final String INDEX = "vigie-mentions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public EsDocument toDocument(EnrichedMention enriched) {
        Mention m = enriched.mention();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", enriched.documentId());
        doc.put("watch", enriched.watch());
        ObjectNode source = doc.putObject("source");
        source.put("type", m.source().type().id());
        source.put("name", m.source().name());
        source.put("url", m.source().url());
        putIfPresent(source, "search", m.source().search());
        doc.put("url", m.url());
        if (m.title() != null) {
            doc.put("title", m.title());
        }
        doc.put("text", m.text());
        ObjectNode author = doc.putObject("author");
        putIfPresent(author, "name", m.author().name());
        putIfPresent(author, "handle", m.author().handle());
        if (m.author().followers() != null) {
            author.put("followers", m.author().followers());
        }
        doc.put("published_at", m.publishedAt().toString());
        doc.put("fetched_at", m.fetchedAt().toString());
        doc.put("lang", enriched.lang());
        ObjectNode engagement = doc.putObject("engagement");
        putIfPresent(engagement, "likes", m.engagement().likes());
        putIfPresent(engagement, "shares", m.engagement().shares());
        putIfPresent(engagement, "comments", m.engagement().comments());
        putIfPresent(engagement, "score", m.engagement().score());
        if (m.reach() != null) {
            doc.put("reach", m.reach());
        }
        if (enriched.sentimentLabel() != null) {
            ObjectNode sentiment = doc.putObject("sentiment");
            sentiment.put("label", enriched.sentimentLabel());
            if (enriched.sentimentScore() != null) {
                sentiment.put("score", enriched.sentimentScore());
            }
        }
        enriched.themes().forEach(doc.putArray("themes")::add);
        if (enriched.curationScore() != null) {
            doc.put("curation_score", enriched.curationScore());
        }
        enriched.brands().forEach(doc.putArray("brands")::add);
        enriched.alerts().forEach(doc.putArray("alerts")::add);
        doc.put("story_id", enriched.storyId() == null ? enriched.documentId() : enriched.storyId());
        if (enriched.duplicateOf() != null) {
            doc.put("duplicate_of", enriched.duplicateOf());
        }
        // the event story (one event across outlets and languages) and the keys later runs find it by
        ObjectNode event = doc.putObject("event");
        event.put("id", enriched.eventId() == null ? enriched.documentId() : enriched.eventId());
        enriched.eventKeys().forEach(event.putArray("keys")::add);
        if (enriched.signature() != null && enriched.signature().isComparable()) {
            // what the next runs look up to find this story again (see AssignStories)
            enriched.signature().bandKeys().forEach(doc.putArray("story_bands")::add);
            doc.put("story_signature", enriched.signature().toBytes());
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
