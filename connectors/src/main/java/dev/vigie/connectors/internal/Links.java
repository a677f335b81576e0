package dev.vigie.connectors.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an RFC 8288 {@code Link} header (Mastodon pagination). */
public final class Links {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?");

    private Links() {}

    /** The URL of the link with relation {@code rel}, or {@code null}. */
    public static String find(String header, String rel) {
        if (header == null) {
            return null;
        }
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            Matcher r = REL.matcher(m.group(2));
            if (r.find()) {
                for (String one : r.group(1).strip().split("\\s+")) {
                    if (one.equalsIgnoreCase(rel)) {
                        return m.group(1).strip();
                    }
                }
            }
        }
        return null;
    }
}
