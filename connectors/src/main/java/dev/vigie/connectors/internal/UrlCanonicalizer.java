package dev.vigie.connectors.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical form of a link so that the same article reached through different links gets the same id: resolved
 * against its base, scheme and host lower-cased, default port dropped, empty path made "/", fragment and tracking
 * parameters ({@code utm_*}, {@code fbclid}, {@code gclid}...) removed; other parameters kept in their order.
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING =
            Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "yclid", "igshid", "_hsenc", "_hsmi");

    private UrlCanonicalizer() {}

    /**
     * The canonical absolute URL of {@code link} resolved against {@code base} (may be {@code null}), or
     * {@code null} when the result is not an absolute http(s) URL.
     */
    public static String canonical(String link, URI base) {
        if (link == null) {
            return null;
        }
        String l = link.strip().replace(" ", "%20");
        if (l.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(l);
            if (!uri.isAbsolute() && base != null) {
                uri = base.resolve(uri);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.getRawAuthority() == null) {
            return null;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        int port = uri.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = cleanQuery(uri.getRawQuery());
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            sb.append(uri.getRawUserInfo()).append('@');
        }
        sb.append(host.toLowerCase(Locale.ROOT));
        if (port != -1) {
            sb.append(':').append(port);
        }
        sb.append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        return sb.toString();
    }

    private static String cleanQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append('&');
            }
            kept.append(pair);
        }
        return kept.length() == 0 ? null : kept.toString();
    }
}
