/**
 * {@code vigie serve}: one long-running process that runs each watch on its {@code schedule:}, on an embedded Flink
 * cluster kept between runs ({@link dev.vigie.jobs.run.EmbeddedCluster}), with a health endpoint, a log file per run
 * and a graceful stop. Every run goes through the same entry point as {@code vigie run}
 * ({@link dev.vigie.jobs.run.VigieRun#run}).
 */
package dev.vigie.jobs.serve;
