package dev.vigie.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every damaged variant of the example watch (a line dropped, a value replaced by a list, a mapping, an empty value,
 * a number, an unset variable) is either loaded or refused with located errors: the loader never fails with another
 * exception, whatever the user wrote.
 */
class WatchLoaderRobustnessTest {
    private static final List<String> REPLACEMENTS =
            List.of("[x, 1]", "{ a: b }", "", "42", "\"${UNSET_VARIABLE}\"", "\"\"", "~", "[]");

    @Test
    void everyDamagedVariantOfTheExampleIsLoadedOrRefusedWithLocatedErrors() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "deploy", "watches", "example.yaml"));
        WatchLoader loader = new WatchLoader(Map.of());
        int refused = 0;
        int variants = 0;
        for (int i = 0; i < lines.size(); i++) {
            List<String> variantsOfLine = new ArrayList<>();
            variantsOfLine.add(null); // the line dropped
            String line = lines.get(i);
            int colon = line.indexOf(": ");
            if (!line.trim().startsWith("#") && colon > 0) {
                for (String r : REPLACEMENTS) {
                    variantsOfLine.add(line.substring(0, colon + 2) + r);
                }
            }
            for (String replacement : variantsOfLine) {
                List<String> copy = new ArrayList<>(lines);
                if (replacement == null) {
                    copy.remove(i);
                } else {
                    copy.set(i, replacement);
                }
                variants++;
                try {
                    loader.parse("example.yaml", String.join("\n", copy));
                } catch (InvalidWatchException e) {
                    refused++;
                    assertThat(e.errors()).isNotEmpty();
                    assertThat(e.errors())
                            .allSatisfy(err -> assertThat(err.message()).isNotBlank());
                } catch (RuntimeException e) {
                    fail("line " + (i + 1) + " as '" + replacement + "' broke the loader", e);
                }
            }
        }
        assertThat(variants).isGreaterThan(300);
        assertThat(refused).as("most damage is refused").isGreaterThan(variants / 3);
    }
}
