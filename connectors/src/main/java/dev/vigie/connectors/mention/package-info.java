/**
 * Mentions and where they come from. {@link dev.vigie.connectors.mention.Mention} is the record the run job enriches
 * and indexes, whatever its source (feed entry or platform post). The platform queries
 * ({@link dev.vigie.connectors.mention.MastodonTagTimeline}, {@link dev.vigie.connectors.mention.MastodonSearch},
 * {@link dev.vigie.connectors.mention.BlueskySearch}, {@link dev.vigie.connectors.mention.RedditSearch},
 * {@link dev.vigie.connectors.mention.HackerNewsSearch}) know their wire formats;
 * {@link dev.vigie.connectors.mention.MentionCollector} paginates them, respects rate-limit headers and returns the
 * {@link dev.vigie.connectors.mention.MentionCursor} to store for the next run.
 */
package dev.vigie.connectors.mention;
