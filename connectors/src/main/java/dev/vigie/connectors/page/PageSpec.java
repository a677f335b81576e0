package dev.vigie.connectors.page;

import dev.vigie.connectors.http.FetchRequest;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * A competitor page to watch, as written in the watch file.
 *
 * @param url page URL
 * @param select CSS selector of the sections to compare, {@code null} for the page's main content
 * @param ignore CSS selector of parts to leave out (timestamps, counters, rotating blocks), or {@code null}
 * @param noise extra regular expressions of noise to blank out of every line, on top of {@link #DEFAULT_NOISE}
 */
public record PageSpec(String url, String select, String ignore, List<String> noise) implements Serializable {

    /**
     * Noise blanked out by default: clock times, ISO timestamps, relative times ("5 minutes ago", "il y a 3 h"),
     * view/comment/share counters, cache-busting tokens.
     */
    public static final List<String> DEFAULT_NOISE = List.of(
            "\\b\\d{1,2}:\\d{2}(:\\d{2})?\\s*([ap]\\.?m\\.?|[AP]M)?(\\s*(UTC|GMT|CET|CEST|EST|EDT|PST|PDT))?",
            "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?",
            "(?i)\\b\\d+\\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\\s+ago\\b",
            "(?i)\\bil y a\\s+\\d+\\s*(secondes?|minutes?|min|heures?|h|jours?|semaines?)\\b",
            "(?i)\\b\\d[\\d,.\\s]*\\s*(views?|vues|comments?|commentaires|likes?|shares?|partages|reads?|lectures"
                    + "|followers|abonnés|visitors|visiteurs)\\b",
            "(?i)\\b(updated|mis à jour|last modified|dernière mise à jour)\\b.*$");

    /** Parts of a page left out by default: never content, often changing. */
    public static final String DEFAULT_IGNORE = "script, style, noscript, template, svg, iframe, canvas, "
            + "[hidden], [aria-hidden=true], [class*=cookie], [id*=cookie], [class*=advert], [id*=advert]";

    public PageSpec {
        java.net.URI u = FetchRequest.parse(url);
        if (!u.isAbsolute() || u.getHost() == null) {
            throw new IllegalArgumentException("page url must be an absolute http(s) URL: '" + url + "'");
        }
        select = blankToNull(select);
        ignore = blankToNull(ignore);
        checkSelector("select", select);
        checkSelector("ignore", ignore);
        noise = noise == null ? List.of() : List.copyOf(noise);
        noise.forEach(PageSpec::checkNoise);
    }

    public PageSpec(String url) {
        this(url, null, null, List.of());
    }

    /** The section name recorded with changes: the selector, or "main". */
    public String section() {
        return select == null ? "main" : select;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Refuses what jsoup cannot read as a CSS selector, so that a watch file is refused before a run rather than its
     * page failing at every run.
     *
     * @param name what the selector is for ({@code select}, {@code ignore}), named in the message
     * @throws IllegalArgumentException naming the selector and what is wrong with it
     */
    public static void checkSelector(String name, String css) {
        if (css == null) {
            return;
        }
        try {
            QueryParser.parse(css);
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid CSS selector for " + name + ": '" + css + "': " + e.getMessage(), e);
        }
    }

    /**
     * Refuses what is not a Java regular expression, and one that matches the empty string: it would put blanks
     * between all characters ({@code \d*} is a typo for {@code \d+}).
     *
     * @throws IllegalArgumentException naming the pattern and what is wrong with it
     */
    public static void checkNoise(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("a noise pattern must not be empty");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid noise pattern '" + pattern + "': " + e.getDescription()
                            + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""),
                    e);
        }
        if (compiled.matcher("").matches()) {
            throw new IllegalArgumentException("noise pattern '" + pattern + "' matches the empty string (it would "
                    + "put blanks everywhere); use + rather than * (e.g. \\d+ for digits)");
        }
    }
}
