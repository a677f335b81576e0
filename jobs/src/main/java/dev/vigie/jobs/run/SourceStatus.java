package dev.vigie.jobs.run;

/** What a source did in a run. */
public enum SourceStatus {
    /** Fetched, with something new. */
    NEW,
    /** Answered 304, or gave nothing newer than the last run. */
    UNCHANGED,
    /**
     * A competitor page read for the first time (or again after its {@code select}, {@code ignore} or {@code noise}
     * changed): its snapshot is stored, and changes are reported from the next run on. Nothing was compared, so it is
     * neither new nor unchanged.
     */
    BASELINE,
    /** Could not be fetched or read; the reason is in the report. Other sources are not affected. */
    FAILED;

    /** The value stored in {@code vigie-runs.status}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
