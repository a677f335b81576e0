package dev.vigie.dashboards.fields;

import dev.vigie.dashboards.IndexTemplates;

/**
 * Field names of {@value IndexTemplates#PAGE_CHANGES} (one document per change seen on a competitor page), as mapped in {@code dashboards/templates/vigie-page-changes.json}.
 * Code that writes, queries or reads these documents names fields through these constants; {@code
 * FieldConstantsTest} checks that each constant is a field of the template and that each field has a constant.
 * Nested fields are full paths ({@code "source.type"}); {@link Fields#leaf} gives the name inside their object.
 */
public final class PageChangeFields {
    public static final String ID = "id";
    public static final String WATCH = "watch";
    public static final String COMPETITOR = "competitor";
    public static final String URL = "url";
    public static final String SECTION = "section";
    public static final String CHANGED_AT = "changed_at";
    public static final String KIND = "kind";
    public static final String ADDED = "added";
    public static final String ADDED_FR = "added.fr";
    public static final String ADDED_EN = "added.en";
    public static final String REMOVED = "removed";
    public static final String REMOVED_FR = "removed.fr";
    public static final String REMOVED_EN = "removed.en";
    public static final String DIFF = "diff";
    public static final String MAGNITUDE = "magnitude";

    private PageChangeFields() {}
}
