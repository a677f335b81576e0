/**
 * Competitor pages: {@link dev.vigie.connectors.page.PageWatcher} turns a fetched page into a serialisable
 * {@link dev.vigie.connectors.page.PageSnapshot} of its watched sections ({@link dev.vigie.connectors.page.PageSpec})
 * and compares it with the previous one into a {@link dev.vigie.connectors.page.PageChange} (added and removed lines,
 * unified diff, magnitude, {@link dev.vigie.connectors.page.ChangeKind}), staying quiet on noise.
 */
package dev.vigie.connectors.page;
