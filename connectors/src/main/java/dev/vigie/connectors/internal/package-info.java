/**
 * Implementation details of the connectors (charset sniffing, SSRF guard, host scheduling, robots.txt, URL
 * canonicalisation, HTML to text). Nothing outside the {@code connectors} module imports this package.
 */
package dev.vigie.connectors.internal;
