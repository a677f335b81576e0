package dev.vigie.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The third-party data folder beside the project ({@value #DIR_PROPERTY}, default {@value #DEFAULT_DIR}), for every
 * test that reads it.
 *
 * <p>A user's clone has no such folder, so a test that needs it is skipped with a message saying what is missing.
 * CI has it, and there a skip would hide a broken path or a renamed folder behind a green build: with
 * {@code -D}{@value #REQUIRED_PROPERTY}{@code =true} (set by {@code .ci/run}) a missing folder fails the test
 * instead.
 *
 * <pre>{@code
 * Path deft = SharedData.folder("sentiment-fr");      // skipped, or failed under CI, when absent
 * }</pre>
 */
public final class SharedData {

    /** System property naming the data folder. */
    public static final String DIR_PROPERTY = "vigie.data.dir";
    /** The data folder when {@value #DIR_PROPERTY} is not set, relative to the module's folder. */
    public static final String DEFAULT_DIR = "../shared/data";
    /** System property that turns a skip for missing data into a failure. */
    public static final String REQUIRED_PROPERTY = "vigie.data.required";

    private SharedData() {}

    /** The data folder, after checking that each of {@code folders} is in it; else the test is skipped or fails. */
    public static Path root(String... folders) {
        Path root = Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR));
        check(root, Boolean.getBoolean(REQUIRED_PROPERTY), folders);
        return root;
    }

    /** The folder {@code name} of the data folder; the test is skipped or fails when it is absent. */
    public static Path folder(String name) {
        return root(name).resolve(name);
    }

    /**
     * Checks that {@code root} holds each of {@code folders} (or is a folder, when none is named). When one is
     * missing, aborts the test (a skip) or, when {@code required}, fails it.
     */
    static void check(Path root, boolean required, String... folders) {
        Path missing = Files.isDirectory(root) ? null : root;
        for (String folder : folders) {
            if (missing == null && !Files.isDirectory(root.resolve(folder))) {
                missing = root.resolve(folder);
            }
        }
        if (missing == null) {
            return;
        }
        String where = missing.toAbsolutePath().normalize().toString();
        if (required) {
            Assertions.fail("shared data folder " + where + " is absent, and -D" + REQUIRED_PROPERTY
                    + "=true says it must be there (CI): fix -D" + DIR_PROPERTY + " or the folder's name");
        }
        Assumptions.abort("shared data folder " + where + " is absent (set -D" + DIR_PROPERTY + "): test skipped");
    }
}
