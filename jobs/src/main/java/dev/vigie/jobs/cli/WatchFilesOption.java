package dev.vigie.jobs.cli;

import dev.vigie.jobs.watch.InvalidWatchException;
import dev.vigie.jobs.watch.Watch;
import dev.vigie.jobs.watch.WatchError;
import dev.vigie.jobs.watch.WatchLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --watch FILE} option shared by the commands that read watches ({@code @Mixin WatchFilesOption watches}).
 * All files are read before anything runs; if any is refused, {@link #load()} throws with the errors of every file,
 * which the root command prints and turns into {@link ExitCodes#INVALID_WATCH}.
 */
public final class WatchFilesOption {
    @Option(
            names = {"-w", "--watch"},
            paramLabel = "FILE",
            required = true,
            description = "Watch file (YAML); repeat the option for several watches.")
    List<Path> files = new ArrayList<>();

    public List<Path> files() {
        return List.copyOf(files);
    }

    /** Every watch, in the order given, from the process environment. */
    public List<Watch> load() throws InvalidWatchException {
        return load(WatchLoader.fromEnvironment());
    }

    /**
     * Every watch, in the order given.
     *
     * @throws InvalidWatchException with the errors of all refused files, or when two files share a watch id
     */
    public List<Watch> load(WatchLoader loader) throws InvalidWatchException {
        List<Watch> watches = new ArrayList<>();
        List<WatchError> errors = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path file : files) {
            try {
                Watch watch = loader.load(file);
                Path other = ids.putIfAbsent(watch.id(), file);
                if (other != null) {
                    errors.add(new WatchError(
                            file.toString(), 1, "watch", "watch id '" + watch.id() + "' is already used by " + other));
                }
                watches.add(watch);
            } catch (InvalidWatchException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidWatchException(errors);
        }
        return List.copyOf(watches);
    }
}
