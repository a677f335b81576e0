/**
 * Vigie's data contract in Elasticsearch: the four index templates ({@code templates/*.json} in this module, one
 * file per index, read from the classpath under {@code vigie/templates/}), the code that installs them
 * ({@link dev.vigie.dashboards.IndexTemplates}) and a client factory ({@link dev.vigie.dashboards.EsClients}).
 *
 * <pre>{@code
 * try (ElasticsearchClient es = EsClients.create(URI.create("http://localhost:9200"), null)) {
 *     IndexTemplates.installAll(es);   // idempotent: UNCHANGED on the second call
 * }
 * }</pre>
 */
package dev.vigie.dashboards;
