package dev.vigie.nlp.alert.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Host names as {@code site:} sees them: lower case, no scheme, port, path or leading {@code www.}; a document is
 * indexed under its host and every parent domain of two labels or more, so {@code site:acme.com} also finds
 * {@code news.acme.com}.
 */
public final class SiteNames {

    private SiteNames() {}

    /**
     * Reduces a URL or host name to the host {@code site:} compares.
     *
     * @param urlOrHost {@code https://www.Acme.com/x}, {@code acme.com} or similar
     * @return {@code acme.com}; empty when nothing resembling a host is present
     */
    public static String normalizeHost(String urlOrHost) {
        String s = urlOrHost.trim().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = s.length();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                end = k;
                break;
            }
        }
        s = s.substring(0, end);
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        return s;
    }

    /**
     * The values a document's {@code site} field is indexed with.
     *
     * @param urlOrHost the document's URL or host
     * @return host and parent domains, most specific first; empty for a blank input
     */
    public static List<String> indexValues(String urlOrHost) {
        List<String> out = new ArrayList<>();
        if (urlOrHost == null || urlOrHost.isBlank()) {
            return out;
        }
        String host = normalizeHost(urlOrHost);
        if (host.isEmpty()) {
            return out;
        }
        out.add(host);
        int dot = host.indexOf('.');
        while (dot >= 0) {
            String parent = host.substring(dot + 1);
            if (parent.indexOf('.') < 0) {
                break;
            }
            out.add(parent);
            dot = host.indexOf('.', dot + 1);
        }
        return out;
    }
}
