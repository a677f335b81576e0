package dev.vigie.connectors.http;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of an {@link HttpFetcher}: timeouts, limits and politeness. Immutable and serialisable so that the run
 * job can ship it to its workers, where each opens its own fetcher. Build with {@link #builder()}.
 *
 * @param contactUrl URL named in the User-Agent so that site owners can reach whoever runs Vigie
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout time allowed for one attempt, from sending the request to the last body byte
 * @param maxBodyBytes body size cap, applied to the declared length, the bytes received and the decompressed size
 * @param maxRedirects redirects followed before giving up
 * @param maxRetries retries after 429/502/503/504 or a connection failure
 * @param retryBaseDelay first backoff delay when the server gives no {@code Retry-After}; doubled on each retry
 * @param maxRetryAfter the longest {@code Retry-After} Vigie waits; a longer one fails as {@code RATE_LIMITED}
 * @param maxConcurrency requests in flight over all hosts
 * @param perHostConcurrency requests in flight to one host
 * @param perHostMinDelay minimum time between the starts of two requests to one host
 * @param allowPrivateAddresses allow hosts resolving to loopback/private/link-local/multicast (tests, intranets)
 * @param privateHostsAllowed host names or literal addresses allowed to be private even when
 *                            {@code allowPrivateAddresses} is off (one intranet source, not all of them); lower case
 * @param honourRobots check robots.txt before fetching web pages
 * @param robotsCacheTtl how long a host's robots.txt is reused
 */
public record FetchConfig(
        String contactUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        long maxBodyBytes,
        int maxRedirects,
        int maxRetries,
        Duration retryBaseDelay,
        Duration maxRetryAfter,
        int maxConcurrency,
        int perHostConcurrency,
        Duration perHostMinDelay,
        boolean allowPrivateAddresses,
        Set<String> privateHostsAllowed,
        boolean honourRobots,
        Duration robotsCacheTtl)
        implements Serializable {

    /** The product token in the User-Agent. */
    public static final String PRODUCT = "Vigie/0.1";

    public static final String DEFAULT_CONTACT_URL = "https://github.com/vigie-dev/vigie";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONCURRENCY = 32;
    public static final int DEFAULT_PER_HOST_CONCURRENCY = 2;
    public static final Duration DEFAULT_PER_HOST_MIN_DELAY = Duration.ofMillis(250);
    public static final Duration DEFAULT_ROBOTS_CACHE_TTL = Duration.ofHours(1);

    public FetchConfig {
        checkUrl(contactUrl);
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects must be within 0..20: " + maxRedirects);
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be within 0..10: " + maxRetries);
        }
        notNegative("retryBaseDelay", retryBaseDelay);
        notNegative("maxRetryAfter", maxRetryAfter);
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be positive: " + maxConcurrency);
        }
        if (perHostConcurrency < 1 || perHostConcurrency > maxConcurrency) {
            throw new IllegalArgumentException("perHostConcurrency must be within 1..maxConcurrency (" + maxConcurrency
                    + "): " + perHostConcurrency);
        }
        notNegative("perHostMinDelay", perHostMinDelay);
        java.util.TreeSet<String> hosts = new java.util.TreeSet<>();
        for (String h : privateHostsAllowed == null ? Set.<String>of() : privateHostsAllowed) {
            if (h == null || h.isBlank() || h.contains("/") || h.contains(" ")) {
                throw new IllegalArgumentException("not a host name or address: '" + h + "'");
            }
            hosts.add(h.strip().toLowerCase(java.util.Locale.ROOT));
        }
        privateHostsAllowed = java.util.Collections.unmodifiableSet(hosts);
        positive("robotsCacheTtl", robotsCacheTtl);
    }

    /** The User-Agent sent: product, then the contact URL, as crawlers do. */
    public String userAgent() {
        return PRODUCT + " (+" + contactUrl + ")";
    }

    /** The product token robots.txt groups are matched against. */
    public String robotsAgent() {
        return "vigie";
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("contactUrl must not be blank: '" + url + "'");
        }
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("contactUrl must be an absolute URL: '" + url + "'");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("contactUrl is not a URL: '" + url + "'", e);
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static void notNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }

    /** Builder with the {@code DEFAULT_*} values; {@link #build()} checks every setting. */
    public static final class Builder {
        private String contactUrl = DEFAULT_CONTACT_URL;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryBaseDelay = DEFAULT_RETRY_BASE_DELAY;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        private int perHostConcurrency = DEFAULT_PER_HOST_CONCURRENCY;
        private Duration perHostMinDelay = DEFAULT_PER_HOST_MIN_DELAY;
        private boolean allowPrivateAddresses;
        private Set<String> privateHostsAllowed = Set.of();
        private boolean honourRobots = true;
        private Duration robotsCacheTtl = DEFAULT_ROBOTS_CACHE_TTL;

        private Builder() {}

        public Builder contactUrl(String v) {
            contactUrl = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        public Builder maxBodyBytes(long v) {
            maxBodyBytes = v;
            return this;
        }

        public Builder maxRedirects(int v) {
            maxRedirects = v;
            return this;
        }

        public Builder maxRetries(int v) {
            maxRetries = v;
            return this;
        }

        public Builder retryBaseDelay(Duration v) {
            retryBaseDelay = v;
            return this;
        }

        public Builder maxRetryAfter(Duration v) {
            maxRetryAfter = v;
            return this;
        }

        public Builder maxConcurrency(int v) {
            maxConcurrency = v;
            return this;
        }

        public Builder perHostConcurrency(int v) {
            perHostConcurrency = v;
            return this;
        }

        public Builder perHostMinDelay(Duration v) {
            perHostMinDelay = v;
            return this;
        }
        /** Allow loopback, private, link-local and multicast addresses: for tests, demos and intranet sources. */
        public Builder allowPrivateAddresses(boolean v) {
            allowPrivateAddresses = v;
            return this;
        }
        /** Hosts allowed to resolve to private addresses although {@code allowPrivateAddresses} is off. */
        public Builder privateHostsAllowed(Set<String> v) {
            privateHostsAllowed = v;
            return this;
        }

        public Builder honourRobots(boolean v) {
            honourRobots = v;
            return this;
        }

        public Builder robotsCacheTtl(Duration v) {
            robotsCacheTtl = v;
            return this;
        }

        /** @throws IllegalArgumentException naming the first bad setting */
        public FetchConfig build() {
            return new FetchConfig(
                    contactUrl,
                    connectTimeout,
                    requestTimeout,
                    maxBodyBytes,
                    maxRedirects,
                    maxRetries,
                    retryBaseDelay,
                    maxRetryAfter,
                    maxConcurrency,
                    perHostConcurrency,
                    perHostMinDelay,
                    allowPrivateAddresses,
                    privateHostsAllowed,
                    honourRobots,
                    robotsCacheTtl);
        }
    }
}
