package dev.vigie.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch files written to break the validator (deep or huge alert queries, an endless file, YAML aliases, a second
 * document, a brand name that would inject a mail header): each is refused with a located error and exit code 3,
 * never a stack trace.
 */
class HostileWatchFilesTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int validate(Path file) {
        return Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute("validate", "--watch", file.toString());
    }

    private void assertRefusedWithoutStackTrace(int code) {
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.INVALID_WATCH);
        assertThat(err.toString())
                .doesNotContain("Exception")
                .doesNotContain("Error:")
                .doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesAnAlertQueryNestedTwoThousandParenthesesDeep(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deep.yaml");
        String query = "(".repeat(2000) + "acme" + ")".repeat(2000);
        Files.writeString(file, "watch: acme\nbrand: Acme\nalerts:\n  - id: deep\n    query: '" + query + "'\n");

        assertRefusedWithoutStackTrace(validate(file));
        assertThat(err.toString()).contains(file + ":5: alerts[0].query: ").contains("nested");
    }

    @Test
    void refusesAQueryOfTenThousandTermsAtItsLineAndStillReportsTheFilesOtherErrors(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("wide.yaml");
        String query = IntStream.range(0, 10_000).mapToObj(i -> "term" + i).collect(Collectors.joining(" OR "));
        Files.writeString(
                file,
                "watch: acme\nbrand: Acme\nalerts:\n  - id: wide\n    query: '" + query + "'\n"
                        + "  - id: other\n    query: acme\n    every: hourly\n");

        assertRefusedWithoutStackTrace(validate(file));
        assertThat(err.toString())
                .contains("FAIL " + file + " (2 errors)")
                .contains(file + ":5: alerts[0].query: ")
                .contains("1024")
                .contains(file + ":8: alerts[1].every: expected one of run, day, week, got 'hourly'");
    }

    @Test
    @EnabledIf("devZeroExists")
    void refusesAnEndlessFileWithoutReadingItAll() {
        assertRefusedWithoutStackTrace(validate(Path.of("/dev/zero")));
        assertThat(err.toString()).contains("/dev/zero: ").contains("larger than");
    }

    static boolean devZeroExists() {
        return Files.isReadable(Path.of("/dev/zero"));
    }

    @Test
    void refusesAWatchThatIsFarTooLarge(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.yaml");
        Files.writeString(file, "watch: acme\nbrand: Acme\n# " + "x".repeat(2 * 1024 * 1024) + "\n");

        assertRefusedWithoutStackTrace(validate(file));
        assertThat(err.toString()).contains(file + ": ").contains("larger than 1 MiB");
    }

    @Test
    void refusesAYamlAliasAtItsLineInsteadOfReadingTheAnchorsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alias.yaml");
        Files.writeString(
                file, "watch: acme\ncompetitors:\n  - name: &n Globex\nbrand:\n  name: Acme\n" + "  aliases: [*n]\n");

        assertRefusedWithoutStackTrace(validate(file));
        assertThat(err.toString()).contains(file + ":6: brand.aliases[0]: ").contains("alias");
    }

    @Test
    void refusesABillionLaughsOfAliases(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("laughs.yaml");
        StringBuilder yaml =
                new StringBuilder("watch: acme\nbrand: Acme\nthemes:\n  - id: a\n    keywords: &a [lol]\n");
        for (int i = 1; i < 20; i++) {
            String list = String.join(", ", Collections.nCopies(9, "*a" + (i - 1)));
            yaml.append("  - id: a")
                    .append(i)
                    .append("\n    keywords: &a")
                    .append(i)
                    .append(" [")
                    .append(list)
                    .append("]\n");
        }
        Files.writeString(file, yaml.toString().replace("&a [lol]", "&a0 [lol]"));

        assertRefusedWithoutStackTrace(validate(file));
        assertThat(err.toString()).contains(file + ":7: themes[1].keywords[0]: ");
    }

    @Test
    void refusesASecondYamlDocumentAtItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two.yaml");
        Files.writeString(file, "watch: acme\nbrand: Acme\n---\nwatch: globex\nbrand: Globex\n");

        assertRefusedWithoutStackTrace(validate(file));
        assertThat(err.toString()).contains(file + ":4: ").contains("second YAML document");
    }

    @Test
    void refusesABrandNameWithALineBreak(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crlf.yaml");
        Files.writeString(
                file,
                "watch: acme\nbrand:\n  name: \"Acme\\r\\nBcc: all@example.com\"\n" + "  aliases: [\"Acme\\nCorp\"]\n");

        assertRefusedWithoutStackTrace(validate(file));
        assertThat(err.toString())
                .contains(file + ":3: brand.name: ")
                .contains("line break")
                .contains(file + ":4: brand.aliases[0]: ");
    }
}
