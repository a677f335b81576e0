/**
 * Test support shared with the other modules through this module's test-jar: {@link
 * dev.vigie.dashboards.testing.ElasticsearchExtension} gives every IT of a JVM the same real Elasticsearch node.
 */
package dev.vigie.dashboards.testing;
