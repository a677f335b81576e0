package dev.vigie.jobs.run;

/**
 * Another run holds the lease of a watch of this run: nothing ran, nothing was committed. {@code vigie run} exits
 * with {@link dev.vigie.jobs.cli.ExitCodes#BUSY} (4); a scheduler can simply try again at its next tick, or start the
 * run with {@code --wait} to queue behind the running one.
 */
public final class WatchBusyException extends RunFailedException {

    private final transient WatchLeases.Holder holder;

    public WatchBusyException(String message, WatchLeases.Holder holder) {
        super(message, null);
        this.holder = holder;
    }

    /** The run holding the lease. */
    public WatchLeases.Holder holder() {
        return holder;
    }
}
