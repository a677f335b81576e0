/**
 * Test code (in the {@code vigie-dashboards} test-jar, not in the shipped jar): reads the Kibana saved objects shipped
 * with Vigie ({@code dashboards/kibana/*.ndjson}, one dashboard per file with its data
 * views, read from the classpath under {@code vigie/kibana/}) and the checks that keep them honest without a Kibana:
 * every field a visualization aggregates exists in the index templates with a type that supports the aggregation,
 * and every visualization's aggregation can be written as an Elasticsearch query
 * ({@link dev.vigie.dashboards.kibana.Visualization#searchBody()}) and run against a real node.
 */
package dev.vigie.dashboards.kibana;
