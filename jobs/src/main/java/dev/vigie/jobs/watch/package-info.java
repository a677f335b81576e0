/**
 * The watch file: one YAML file per brand or client, parsed once at the edge into immutable records.
 *
 * <p>{@link dev.vigie.jobs.watch.WatchLoader} reads a file, replaces {@code ${NAME}} with environment variables and
 * refuses a bad file before anything runs, with every error it found (file, line, field path, what was expected).
 * Everything downstream (the run job, the alert emails, the weekly report) reads the {@link dev.vigie.jobs.watch.Watch}
 * record and never a string-keyed map. Secrets ({@link dev.vigie.jobs.watch.Secret}) never print.
 *
 * <pre>{@code
 * Watch watch = WatchLoader.fromEnvironment().load(Path.of("acme.yaml"));   // throws InvalidWatchException
 * for (AlertRuleSpec rule : watch.alerts()) { ... }
 * }</pre>
 */
package dev.vigie.jobs.watch;
