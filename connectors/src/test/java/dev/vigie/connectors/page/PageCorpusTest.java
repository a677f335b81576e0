package dev.vigie.connectors.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.connectors.testing.CorpusData;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The before/after page pairs of {@code html-pages/}: a change for the real content change, none for encoding damage
 * alone, none for versions that differ only by line endings.
 */
class PageCorpusTest {
    private final PageWatcher watcher = new PageWatcher();

    private Optional<PageChange> compare(Path before, Path after, PageSpec spec) throws Exception {
        PageSnapshot a = watcher.snapshot(
                spec, Files.readAllBytes(before), null, URI.create(spec.url()), Instant.parse("2017-09-28T00:00:00Z"));
        PageSnapshot b = watcher.snapshot(
                spec, Files.readAllBytes(after), null, URI.create(spec.url()), Instant.parse("2017-09-30T00:00:00Z"));
        assertThat(a.lines()).as("text extracted from " + before.getFileName()).isNotEmpty();
        return watcher.compare(a, b);
    }

    @Test
    void energyGovNewsUpdateIsAChangeOfKindNews() throws Exception {
        Path dir = CorpusData.folder("html-pages/edgi-change-pairs");

        Optional<PageChange> change = compare(
                dir.resolve("energy-gov-home_v1_9d4de183.html"),
                dir.resolve("energy-gov-home_v2_775a8b04.html"),
                new PageSpec("https://energy.gov/"));

        assertThat(change).isPresent();
        PageChange c = change.get();
        System.out.println("energy.gov: kind " + c.kind() + ", magnitude " + c.magnitude() + "\n" + c.diff());
        assertThat(c.kind()).isEqualTo(ChangeKind.NEWS);
        assertThat(String.join("\n", c.added())).contains("September 29, 2017");
        assertThat(c.diff()).startsWith("--- https://energy.gov/ (before)");
        assertThat(c.magnitude()).isGreaterThan(0).isLessThan(0.5);
    }

    @Test
    void femaPageWithOnlyEncodingDamageIsNoChange() throws Exception {
        Path dir = CorpusData.folder("html-pages/edgi-change-pairs");
        Path v1 = dir.resolve("fema-hurricane-maria_v1_f2d5d701.html");
        // the damage of the recorded v2, applied alone to v1: UTF-8 bytes read as Latin-1 and saved again as UTF-8
        byte[] damaged =
                new String(Files.readAllBytes(v1), StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
        Path damagedFile = Files.createTempFile("fema-mojibake", ".html");
        try {
            Files.write(damagedFile, damaged);
            assertThat(new String(damaged, StandardCharsets.UTF_8)).contains("EspaÃ±ol");

            Optional<PageChange> change =
                    compare(v1, damagedFile, new PageSpec("https://www.fema.gov/hurricane-maria"));

            assertThat(change).as(change.map(PageChange::diff).orElse("")).isEmpty();
        } finally {
            Files.delete(damagedFile);
        }
    }

    /**
     * The recorded v2 is more than encoding damage: its "Federal Response Updates" were updated from October 3 to
     * October 5. Vigie reports that update, and nothing of the encoding damage around it.
     */
    @Test
    void femaRecordedVersionTwoShowsItsContentUpdateButNoEncodingDamage() throws Exception {
        Path dir = CorpusData.folder("html-pages/edgi-change-pairs");

        Optional<PageChange> change = compare(
                dir.resolve("fema-hurricane-maria_v1_f2d5d701.html"),
                dir.resolve("fema-hurricane-maria_v2_fc74d750_mojibake.html"),
                new PageSpec("https://www.fema.gov/hurricane-maria"));

        assertThat(change).isPresent();
        assertThat(change.get().added()).contains("All figures as of October 5, 2017, 10 am EDT");
        assertThat(change.get().removed()).contains("All figures as of October 3, 2017, 10 am EDT");
        assertThat(change.get().added()).noneMatch(l -> l.contains("Ã") || l.contains("â€") || l.contains("Â"));
        assertThat(change.get().added()).noneMatch(l -> l.contains("Español"));
    }

    @Test
    void pagesDifferingOnlyByLineEndingsAreNoChange() throws Exception {
        Path dir = CorpusData.folder("html-pages/jsoup-realworld-2010");

        assertThat(compare(
                        dir.resolve("nyt-article-1_v1_blob5d24c02.html"),
                        dir.resolve("nyt-article-1.html"),
                        new PageSpec("https://www.nytimes.com/article")))
                .isEmpty();
        assertThat(compare(
                        dir.resolve("baidu-cn-home_v1_blobd8e197c.html"),
                        dir.resolve("baidu-cn-home.html"),
                        new PageSpec("https://www.baidu.com/")))
                .isEmpty();
    }
}
