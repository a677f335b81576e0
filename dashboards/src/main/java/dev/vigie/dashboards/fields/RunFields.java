package dev.vigie.dashboards.fields;

import dev.vigie.dashboards.IndexTemplates;

/**
 * Field names of {@value IndexTemplates#RUNS} (run statistics, one document per run and source), as mapped in {@code dashboards/templates/vigie-runs.json}.
 * Code that writes, queries or reads these documents names fields through these constants; {@code
 * FieldConstantsTest} checks that each constant is a field of the template and that each field has a constant.
 * Nested fields are full paths ({@code "source.type"}); {@link Fields#leaf} gives the name inside their object.
 */
public final class RunFields {
    public static final String ID = "id";
    public static final String RUN_ID = "run_id";
    public static final String WATCH = "watch";
    public static final String JOB = "job";
    /** The {@code source} object; its fields are the constants that start with {@code SOURCE_}. */
    public static final String SOURCE = "source";

    public static final String SOURCE_TYPE = "source.type";
    public static final String SOURCE_NAME = "source.name";
    public static final String SOURCE_URL = "source.url";
    public static final String STATUS = "status";
    public static final String FETCHED = "fetched";
    public static final String NEW = "new";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";
    public static final String ENRICHMENT_FAILURES = "enrichment_failures";
    public static final String INDEXED = "indexed";
    public static final String ERRORS = "errors";
    public static final String ERRORS_KEYWORD = "errors.keyword";
    public static final String STARTED_AT = "started_at";
    public static final String ENDED_AT = "ended_at";
    public static final String DURATION_MS = "duration_ms";

    private RunFields() {}
}
