package dev.vigie.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigie.jobs.report.IsoWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The week {@code vigie demo} reports on holds the start of the demo's outage, whatever the day it runs. */
class DemoCommandTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void reportsTheWeekTheOutageStartsIn() {
        // Tuesday 24 November 2026: the outage started on Sunday 22, in week 47
        assertThat(DemoCommand.reportWeek(Instant.parse("2026-11-24T13:00:00Z"), PARIS))
                .isEqualTo(IsoWeek.parse("2026-W47"));
        // Thursday 26 November: it started on Tuesday 24, in week 48
        assertThat(DemoCommand.reportWeek(Instant.parse("2026-11-26T13:00:00Z"), PARIS))
                .isEqualTo(IsoWeek.parse("2026-W48"));
        // Monday 23 November, just after midnight in Paris: Saturday 21, week 47
        assertThat(DemoCommand.reportWeek(Instant.parse("2026-11-22T23:30:00Z"), PARIS))
                .isEqualTo(IsoWeek.parse("2026-W47"));
    }
}
