package dev.vigie.dashboards.fields;

import dev.vigie.dashboards.IndexTemplates;

/**
 * Field names of {@value IndexTemplates#LEASES} (one lease per watch, so that two runs of one watch never overlap), as mapped in {@code dashboards/templates/vigie-leases.json}.
 * Code that writes, queries or reads these documents names fields through these constants; {@code
 * FieldConstantsTest} checks that each constant is a field of the template and that each field has a constant.
 * Nested fields are full paths ({@code "source.type"}); {@link Fields#leaf} gives the name inside their object.
 */
public final class LeaseFields {
    public static final String WATCH = "watch";
    public static final String RUN_ID = "run_id";
    public static final String HOST = "host";
    public static final String ACQUIRED_AT = "acquired_at";
    public static final String RENEWED_AT = "renewed_at";
    public static final String EXPIRES_AT = "expires_at";
    public static final String RELEASED_AT = "released_at";

    private LeaseFields() {}
}
