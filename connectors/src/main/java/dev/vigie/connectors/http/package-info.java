/**
 * Polite, hardened HTTP fetching: {@link dev.vigie.connectors.http.HttpFetcher} returns a future of a typed
 * {@link dev.vigie.connectors.http.FetchResult} (ok, not modified, or failed with a
 * {@link dev.vigie.connectors.http.FailureKind}), never an exception. Settings live in the serialisable
 * {@link dev.vigie.connectors.http.FetchConfig}; the {@link dev.vigie.connectors.http.Validators} of each result are
 * what the run job stores to make the next fetch conditional.
 */
package dev.vigie.connectors.http;
