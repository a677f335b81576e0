package dev.vigie.jobs.watch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules shared by the records' constructors and the loader, so that a watch built in code is held to the same
 * rules as one read from a file. Each check returns {@code null} when the value is fine, else what was expected.
 */
public final class Checks {
    /** Watch, alert and theme ids. */
    public static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    /** A plain address {@code local@domain}: no display name, no spaces, no CR/LF, nothing a header could abuse. */
    public static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    /** ISO 639-1 language code, as language detection reports it. */
    public static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2}");

    private Checks() {}

    public static String id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            return "an id of lower-case letters, digits and '-' ([a-z0-9-]+)";
        }
        return null;
    }

    public static String email(String value) {
        if (value == null || value.length() > 254 || !EMAIL.matcher(value).matches()) {
            return "an email address like name@example.com";
        }
        return null;
    }

    /** Parses an absolute http(s) URL with a host, or returns {@code null}. */
    public static URI httpUrl(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty()) {
                return uri;
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String requireId(String what, String value) {
        if (id(value) != null) {
            throw new IllegalArgumentException(what + " '" + value + "' is not " + id(value));
        }
        return value;
    }

    /**
     * A name printed in email subjects and report headings: one line, no control character (a CR/LF in a brand
     * name would start a new mail header).
     */
    public static String singleLine(String value) {
        if (value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029)) {
            return "a name on one line, without line break or control character";
        }
        return null;
    }

    static String requireName(String what, String value) {
        requireText(what, value);
        if (singleLine(value) != null) {
            throw new IllegalArgumentException(what + " is not " + singleLine(value));
        }
        return value;
    }

    static List<String> requireNames(String what, List<String> values) {
        List<String> copy = List.copyOf(values);
        copy.forEach(v -> requireName(what, v));
        return copy;
    }

    static String requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }

    static URI requireHttp(String what, URI value) {
        if (value == null || httpUrl(value.toString()) == null) {
            throw new IllegalArgumentException(what + " '" + value + "' is not an absolute http(s) URL");
        }
        return value;
    }

    static List<URI> requireHttp(String what, List<URI> values) {
        List<URI> copy = List.copyOf(values);
        copy.forEach(u -> requireHttp(what, u));
        return copy;
    }

    static List<String> requireEmails(String what, List<String> values) {
        List<String> copy = List.copyOf(values);
        for (String v : copy) {
            if (email(v) != null) {
                throw new IllegalArgumentException(what + " '" + v + "' is not " + email(v));
            }
        }
        return copy;
    }

    static List<String> requireTexts(String what, List<String> values) {
        List<String> copy = List.copyOf(values);
        copy.forEach(v -> requireText(what, v));
        return copy;
    }
}
