package dev.vigie.jobs.cli;

import dev.vigie.jobs.run.WatchBusyException;
import dev.vigie.jobs.watch.InvalidWatchException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Main class of the {@code vigie} command line: builds the picocli tree and maps failures to {@link ExitCodes}. */
public final class Vigie {
    private static final Logger LOG = LoggerFactory.getLogger(Vigie.class);

    private Vigie() {}

    public static void main(String[] args) {
        JulToSlf4j.install();
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line: an invalid watch exits with {@link ExitCodes#INVALID_WATCH} after printing every
     * error; any other failure prints one line (the stack trace goes to the log at DEBUG) and exits with
     * {@link ExitCodes#FAILED}; a watch another run is running exits with {@link ExitCodes#BUSY}. Tests call {@code commandLine().setOut(..).setErr(..).execute(..)}.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VigieCommand());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                ? ExitCodes.USAGE
                : e instanceof InvalidWatchException
                        ? ExitCodes.INVALID_WATCH
                        : e instanceof WatchBusyException ? ExitCodes.BUSY : ExitCodes.FAILED);
        cl.setExecutionExceptionHandler((e, command, parseResult) -> {
            PrintWriter err = command.getErr();
            if (e instanceof InvalidWatchException invalid) {
                err.println(invalid.getMessage());
                err.flush();
                return ExitCodes.INVALID_WATCH;
            }
            if (e instanceof WatchBusyException busy) {
                err.println("vigie " + command.getCommandName() + ": " + busy.getMessage());
                err.flush();
                return ExitCodes.BUSY;
            }
            LOG.debug("vigie {} failed", command.getCommandName(), e);
            err.println("vigie " + command.getCommandName() + ": " + describe(e));
            err.flush();
            return ExitCodes.FAILED;
        });
        return cl;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(
                String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause.getMessage() != null && !sb.toString().contains(cause.getMessage())) {
                sb.append(": ").append(cause.getMessage());
            }
        }
        return sb.toString();
    }
}
