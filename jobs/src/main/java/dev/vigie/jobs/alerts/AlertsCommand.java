package dev.vigie.jobs.alerts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigie alerts test ...}, {@code vigie alerts retry ...}: tools for alert rules. */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description =
                "Alert rule tools: 'vigie alerts test' tries a rule on the mentions already indexed; 'vigie alerts retry'"
                        + " makes the hits a channel refused for good pending again.",
        subcommands = {AlertsTestCommand.class, AlertsRetryCommand.class})
public final class AlertsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing subcommand: vigie alerts test --watch FILE --query '...', or vigie alerts retry --watch FILE");
    }
}
