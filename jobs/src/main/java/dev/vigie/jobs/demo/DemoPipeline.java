package dev.vigie.jobs.demo;

import dev.vigie.jobs.watch.Watch;
import java.io.PrintStream;
import java.net.URI;

/**
 * One run of the pipeline on the demo watch. {@link DemoCommand} calls it once per {@link DemoPhase}; in the
 * product it is the run job (the same entry point as {@code vigie run}), so the demo shows exactly what a user's
 * runs do.
 */
@FunctionalInterface
public interface DemoPipeline {

    /**
     * Runs {@code watch} once and prints its summary.
     *
     * @param watch         the demo watch, pointing at the demo server
     * @param elasticsearch the node to index into
     * @param apis          base URL of the Bluesky, Reddit and Hacker News APIs (the demo server)
     * @param out           where the progress line and the summary go
     * @throws Exception when the run itself failed (one failing source is not a failed run)
     */
    void run(Watch watch, URI elasticsearch, URI apis, PrintStream out) throws Exception;
}
