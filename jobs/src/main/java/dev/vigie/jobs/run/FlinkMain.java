package dev.vigie.jobs.run;

import dev.vigie.jobs.cli.Vigie;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Main class of the job jar on a Flink cluster: {@code flink run vigie-jobs-<version>-job.jar --watch acme.yaml}
 * builds the same graph as {@code vigie run} and submits it to the cluster the Flink client points at.
 *
 * <p>The arguments are those of {@code vigie run}; the command's name may lead them ({@code ... -job.jar run --watch
 * acme.yaml}, as the Kubernetes manifests and the compose file pass them). This method runs where the job's main
 * method runs: in the {@code flink run} client (or the JobManager in application mode). Planning, alert emails, the
 * state commit and the summary happen there; fetching, enrichment and indexing on the TaskManagers. It returns
 * normally when the run is done and exits with the {@code vigie run} exit code otherwise, so that {@code flink run}
 * fails with it.
 */
public final class FlinkMain {

    private FlinkMain() {}

    public static void main(String[] args) {
        int code = commandLine().execute(runArguments(args));
        if (code != 0) {
            System.exit(code);
        }
    }

    /** {@code vigie run} as it runs on a cluster, with the exit codes and error messages of {@code vigie}. */
    static CommandLine commandLine() {
        CommandLine run = Vigie.commandLine().getSubcommands().get("run");
        CommandLine cluster = new CommandLine(new RunCommand(RunOptions.Execution.CLUSTER));
        cluster.setExitCodeExceptionMapper(run.getExitCodeExceptionMapper());
        cluster.setExecutionExceptionHandler(run.getExecutionExceptionHandler());
        return cluster;
    }

    /** The arguments without the command's name, when they start with it. */
    static String[] runArguments(String[] args) {
        return args.length > 0 && args[0].equals("run") ? Arrays.copyOfRange(args, 1, args.length) : args;
    }
}
