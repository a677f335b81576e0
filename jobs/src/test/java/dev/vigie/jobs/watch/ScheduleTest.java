package dev.vigie.jobs.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The {@code schedule:} of a watch: intervals and five-field cron expressions, and when they run next. */
class ScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void anIntervalRunsAtOnceThenCountsFromTheLastStart() {
        Schedule every = Schedule.parse("every 30m");
        assertThat(every.every()).isEqualTo(Duration.ofMinutes(30));
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(every.next(null, now, PARIS)).isEqualTo(now);
        assertThat(every.next(now, now.plusSeconds(40), PARIS)).isEqualTo(Instant.parse("2026-12-03T10:30:00Z"));
        // a run that outlasted its interval: the next one starts at once, missed ones are not made up
        assertThat(every.next(now, now.plus(Duration.ofMinutes(75)), PARIS))
                .isEqualTo(now.plus(Duration.ofMinutes(75)));
        assertThat(Schedule.parse("every 2h").every()).isEqualTo(Duration.ofHours(2));
        assertThat(Schedule.parse("Every 10 s").every()).isEqualTo(Duration.ofSeconds(10));
        assertThat(Schedule.parse("every 1d").every()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aCronExpressionRunsAtItsNextTimeInTheWatchTimeZone() {
        Schedule weekdays = Schedule.parse("0 7 * * MON-FRI");
        // Friday 3 December 2026, 10:00 in Paris: next is Monday 7:00 Paris time (6:00 UTC)
        assertThat(weekdays.next(null, Instant.parse("2026-12-04T09:00:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-12-07T06:00:00Z"));
        Schedule halfHours = Schedule.parse("*/30 * * * *");
        assertThat(halfHours.next(Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T10:00:05Z"), PARIS))
                .isEqualTo(Instant.parse("2026-12-03T10:30:00Z"));
        assertThat(Schedule.parse("15 3 1 * *").next(null, Instant.parse("2026-12-03T10:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2027-01-01T03:15:00Z"));
    }

    @Test
    void refusesWhatItCannotReadWithTheExpectedForm() {
        assertThatThrownBy(() -> Schedule.parse("hourly"))
                .hasMessageContaining("every 30m")
                .hasMessageContaining("hourly");
        assertThatThrownBy(() -> Schedule.parse("every 0s")).hasMessageContaining("shorter");
        assertThatThrownBy(() -> Schedule.parse("0 7 * * 1-5")).hasMessageContaining("by name");
        assertThatThrownBy(() -> Schedule.parse("0 7 1 * MON")).hasMessageContaining("not both");
        assertThatThrownBy(() -> Schedule.parse("61 7 * * *")).hasMessageContaining("not a valid cron");
    }

    @Test
    void theLoaderReportsABadScheduleWithItsLine() {
        InvalidWatchException e = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidWatchException.class, () -> new WatchLoader(java.util.Map.of()).parse("acme.yaml", """
                        watch: acme
                        brand: { name: Acme }
                        schedule: twice a day
                        """));
        assertThat(e.errors()).anySatisfy(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.path()).isEqualTo("schedule");
            assertThat(error.message()).contains("every 30m");
        });
    }

    @Test
    void theLoaderReadsASchedule() throws Exception {
        Watch watch = new WatchLoader(java.util.Map.of()).parse("acme.yaml", """
                watch: acme
                brand: { name: Acme }
                schedule: "0 7 * * MON-FRI"
                """);
        assertThat(watch.scheduled()).map(Schedule::text).contains("0 7 * * MON-FRI");
    }
}
