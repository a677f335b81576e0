package dev.vigie.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.nlp.sentiment.CoreNlpSentiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readings file: written, read back, resumed after a cut line, and tied to the text it was read from. */
class CoreNlpReadingsTest {

    private final DataSets.Snippet snippet = new DataSets.Snippet("movie", "7", 1.5, "A fine, warm film.");
    private final CoreNlpSentiment.Reading reading = new CoreNlpSentiment.Reading(
            new double[] {0.05, 0.1, 0.15, 0.5, 0.2}, new double[] {0.1, 0.1, 0.5, 0.2, 0.1}, 0.4, 0.8, 1);

    @Test
    void readsBackWhatItWrote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("readings.tsv");
        Files.writeString(file, CoreNlpReadings.line(snippet, reading), StandardCharsets.UTF_8);
        Map<String, CoreNlpSentiment.Reading> map = CoreNlpReadings.load(file, List.of(snippet), 1);
        assertThat(map).containsOnlyKeys(CoreNlpReadings.key(snippet));
        assertThat(map.get(CoreNlpReadings.key(snippet))).isEqualTo(reading);
    }

    @Test
    void aSnippetWhoseTextChangedIsNotMatchedToTheOldReading() {
        DataSets.Snippet edited = new DataSets.Snippet("movie", "7", 1.5, "A fine, warm film!");
        assertThat(CoreNlpReadings.key(edited)).isNotEqualTo(CoreNlpReadings.key(snippet));
    }

    @Test
    void skipsALineCutByAnInterruptedRun(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("readings.tsv");
        String line = CoreNlpReadings.line(snippet, reading);
        Files.writeString(file, line + line.substring(0, 30), StandardCharsets.UTF_8);
        assertThat(CoreNlpReadings.read(file)).hasSize(1);
    }

    @Test
    void refusesAFileThatIsNotReadingsNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("readings.tsv");
        Files.writeString(file, "movie\t7\tabc\tone" + "\tx".repeat(12) + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CoreNlpReadings.read(file)).hasMessageContaining(file + ":1");
    }
}
