package dev.vigie.jobs.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for emails people read: {@code src/test/resources/dev/vigie/jobs/mail/golden/NAME}. Run the test with
 * {@code -Dvigie.golden.update=true} to rewrite them after an intended change, then review the diff.
 */
final class Golden {
    static final Path DIR = Path.of("src", "test", "resources", "dev", "vigie", "jobs", "mail", "golden");

    private Golden() {}

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("vigie.golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file)
                .as("golden file %s (rerun with -Dvigie.golden.update=true to create it)", file)
                .exists();
        assertThat(actual)
                .as("rendered %s differs from its golden file", name)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
