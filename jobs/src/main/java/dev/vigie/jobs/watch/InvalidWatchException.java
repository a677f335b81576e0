package dev.vigie.jobs.watch;

import java.util.List;
import java.util.stream.Collectors;

/** A watch file was refused; {@link #errors()} holds everything found wrong in it, in file order. */
public final class InvalidWatchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<WatchError> errors;

    /** @param errors at least one */
    public InvalidWatchException(List<WatchError> errors) {
        super(format(errors));
        this.errors = List.copyOf(errors);
    }

    public List<WatchError> errors() {
        return errors;
    }

    private static String format(List<WatchError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid watch needs at least one error");
        }
        long files = errors.stream().map(WatchError::file).distinct().count();
        String count = errors.size() + (errors.size() == 1 ? " error" : " errors");
        String head = files == 1
                ? errors.get(0).file() + " is not a valid watch (" + count + "):"
                : count + " in " + files + " watch files:";
        return head + errors.stream().map(e -> "\n  " + e).collect(Collectors.joining());
    }
}
