package dev.vigie.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() throws IOException {
        Path file = write("id,title,text\r\n"
                + "1,\"Hello, world\",\"She said \"\"no\"\"\"\r\n"
                + "2,plain,\"two\nlines\"\r\n"
                + "3,,é à\n");

        assertThat(CsvFile.rows(file))
                .containsExactly(
                        List.of("id", "title", "text"),
                        List.of("1", "Hello, world", "She said \"no\""),
                        List.of("2", "plain", "two\nlines"),
                        List.of("3", "", "é à"));
    }

    @Test
    void recordsAreKeyedByTheHeaderAndMissingFieldsAreEmpty() throws IOException {
        Path file = write("path,category,expect\na.xml,encoding\nb.xml,date,\"x == 'y'\",extra\n");

        List<Map<String, String>> records = CsvFile.records(file);

        assertThat(records)
                .containsExactly(
                        Map.of("path", "a.xml", "category", "encoding", "expect", ""),
                        Map.of("path", "b.xml", "category", "date", "expect", "x == 'y'"));
        assertThat(records.get(0).keySet()).containsExactly("path", "category", "expect");
    }

    @Test
    void anUnclosedQuoteFailsNamingTheFile() throws IOException {
        Path file = write("a,b\n1,\"never closed\n");

        assertThatThrownBy(() -> CsvFile.rows(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aFileWithoutHeaderHasNoRecords() throws IOException {
        Path file = write("");

        assertThat(CsvFile.rows(file)).isEmpty();
        assertThatThrownBy(() -> CsvFile.records(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("header");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
