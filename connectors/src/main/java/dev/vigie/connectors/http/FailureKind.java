package dev.vigie.connectors.http;

/** Why a fetch failed; counted per source in {@code vigie-runs}. */
public enum FailureKind {
    /** The URL is not a fetchable http(s) URL. */
    INVALID_URL,
    /** The host does not resolve. */
    UNKNOWN_HOST,
    /** The host resolves to loopback, private, link-local or multicast addresses and those are not allowed (SSRF). */
    BLOCKED_ADDRESS,
    /** robots.txt disallows the path for Vigie's user agent. */
    ROBOTS_DISALLOWED,
    /** Connection refused or reset, TLS failure, protocol error. */
    CONNECTION,
    /** No complete response within the connect or request timeout. */
    TIMEOUT,
    /** The server answered with an error status (see {@link FetchResult.Failed#status()}). */
    HTTP_STATUS,
    /** Still 429/503 after the allowed retries, or a {@code Retry-After} longer than the configured cap. */
    RATE_LIMITED,
    /** More redirects than allowed, or a redirect loop. */
    TOO_MANY_REDIRECTS,
    /** The body (declared or decompressed) exceeds the size cap. */
    BODY_TOO_LARGE,
    /** The connection ended before the whole body arrived. */
    TRUNCATED_BODY,
    /** The body claims a content encoding it is not valid in (broken gzip/deflate). */
    BAD_CONTENT_ENCODING,
    /** The fetcher was closed while the fetch was under way. */
    CANCELLED
}
