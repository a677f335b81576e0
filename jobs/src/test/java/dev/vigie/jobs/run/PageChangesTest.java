package dev.vigie.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.connectors.page.PageSnapshot;
import dev.vigie.connectors.page.PageSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored page snapshot knows the settings it was taken with, so that editing them is not reported as a change. */
class PageChangesTest {

    private static final String URL = "https://globex.example/pricing";
    private static final PageSnapshot SNAPSHOT = new PageSnapshot(
            URL,
            "main .pricing",
            Instant.parse("2026-11-23T08:00:00Z"),
            true,
            List.of("Premium: 29 euros a month"),
            "abc123");

    @Test
    void theSnapshotRoundTripsWithTheSettingsItWasTakenWith() {
        PageSpec spec = new PageSpec(URL, "main .pricing", ".timestamp", List.of("Only \\d+ left"));
        String stored = PageChanges.toJson(SNAPSHOT, spec);

        assertThat(PageChanges.fromJson(stored)).isEqualTo(SNAPSHOT);
        assertThat(PageChanges.changedSettings(stored, spec)).isEmpty();
    }

    @Test
    void namesEachSettingEditedInTheWatch() {
        String stored = PageChanges.toJson(SNAPSHOT, new PageSpec(URL, "main .pricing", ".timestamp", List.of()));

        assertThat(PageChanges.changedSettings(stored, new PageSpec(URL, "main .plans", ".timestamp", List.of())))
                .containsExactly("select");
        assertThat(PageChanges.changedSettings(stored, new PageSpec(URL, "main .pricing", null, List.of("x+"))))
                .containsExactly("ignore", "noise");
    }

    @Test
    void aSnapshotStoredBeforeSettingsWereRecordedIsJudgedByItsSection() {
        String legacy = "{\"url\":\"" + URL + "\",\"section\":\"body\",\"taken_at\":\"2026-11-23T08:00:00Z\","
                + "\"found\":true,\"lines\":[\"Premium: 29 euros a month\"],\"hash\":\"abc123\"}";

        assertThat(PageChanges.changedSettings(legacy, new PageSpec(URL, "body", ".x", List.of("y+"))))
                .isEmpty();
        assertThat(PageChanges.changedSettings(legacy, new PageSpec(URL)))
                .as("watched whole: its main content now")
                .containsExactly("select");
    }
}
