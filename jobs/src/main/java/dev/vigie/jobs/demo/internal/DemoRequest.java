package dev.vigie.jobs.demo.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to the demo server, reduced to what the routes need: the path, the query parameters (first value of
 * each) and the request headers (names in lower case).
 */
public record DemoRequest(String path, String rawQuery, Map<String, String> params, Map<String, String> headers) {

    public DemoRequest {
        Objects.requireNonNull(path, "path");
        rawQuery = rawQuery == null ? "" : rawQuery;
        params = Map.copyOf(params);
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
    }

    /** A request for {@code path} with {@code rawQuery} (URL-encoded, may be null) and headers. */
    public static DemoRequest of(String path, String rawQuery, Map<String, List<String>> headers) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            }
        }
        Map<String, String> first = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (k != null && v != null && !v.isEmpty()) {
                first.put(k, String.join(", ", v));
            }
        });
        return new DemoRequest(path, rawQuery, params, first);
    }

    public Optional<String> param(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** An integer parameter, {@code fallback} when absent or not a number, clamped to {@code [min, max]}. */
    public int intParam(String name, int fallback, int min, int max) {
        int value;
        try {
            value = param(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            value = fallback;
        }
        return Math.max(min, Math.min(max, value));
    }
}
