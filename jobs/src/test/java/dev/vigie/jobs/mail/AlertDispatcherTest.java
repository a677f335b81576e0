package dev.vigie.jobs.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.watch.Frequency;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void runHitsAreAlwaysDue() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        assertThat(AlertDispatcher.isDue(Frequency.RUN, now, now, PARIS)).isTrue();
    }

    @Test
    void dailyHitsAreDueFromMidnightInTheWatchTimeZone() {
        Instant matched = Instant.parse("2026-11-24T10:00:00Z");
        assertThat(AlertDispatcher.isDue(Frequency.DAY, matched, Instant.parse("2026-11-24T22:59:00Z"), PARIS))
                .isFalse();
        // 23:00 UTC is midnight in Paris (UTC+1 in November)
        assertThat(AlertDispatcher.isDue(Frequency.DAY, matched, Instant.parse("2026-11-24T23:00:00Z"), PARIS))
                .isTrue();
        assertThat(AlertDispatcher.isDue(
                        Frequency.DAY, matched, Instant.parse("2026-11-24T23:00:00Z"), ZoneId.of("UTC")))
                .isFalse();
    }

    @Test
    void weeklyHitsAreDueFromMondayMidnight() {
        Instant tuesday = Instant.parse("2026-11-24T10:00:00Z");
        assertThat(AlertDispatcher.isDue(Frequency.WEEK, tuesday, Instant.parse("2026-11-29T22:00:00Z"), PARIS))
                .isFalse();
        assertThat(AlertDispatcher.isDue(Frequency.WEEK, tuesday, Instant.parse("2026-11-29T23:00:00Z"), PARIS))
                .isTrue();
    }
}
