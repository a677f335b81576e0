package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

/** The job jar's main class parses what {@code flink run JAR ...} passes it, with vigie's exit codes. */
class FlinkMainTest {

    private final StringWriter err = new StringWriter();

    private int flinkMain(String... args) {
        return FlinkMain.commandLine().setErr(new PrintWriter(err)).execute(FlinkMain.runArguments(args));
    }

    @Test
    void takesTheOptionsOfVigieRunWithOrWithoutTheCommandsName() {
        for (String[] args : new String[][] {
            {"--watch", "acme.yaml", "--es", "http://es:9200"},
            {"run", "--watch", "acme.yaml", "--es", "http://es:9200"}
        }) {
            ParseResult parsed = FlinkMain.commandLine().parseArgs(FlinkMain.runArguments(args));
            assertThat(parsed.matchedOptionValue("--es", (URI) null)).isEqualTo(URI.create("http://es:9200"));
            assertThat(parsed.hasMatchedOption("--watch")).isTrue();
            assertThat(parsed.unmatched()).isEmpty();
        }
    }

    @Test
    void refusesAnotherCommandWithTheUsageExitCodeNamingIt() {
        assertThat(flinkMain("report", "--watch", "acme.yaml")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("Unmatched argument")
                .contains("'report'")
                .contains("Usage: run");
    }

    @Test
    void exitsThreeWithTheErrorsOfARefusedWatchFileBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path watch = dir.resolve("bad.yaml");
        Files.writeString(watch, "watch: Not An Id\n");

        assertThat(flinkMain("--watch", watch.toString(), "--es", "http://127.0.0.1:1"))
                .isEqualTo(ExitCodes.INVALID_WATCH);
        assertThat(err.toString()).contains("bad.yaml").contains("watch:");
    }
}
