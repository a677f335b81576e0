package dev.vigie.jobs.demo;

/**
 * Which state of the world the demo server shows. The demo runs the pipeline once per phase, in order.
 */
public enum DemoPhase {
    /** The first run: a few weeks of history. */
    FIRST(1),
    /**
     * The second run: a few new items on some feeds and mention APIs, changed competitor pages; everything else is
     * unchanged, so conditional requests get 304 and cursors return nothing older.
     */
    SECOND(2);

    private final int number;

    DemoPhase(int number) {
        this.number = number;
    }

    /** 1 or 2, as written in the templates' {@code <!--phase:N-->} blocks. */
    public int number() {
        return number;
    }
}
