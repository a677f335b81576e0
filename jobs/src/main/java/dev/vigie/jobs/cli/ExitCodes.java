package dev.vigie.jobs.cli;

/**
 * The exit codes of every {@code vigie} command, so that a scheduler can tell a bad configuration (fix the file)
 * from a failed run (retry later).
 */
public final class ExitCodes {
    /** The command did what it was asked (a run where one source failed still succeeded). */
    public static final int OK = 0;
    /** The command failed: Elasticsearch unreachable, the job failed, an I/O error. Retrying may help. */
    public static final int FAILED = 1;
    /** Bad command-line usage: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** A watch file was refused; nothing ran. Fix the file. */
    public static final int INVALID_WATCH = 3;
    /**
     * Another run of the same watch is going on (it holds the watch's lease in {@code vigie-leases}); nothing ran.
     * Try again later, or queue with {@code vigie run --wait}.
     */
    public static final int BUSY = 4;

    private ExitCodes() {}
}
