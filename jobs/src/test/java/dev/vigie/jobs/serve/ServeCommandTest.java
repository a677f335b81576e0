package dev.vigie.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.Vigie;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie serve} refuses what it cannot schedule before starting anything. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vigie(String... args) {
        return Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void aWatchWithoutScheduleIsRefusedNamingItsFile() throws Exception {
        Path scheduled = Files.writeString(dir.resolve("acme.yaml"), """
                watch: acme
                brand: { name: Acme }
                schedule: every 30m
                """);
        Path plain = Files.writeString(dir.resolve("globex.yaml"), """
                watch: globex
                brand: { name: Globex }
                """);

        assertThat(vigie("serve", "-w", scheduled.toString(), "-w", plain.toString(), "--status-port", "0"))
                .isEqualTo(ExitCodes.INVALID_WATCH);
        assertThat(err.toString())
                .contains(plain.toString())
                .contains("schedule")
                .contains("every 30m")
                .doesNotContain(scheduled.toString());
    }

    @Test
    void aBadScheduleIsAWatchFileError() throws Exception {
        Path bad = Files.writeString(dir.resolve("acme.yaml"), """
                watch: acme
                brand: { name: Acme }
                schedule: "0 7 * * 1-5"
                """);

        assertThat(vigie("serve", "-w", bad.toString())).isEqualTo(ExitCodes.INVALID_WATCH);
        assertThat(err.toString()).contains("acme.yaml:3").contains("by name");
    }
}
