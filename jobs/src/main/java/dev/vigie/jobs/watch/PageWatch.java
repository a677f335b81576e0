package dev.vigie.jobs.watch;

import dev.vigie.connectors.page.PageSpec;
import java.io.Serializable;
import java.net.URI;
import java.util.List;

/**
 * A competitor page followed for changes.
 *
 * @param url    the page, http(s)
 * @param select CSS selector of the part that matters; empty for the page's main content (its {@code main} or
 *               {@code article}, else the body without navigation, header, footer and forms)
 * @param ignore CSS selector of parts that change without meaning (dates, counters, carousels); empty when none
 * @param noise  regular expressions of text that changes without meaning (a visitor counter, a build number), blanked
 *               out of every line before comparing, on top of the {@link PageSpec#DEFAULT_NOISE clock times, "5
 *               minutes ago" and view counters} always left out
 */
public record PageWatch(URI url, String select, String ignore, List<String> noise) implements Serializable {

    public PageWatch {
        Checks.requireHttp("page url", url);
        select = select == null ? "" : select.trim();
        ignore = ignore == null ? "" : ignore.trim();
        PageSpec.checkSelector("select", select.isEmpty() ? null : select);
        PageSpec.checkSelector("ignore", ignore.isEmpty() ? null : ignore);
        noise = List.copyOf(noise);
        noise.forEach(PageSpec::checkNoise);
    }

    /** A page watched as a whole (its main content), nothing ignored beyond the defaults. */
    public PageWatch(URI url) {
        this(url, null, null, List.of());
    }

    public boolean hasSelect() {
        return !select.isEmpty();
    }

    public boolean hasIgnore() {
        return !ignore.isEmpty();
    }
}
