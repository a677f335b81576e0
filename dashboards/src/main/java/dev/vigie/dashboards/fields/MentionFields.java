package dev.vigie.dashboards.fields;

import dev.vigie.dashboards.IndexTemplates;

/**
 * Field names of {@value IndexTemplates#MENTIONS} (one enriched document per collected item), as mapped in {@code dashboards/templates/vigie-mentions.json}.
 * Code that writes, queries or reads these documents names fields through these constants; {@code
 * FieldConstantsTest} checks that each constant is a field of the template and that each field has a constant.
 * Nested fields are full paths ({@code "source.type"}); {@link Fields#leaf} gives the name inside their object.
 */
public final class MentionFields {
    public static final String ID = "id";
    public static final String WATCH = "watch";
    /** The {@code source} object; its fields are the constants that start with {@code SOURCE_}. */
    public static final String SOURCE = "source";

    public static final String SOURCE_TYPE = "source.type";
    public static final String SOURCE_NAME = "source.name";
    public static final String SOURCE_URL = "source.url";
    public static final String SOURCE_SEARCH = "source.search";
    public static final String URL = "url";
    public static final String TITLE = "title";
    public static final String TITLE_FR = "title.fr";
    public static final String TITLE_EN = "title.en";
    public static final String TITLE_KEYWORD = "title.keyword";
    public static final String TEXT = "text";
    public static final String TEXT_FR = "text.fr";
    public static final String TEXT_EN = "text.en";
    /** The {@code author} object; its fields are the constants that start with {@code AUTHOR_}. */
    public static final String AUTHOR = "author";

    public static final String AUTHOR_NAME = "author.name";
    public static final String AUTHOR_HANDLE = "author.handle";
    public static final String AUTHOR_FOLLOWERS = "author.followers";
    public static final String PUBLISHED_AT = "published_at";
    public static final String FETCHED_AT = "fetched_at";
    public static final String LANG = "lang";
    /** The {@code engagement} object; its fields are the constants that start with {@code ENGAGEMENT_}. */
    public static final String ENGAGEMENT = "engagement";

    public static final String ENGAGEMENT_LIKES = "engagement.likes";
    public static final String ENGAGEMENT_SHARES = "engagement.shares";
    public static final String ENGAGEMENT_COMMENTS = "engagement.comments";
    public static final String ENGAGEMENT_SCORE = "engagement.score";
    public static final String REACH = "reach";
    /** The {@code sentiment} object; its fields are the constants that start with {@code SENTIMENT_}. */
    public static final String SENTIMENT = "sentiment";

    public static final String SENTIMENT_LABEL = "sentiment.label";
    public static final String SENTIMENT_SCORE = "sentiment.score";
    public static final String THEMES = "themes";
    public static final String CURATION_SCORE = "curation_score";
    public static final String BRANDS = "brands";
    public static final String ALERTS = "alerts";
    public static final String STORY_ID = "story_id";
    public static final String DUPLICATE_OF = "duplicate_of";
    /** The {@code event} object; its fields are the constants that start with {@code EVENT_}. */
    public static final String EVENT = "event";

    public static final String EVENT_ID = "event.id";
    public static final String EVENT_KEYS = "event.keys";
    public static final String STORY_BANDS = "story_bands";
    public static final String STORY_SIGNATURE = "story_signature";

    private MentionFields() {}
}
