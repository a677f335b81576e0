/**
 * {@code vigie alerts test}: trying an alert rule on the mentions already indexed for a watch, before saving it. The
 * rule's {@link dev.vigie.nlp.alert.AlertPrefilter prefilter} becomes an Elasticsearch query
 * ({@code ElasticsearchPrefilter}), the candidates are read page by page and matched by the job's own
 * {@link dev.vigie.nlp.alert.AlertMatcher} ({@link dev.vigie.jobs.alerts.AlertPreview}).
 */
package dev.vigie.jobs.alerts;
