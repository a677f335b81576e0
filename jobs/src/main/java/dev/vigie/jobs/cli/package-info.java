/**
 * The {@code vigie} command line (picocli). {@link dev.vigie.jobs.cli.Vigie} is the main class;
 * {@link dev.vigie.jobs.cli.VigieCommand} is the root command and lists one class per subcommand. A subcommand reads
 * its watches with the {@link dev.vigie.jobs.cli.WatchFilesOption} mixin and returns one of the exit codes of
 * {@link dev.vigie.jobs.cli.ExitCodes}.
 */
package dev.vigie.jobs.cli;
