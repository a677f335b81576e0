/**
 * Starting a real Elasticsearch node from the integ-test-zip distribution prepared by {@code deploy/elasticsearch}:
 * for the integration tests (through the test-jar's {@code ElasticsearchExtension}) and for {@code vigie demo}.
 * No Docker: the node is a child process on a loopback port, run as an unprivileged user when the caller is root.
 */
package dev.vigie.dashboards.local;
