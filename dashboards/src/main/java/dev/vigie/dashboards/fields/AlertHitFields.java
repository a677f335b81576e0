package dev.vigie.dashboards.fields;

import dev.vigie.dashboards.IndexTemplates;

/**
 * Field names of {@value IndexTemplates#ALERTS} (the ledger of alert hits: one document per rule and mention, with what was sent), as mapped in {@code dashboards/templates/vigie-alerts.json}.
 * Code that writes, queries or reads these documents names fields through these constants; {@code
 * FieldConstantsTest} checks that each constant is a field of the template and that each field has a constant.
 * Nested fields are full paths ({@code "source.type"}); {@link Fields#leaf} gives the name inside their object.
 */
public final class AlertHitFields {
    public static final String ID = "id";
    public static final String WATCH = "watch";
    public static final String RULE = "rule";
    public static final String EVERY = "every";
    public static final String STATUS = "status";
    public static final String MENTION_ID = "mention_id";
    public static final String MENTION_TITLE = "mention_title";
    public static final String MENTION_TITLE_KEYWORD = "mention_title.keyword";
    public static final String MENTION_URL = "mention_url";
    public static final String MENTION_SOURCE = "mention_source";
    public static final String STORY_SOURCES = "story_sources";
    public static final String MENTION_PUBLISHED_AT = "mention_published_at";
    public static final String LANG = "lang";
    public static final String SENTIMENT = "sentiment";
    public static final String MATCHED_TERMS = "matched_terms";
    public static final String SNIPPET = "snippet";
    public static final String MATCHED_AT = "matched_at";
    public static final String SENT_AT = "sent_at";
    public static final String RECIPIENTS = "recipients";
    public static final String DIGEST_ID = "digest_id";
    public static final String MESSAGE_ID = "message_id";
    public static final String SENDING_AT = "sending_at";
    public static final String DROPPED_AT = "dropped_at";
    public static final String FAILED_AT = "failed_at";
    public static final String STATUS_REASON = "status_reason";
    public static final String LAST_ERROR = "last_error";
    public static final String LAST_ERROR_KEYWORD = "last_error.keyword";
    public static final String CLAIMED_BY = "claimed_by";
    /** What a spike alert reports (stored, not indexed). */
    public static final String SPIKE = "spike";

    private AlertHitFields() {}
}
