/**
 * RSS/Atom/RDF feeds to mentions: {@link dev.vigie.connectors.feed.FeedParser} parses a fetched body with Rome,
 * hardened against XXE and entity bombs and as forgiving as a feed reader, into a
 * {@link dev.vigie.connectors.feed.FeedResult}.
 */
package dev.vigie.connectors.feed;
