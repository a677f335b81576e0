package dev.vigie.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void parsesAndPrintsIsoWeeks() {
        IsoWeek w = IsoWeek.parse("2026-W47");
        assertThat(w.monday()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(w.sunday()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(w).hasToString("2026-W47");
        assertThat(IsoWeek.parse("2026W5")).hasToString("2026-W05");
    }

    @Test
    void weeksCrossYearsTheIsoWay() {
        // 1 January 2027 is a Friday: it belongs to 2026-W53, whose Monday is 28 December 2026
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).hasToString("2026-W53");
        assertThat(IsoWeek.parse("2026-W53").monday()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(IsoWeek.parse("2027-W01").previous()).hasToString("2026-W53");
        assertThat(IsoWeek.parse("2026-W02").minusWeeks(4)).hasToString("2025-W50");
    }

    @Test
    void boundsAreMidnightInTheWatchTimeZone() {
        IsoWeek w = IsoWeek.parse("2026-W47");
        assertThat(w.start(ZoneId.of("Europe/Paris"))).isEqualTo(Instant.parse("2026-11-15T23:00:00Z"));
        assertThat(w.end(ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void lastCompletedWeekIsTheOneBeforeToday() {
        Clock mondayMorning = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);
        assertThat(IsoWeek.lastCompleted(mondayMorning, ZoneId.of("Europe/Paris")))
                .hasToString("2026-W47");
        // Sunday 23:30 UTC is already Monday in Paris
        Clock sundayNight = Clock.fixed(Instant.parse("2026-11-22T23:30:00Z"), ZoneOffset.UTC);
        assertThat(IsoWeek.lastCompleted(sundayNight, ZoneOffset.UTC)).hasToString("2026-W46");
        assertThat(IsoWeek.lastCompleted(sundayNight, ZoneId.of("Europe/Paris")))
                .hasToString("2026-W47");
    }

    @Test
    void refusesWhatIsNotAWeek() {
        assertThatThrownBy(() -> IsoWeek.parse("2026-47"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2026-47'");
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025");
        assertThatThrownBy(() -> new IsoWeek(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
