package dev.vigie.jobs.run;

import dev.vigie.jobs.cli.Vigie;
import picocli.CommandLine;

/**
 * Main class of the job jar on a Flink cluster: {@code flink run vigie-jobs-<version>-job.jar --watch acme.yaml}
 * builds the same graph as {@code vigie run} and submits it to the cluster the Flink client points at.
 */
public final class FlinkMain {

    private FlinkMain() {
    }

    public static void main(String[] args) {
        CommandLine run = Vigie.commandLine().getSubcommands().get("run");
        CommandLine cluster = new CommandLine(new RunCommand(RunOptions.Execution.CLUSTER));
        cluster.setExitCodeExceptionMapper(run.getExitCodeExceptionMapper());
        cluster.setExecutionExceptionHandler(run.getExecutionExceptionHandler());
        int code = cluster.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
