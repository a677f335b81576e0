package dev.vigie.dashboards.fields;

import dev.vigie.dashboards.IndexTemplates;

/**
 * Field names of {@value IndexTemplates#STATE} (the incremental state of each watch and source between runs), as mapped in {@code dashboards/templates/vigie-state.json}.
 * Code that writes, queries or reads these documents names fields through these constants; {@code
 * FieldConstantsTest} checks that each constant is a field of the template and that each field has a constant.
 * Nested fields are full paths ({@code "source.type"}); {@link Fields#leaf} gives the name inside their object.
 */
public final class StateFields {
    public static final String WATCH = "watch";
    public static final String KEY = "key";
    /** The {@code source} object; its fields are the constants that start with {@code SOURCE_}. */
    public static final String SOURCE = "source";

    public static final String SOURCE_TYPE = "source.type";
    public static final String SOURCE_NAME = "source.name";
    public static final String SOURCE_URL = "source.url";
    public static final String RUN_ID = "run_id";
    public static final String UPDATED_AT = "updated_at";
    /** The {@code data} object; its fields are the constants that start with {@code DATA_}. */
    public static final String DATA = "data";

    private StateFields() {}
}
