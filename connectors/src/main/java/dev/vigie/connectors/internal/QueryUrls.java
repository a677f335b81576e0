package dev.vigie.connectors.internal;

import java.net.URI;
import java.util.Locale;

/** Checks and builds the base URLs of mention APIs. */
public final class QueryUrls {
    private QueryUrls() {}

    /** A base URL without trailing slash; refuses what is not an absolute http(s) URL. */
    public static String base(String name, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank: '" + url + "'");
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException(name + " must be an absolute http(s) URL: '" + url + "'");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: '" + url + "'", e);
        }
        return u;
    }

    /** The host (and port, when there is one) of a URL {@link #base checked} before: how people name a server. */
    public static String authority(String baseUrl) {
        return URI.create(baseUrl).getRawAuthority();
    }

    /** A required, non-blank query text. */
    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank: '" + value + "'");
        }
        return value.strip();
    }

    /** Replaces or adds one query parameter of {@code url}. */
    public static String withParam(String url, String name, String encodedValue) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        StringBuilder sb = new StringBuilder(path).append('?');
        boolean first = true;
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (pair.isEmpty() || pair.equals(name) || pair.startsWith(name + "=")) {
                    continue;
                }
                sb.append(first ? "" : "&").append(pair);
                first = false;
            }
        }
        return sb.append(first ? "" : "&")
                .append(name)
                .append('=')
                .append(encodedValue)
                .toString();
    }

    /** The value of a query parameter of {@code url}, or {@code null}. */
    public static String param(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** Whether {@code url} has the scheme, host and port of {@code base}; {@code false} for what is not a URL. */
    public static boolean sameOrigin(String base, String url) {
        try {
            java.net.URI a = new java.net.URI(base);
            java.net.URI b = new java.net.URI(url.strip());
            return a.getScheme() != null
                    && b.getScheme() != null
                    && a.getHost() != null
                    && b.getHost() != null
                    && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int port(java.net.URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
