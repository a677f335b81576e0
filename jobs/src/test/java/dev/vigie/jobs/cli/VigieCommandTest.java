package dev.vigie.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VigieCommandTest {
    private static final Path EXAMPLE = Path.of("..", "deploy", "watches", "example.yaml");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vigie(String... args) {
        return Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void validatePrintsOkForTheExampleAndExitsZero() {
        assertThat(vigie("validate", "--watch", EXAMPLE.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .startsWith("OK   " + EXAMPLE + ": watch 'acme' (Acme): 2 competitors, 2 pages, "
                        + "5 sources, 2 alerts, 2 themes");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validatePrintsEveryErrorOfEachRefusedFileAndExitsThree(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad,
                "watch: Bad\nbrand: { name: Acme }\nalerts:\n  - { id: a, query: x, every: hourly }\n"
                        + "competitors:\n  - name: Globex\n    pages:\n      - { url: \"https://globex.example/\", noise: ['[0-9'] }\n");
        int code = vigie("validate", "-w", EXAMPLE.toString(), "-w", bad.toString());
        assertThat(code).isEqualTo(ExitCodes.INVALID_WATCH);
        assertThat(out.toString()).startsWith("OK   " + EXAMPLE);
        assertThat(err.toString())
                .isEqualTo("FAIL " + bad + " (3 errors)\n"
                        + "  " + bad
                        + ":1: watch: expected an id of lower-case letters, digits and '-' ([a-z0-9-]+), got 'Bad'\n"
                        + "  " + bad + ":4: alerts[0].every: expected one of run, day, week, got 'hourly'\n"
                        + "  " + bad
                        + ":8: competitors[0].pages[0].noise[0]: expected a regular expression (Java syntax, in "
                        + "'single quotes' so that \\d stays as written): invalid noise pattern '[0-9': Unclosed character "
                        + "class at index 3\n");
    }

    @Test
    void badUsageExitsTwoWithTheCommandsUsage() {
        assertThat(vigie("validate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("Missing required option: '--watch=FILE'")
                .contains("Usage: vigie validate");
        assertThat(vigie("frobnicate")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertThat(vigie("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("validate")
                .contains("  3  a watch file was refused")
                .contains("  4  a run of the watch is already under way");
    }

    @Test
    void versionNamesTheProjectVersion() {
        assertThat(vigie("--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).matches("(?s)vigie \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n.*");
    }
}
