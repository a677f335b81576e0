package dev.vigie.jobs.watch.internal;

import dev.vigie.jobs.watch.Checks;
import dev.vigie.jobs.watch.WatchError;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values (strings, lists, choices, URLs, email addresses) out of {@link YamlNode}s, adding an error with
 * the file, line and field path for each value that is wrong instead of stopping at the first. A wrong value reads as
 * {@code null} (or is left out of a list); the caller compares {@link #errorCount()} before and after.
 *
 * <p>{@code ${NAME}} in any value is replaced from the environment; every value so substituted is masked in the
 * messages, so a secret that reached another field is never printed.
 */
final class ValueReader {
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|\\$\\{([^}]*)}?");

    private final String file;
    private final Map<String, String> env;
    private final List<WatchError> errors;
    /** Values substituted for {@code ${NAME}}, longest first, and their references (for {@link #masked}). */
    private final Map<String, String> substituted =
            new TreeMap<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    ValueReader(String file, Map<String, String> env, List<WatchError> errors) {
        this.file = file;
        this.env = Map.copyOf(env);
        this.errors = errors;
    }

    /** How many errors were reported so far, to tell whether a part of the file read cleanly. */
    int errorCount() {
        return errors.size();
    }

    /** An item of a list, read at its own path such as {@code sources.feeds[2]}. */
    @FunctionalInterface
    interface ItemReader<T> {
        T read(YamlNode node, String path);
    }

    // ---------------------------------------------------------------- fields

    /** A scalar field read as text with {@code ${NAME}} replaced; {@code null} when absent or wrong. */
    String string(Field f, boolean required) {
        return string(f, required, false);
    }

    /** A secret: it must come from the environment, and its value never appears in an error. */
    String secret(Field f) {
        return string(f, false, true);
    }

    private String string(Field f, boolean required, boolean secret) {
        YamlNode node = f.node();
        String fieldPath = f.path();
        if (node == null || node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL) {
            if (required) {
                error(node == null ? f.mapping() : node, fieldPath, "missing; a value is required");
            }
            return null;
        }
        if (secret
                && node instanceof YamlNode.Scalar s
                && s.text() != null
                && !s.text().trim().matches("\\$\\{[^}]+}")) {
            error(
                    node,
                    fieldPath,
                    "a secret must come from the environment, e.g. " + f.key() + ": \"${"
                            + f.key().toUpperCase(Locale.ROOT).replace('-', '_')
                            + "}\" (the value written in the file is not shown)");
            return null;
        }
        return scalar(node, fieldPath, secret);
    }

    /** A list of strings; a single scalar counts as a list of one. Items in error are left out. */
    List<String> strings(Field f) {
        YamlNode node = f.node();
        if (node == null || node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL) {
            return List.of();
        }
        if (node instanceof YamlNode.Scalar) {
            String v = scalar(node, f.path(), false);
            return v == null ? List.of() : List.of(v);
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            error(node, f.path(), "expected a list of strings, got " + node.kindName());
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            String v = scalar(seq.items().get(i), f.path() + "[" + i + "]", false);
            if (v != null) {
                if (v.isBlank()) {
                    error(seq.items().get(i), f.path() + "[" + i + "]", "expected a non-empty string");
                } else {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** A list of items; an item in error is {@code null} in the result. */
    <T> List<T> list(Field f, ItemReader<T> reader) {
        YamlNode node = f.node();
        if (node == null || node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL) {
            return List.of();
        }
        String listPath = f.path();
        if (!(node instanceof YamlNode.Sequence seq)) {
            error(node, listPath, "expected a list (items starting with '- '), got " + node.kindName());
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            out.add(reader.read(seq.items().get(i), listPath + "[" + i + "]"));
        }
        return out;
    }

    /** One of {@code allowed} (keys in lower case), {@code fallback} when absent or wrong. */
    <E> E choice(Field f, Map<String, E> allowed, E fallback) {
        String v = string(f, false);
        if (v == null) {
            return fallback;
        }
        E e = allowed.get(v.trim().toLowerCase(Locale.ROOT));
        if (e == null) {
            String hint = suggest(v.trim().toLowerCase(Locale.ROOT), allowed.keySet());
            error(
                    f.node(),
                    f.path(),
                    "expected one of " + String.join(", ", allowed.keySet()) + ", got '" + v + "'" + hint);
            return fallback;
        }
        return e;
    }

    URI requiredUrl(Field f) {
        YamlNode node = f.node();
        if (node == null) {
            error(f.mapping(), f.path(), "missing; expected an absolute http(s) URL");
            return null;
        }
        return url(node, f.path());
    }

    List<URI> urls(Field f) {
        return list(f, this::url);
    }

    List<String> emails(Field f) {
        List<String> values = strings(f);
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null) {
                continue;
            }
            if (Checks.email(v) != null) {
                YamlNode n = f.node();
                YamlNode at = n instanceof YamlNode.Sequence s ? s.items().get(i) : n;
                error(
                        at,
                        f.path() + (n instanceof YamlNode.Sequence ? "[" + i + "]" : ""),
                        "expected " + Checks.email(v) + ", got '" + v + "'");
            } else {
                valid.add(v);
            }
        }
        return valid;
    }

    // ---------------------------------------------------------------- nodes

    URI url(YamlNode node, String path) {
        String text = scalar(node, path, false);
        if (text == null) {
            return null;
        }
        URI uri = Checks.httpUrl(text);
        if (uri == null) {
            error(node, path, "expected an absolute http(s) URL like https://example.com/feed, got '" + text + "'");
        }
        return uri;
    }

    String scalar(YamlNode node, String path, boolean secret) {
        if (!(node instanceof YamlNode.Scalar s)) {
            error(node, path, "expected " + (secret ? "a secret" : "a string") + ", got " + node.kindName());
            return null;
        }
        if (s.type() == YamlNode.Scalar.Type.NULL) {
            error(node, path, "expected a value, got an empty one");
            return null;
        }
        return substitute(s, path, secret);
    }

    private String substitute(YamlNode.Scalar s, String path, boolean secret) {
        String text = s.text();
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (matcher.find()) {
            String name = matcher.group(1);
            String fallback = matcher.group(2);
            String value = name == null ? null : env.getOrDefault(name, fallback);
            if (name == null) {
                error(s, path, "'" + matcher.group() + "' is not a valid ${NAME} or ${NAME:-default} reference");
                ok = false;
            } else if (value == null) {
                error(s, path, "environment variable " + name + " is not set");
                ok = false;
            } else if (secret && fallback != null && !fallback.isEmpty()) {
                error(
                        s,
                        path,
                        "a secret cannot have a default written in the file; use ${" + name + ":-} or ${" + name
                                + "} (the value written in the file is not shown)");
                ok = false;
            } else {
                if (value.length() >= 3) {
                    substituted.putIfAbsent(value, "${" + name + "}");
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        matcher.appendTail(out);
        return ok ? out.toString() : null;
    }

    YamlNode.Mapping mapping(YamlNode node, String path, String expected) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        error(node, path, "expected " + expected + ", got " + node.kindName());
        return null;
    }

    /** The record {@code constructor} makes, or {@code null} with its refusal as the error of {@code path}. */
    <T> T build(YamlNode node, String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            error(node, path, e.getMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- errors

    void error(YamlNode node, String path, String message) {
        error(node.line(), path, message);
    }

    void error(int line, String path, String message) {
        errors.add(new WatchError(file, line, path, masked(message)));
    }

    /**
     * The message with every value read from the environment replaced by its {@code ${NAME}} reference: a secret
     * that reached another field (a password in a URL, a variable used in {@code mail.from}) is never printed.
     * Values shorter than three characters are left, as they would garble messages and hide nothing.
     */
    private String masked(String message) {
        String out = message;
        for (Map.Entry<String, String> e : substituted.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** {@code " (did you mean 'every'?)"} when a known key is within two edits, else empty. */
    static String suggest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(given.toLowerCase(Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int limit = given.length() <= 3 ? 1 : 2;
        return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
