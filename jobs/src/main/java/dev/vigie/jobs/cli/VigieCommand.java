package dev.vigie.jobs.cli;

import dev.vigie.jobs.alerts.AlertsCommand;
import dev.vigie.jobs.demo.DemoCommand;
import dev.vigie.jobs.report.ReportCommand;
import dev.vigie.jobs.run.RunCommand;
import dev.vigie.jobs.serve.ServeCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root {@code vigie} command. Each subcommand is one class listed in {@code subcommands}; a new command is added
 * by writing its class (in its own package) and listing it here.
 */
@Command(
        name = "vigie",
        mixinStandardHelpOptions = true,
        versionProvider = VigieCommand.Version.class,
        description = "Social listening and competitor watch on Apache Flink and Elasticsearch.",
        subcommands = {
            ValidateCommand.class,
            RunCommand.class,
            ServeCommand.class,
            TemplatesCommand.class,
            ReportCommand.class,
            AlertsCommand.class,
            TrainCommand.class,
            DemoCommand.class,
            ElasticsearchCommand.class,
            CommandLine.HelpCommand.class,
        },
        footer = {
            "",
            "Exit codes:",
            "  0  success (a run where some sources failed still succeeds)",
            "  1  the command failed (Elasticsearch unreachable, job failed): retrying may help",
            "  2  bad usage (unknown option, missing argument)",
            "  3  a watch file was refused: fix it (nothing ran)",
            "  4  a run of the watch is already under way (its lease is held): 'vigie run --wait' queues",
            "",
            "Run 'vigie COMMAND --help' for a command's options."
        })
public final class VigieCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Without a subcommand, show the help rather than do something surprising. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version the build wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = VigieCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {
                "vigie " + p.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
            };
        }
    }
}
