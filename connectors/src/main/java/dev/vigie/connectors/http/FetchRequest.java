package dev.vigie.connectors.http;

import java.io.Serializable;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One resource to fetch.
 *
 * @param url absolute http(s) URL
 * @param purpose what it is for (Accept header, robots.txt)
 * @param validators validators stored from the previous run, {@link Validators#NONE} the first time
 * @param headers extra request headers (API tokens); copied
 */
public record FetchRequest(URI url, Purpose purpose, Validators validators, Map<String, String> headers)
        implements Serializable {

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute()
                || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        Objects.requireNonNull(purpose, "purpose");
        validators = validators == null ? Validators.NONE : validators;
        headers = headers == null ? Map.of() : Map.copyOf(new TreeMap<>(headers));
    }

    /** An unconditional fetch with no extra headers. */
    public static FetchRequest of(String url, Purpose purpose) {
        return new FetchRequest(parse(url), purpose, Validators.NONE, Map.of());
    }

    /** A conditional fetch using validators stored from the previous run. */
    public static FetchRequest conditional(String url, Purpose purpose, Validators validators) {
        return new FetchRequest(parse(url), purpose, validators, Map.of());
    }

    /** Parses a URL, refusing what is not a valid absolute http(s) URL with the value in the message. */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("URL must not be blank: '" + url + "'");
        }
        try {
            return new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL '" + url + "': " + e.getMessage(), e);
        }
    }
}
