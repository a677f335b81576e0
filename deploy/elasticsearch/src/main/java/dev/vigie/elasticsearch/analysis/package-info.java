/**
 * Lucene analysis components exposed to Elasticsearch through its stable plugin API.
 *
 * <p>The {@code integ-test-zip} distribution of Elasticsearch, used for tests and the local node, ships without the
 * {@code analysis-common} module, so the {@code french} and {@code english} analyzers and the {@code elision},
 * {@code asciifolding}, {@code lowercase} and {@code stemmer} filters that Vigie's index templates name do not exist
 * there. This plugin registers Lucene's implementations under the same names and with the same settings, so one set
 * of templates works on this node and on a full Elasticsearch (where the plugin is simply not installed).
 * The components are listed in {@code named_components.json}, which the unit tests check against the
 * {@code @NamedComponent} annotations of this package.
 */
package dev.vigie.elasticsearch.analysis;
