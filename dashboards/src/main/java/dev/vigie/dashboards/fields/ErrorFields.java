package dev.vigie.dashboards.fields;

import dev.vigie.dashboards.IndexTemplates;

/**
 * Field names of {@value IndexTemplates#ERRORS} (documents Elasticsearch refused for good), as mapped in {@code dashboards/templates/vigie-errors.json}.
 * Code that writes, queries or reads these documents names fields through these constants; {@code
 * FieldConstantsTest} checks that each constant is a field of the template and that each field has a constant.
 * Nested fields are full paths ({@code "source.type"}); {@link Fields#leaf} gives the name inside their object.
 */
public final class ErrorFields {
    public static final String RUN_ID = "run_id";
    public static final String INDEX = "index";
    public static final String DOCUMENT_ID = "document_id";
    public static final String STATUS = "status";
    public static final String ERROR_TYPE = "error_type";
    public static final String REASON = "reason";
    public static final String REASON_KEYWORD = "reason.keyword";
    public static final String FAILED_AT = "failed_at";
    public static final String SOURCE_EXCERPT = "source_excerpt";

    private ErrorFields() {}
}
