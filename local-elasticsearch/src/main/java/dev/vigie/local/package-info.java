/**
 * Starting a real Elasticsearch node from the integ-test-zip distribution prepared by {@code deploy/elasticsearch}:
 * for the integration tests (through the dashboards test-jar's {@code ElasticsearchExtension}), {@code vigie demo} and
 * {@code vigie elasticsearch} (which {@code deploy/local/elasticsearch.sh} calls).
 * No Docker: the node is a child process on a loopback port (or runs on its own, for {@code vigie elasticsearch start}),
 * run as an unprivileged user when the caller is root. Its own module: the data-contract module ({@code dashboards})
 * and the jobs use it, neither owns it.
 */
package dev.vigie.local;
