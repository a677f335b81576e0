/**
 * The field names of the data contract, one class per index template ({@code MentionFields} for
 * {@code vigie-mentions}, {@code PageChangeFields}, {@code AlertHitFields}, {@code RunFields}, and the job's own
 * {@code ErrorFields}, {@code StateFields}, {@code LeaseFields}). The template files stay the single source of truth;
 * these constants are checked against them by a test, so a renamed or removed field fails the build instead of
 * silently matching nothing.
 */
package dev.vigie.dashboards.fields;
