package dev.vigie.jobs.cli;

import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.Sources;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchError;
import dev.vigie.jobs.watch.WatchLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie validate --watch FILE...}: checks watch files without running anything. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check watch files: prints OK per valid file, or every error with its line and field.",
        footer = {"", "Exit codes: 0 all files valid, 2 bad usage, 3 at least one file refused."})
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"-w", "--watch"},
            paramLabel = "FILE",
            required = true,
            description = "Watch file (YAML); repeat the option for several files.")
    List<Path> files;

    private final Map<String, String> env;

    public ValidateCommand() {
        this(System.getenv());
    }

    /** For tests: {@code ${NAME}} resolved from {@code env}. */
    ValidateCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WatchLoader loader = new WatchLoader(env);
        int refused = 0;
        for (Path file : files) {
            try {
                Watch w = loader.load(file);
                out.println("OK   " + file + ": " + describe(w));
            } catch (InvalidWatchException e) {
                refused++;
                err.println(
                        "FAIL " + file + " (" + e.errors().size() + (e.errors().size() == 1 ? " error)" : " errors)"));
                for (WatchError error : e.errors()) {
                    err.println("  " + error);
                }
            }
        }
        out.flush();
        err.flush();
        return refused == 0 ? ExitCodes.OK : ExitCodes.INVALID_WATCH;
    }

    private static String describe(Watch w) {
        Sources s = w.sources();
        int sources = s.feeds().size()
                + s.mastodon().size()
                + s.bluesky().size()
                + s.reddit().size()
                + s.hackernews().size();
        int pages = w.competitors().stream().mapToInt(c -> c.pages().size()).sum();
        return "watch '" + w.id() + "' (" + w.brand().name() + "): "
                + w.competitors().size() + " competitors, "
                + pages + " pages, " + sources + " sources, " + w.alerts().size() + " alerts, "
                + w.themes().size()
                + " themes, emails "
                + w.mail()
                        .smtpServer()
                        .map(u -> "via " + u)
                        .orElse("to the outbox folder "
                                + w.mail().outboxPath().toAbsolutePath().normalize());
    }
}
