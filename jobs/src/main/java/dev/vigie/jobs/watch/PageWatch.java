package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.net.URI;

/**
 * A competitor page followed for changes.
 *
 * @param url    the page, http(s)
 * @param select CSS selector of the part that matters ({@link #DEFAULT_SELECT} when not given)
 * @param ignore CSS selector of parts that change without meaning (dates, counters); empty when none
 */
public record PageWatch(URI url, String select, String ignore) implements Serializable {
    /** The whole body when a page entry names no selector. */
    public static final String DEFAULT_SELECT = "body";

    public PageWatch {
        Checks.requireHttp("page url", url);
        select = select == null || select.isBlank() ? DEFAULT_SELECT : select.trim();
        ignore = ignore == null ? "" : ignore.trim();
    }

    public boolean hasIgnore() {
        return !ignore.isEmpty();
    }
}
