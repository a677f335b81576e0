package dev.vigie.jobs.run;

/** What a source did in a run. */
public enum SourceStatus {
    /** Fetched, with something new. */
    NEW,
    /** Answered 304, or gave nothing newer than the last run. */
    UNCHANGED,
    /** Could not be fetched or read; the reason is in the report. Other sources are not affected. */
    FAILED;

    /** The value stored in {@code vigie-runs.status}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
