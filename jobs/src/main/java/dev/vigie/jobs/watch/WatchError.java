package dev.vigie.jobs.watch;

import java.util.Objects;

/**
 * One thing wrong in a watch file.
 *
 * @param file    the file as the user named it
 * @param line    1-based line, 0 when the error concerns the whole file
 * @param path    the field, e.g. {@code alerts[0].every}; empty for the whole file
 * @param message what was expected (and what was found, unless it is a secret)
 */
public record WatchError(String file, int line, String path, String message) {
    public WatchError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code acme.yaml:12: alerts[0].every: expected one of run, day, week, got 'hourly'}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
