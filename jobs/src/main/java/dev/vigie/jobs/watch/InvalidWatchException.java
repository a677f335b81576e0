package dev.vigie.jobs.watch;

import java.util.List;
import java.util.stream.Collectors;

/** A watch file was refused; {@link #errors()} holds everything found wrong in it, in file order. */
public final class InvalidWatchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<WatchError> errors;

    public InvalidWatchException(List<WatchError> errors) {
        super(format(errors));
        this.errors = List.copyOf(errors);
    }

    public List<WatchError> errors() {
        return errors;
    }

    private static String format(List<WatchError> errors) {
        String file = errors.isEmpty() ? "watch" : errors.get(0).file();
        return file + " is not a valid watch (" + errors.size() + (errors.size() == 1 ? " error" : " errors") + "):"
                + errors.stream().map(e -> "\n  " + e).collect(Collectors.joining());
    }
}
