package dev.vigie.jobs.spike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.jobs.watch.SpikeKind;
import dev.vigie.jobs.watch.SpikeSpec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Wednesday 2 December 2026, 03:30 in Paris. */
    private static final Instant NOW =
            ZonedDateTime.of(LocalDateTime.of(2026, 12, 2, 3, 30), PARIS).toInstant();

    private static final SpikeSpec SPEC = new SpikeSpec(5, 2, List.of(SpikeKind.VOLUME), 3, 4);

    /** Five weeks of an office-hours pattern: 4 mentions an hour from 9:00 to 17:59 on weekdays, none otherwise. */
    private static Map<Instant, Long> officeHours(Instant from, Instant to) {
        Map<Instant, Long> perHour = new HashMap<>();
        for (Instant h = from; h.isBefore(to); h = h.plus(1, ChronoUnit.HOURS)) {
            ZonedDateTime local = h.atZone(PARIS);
            boolean weekday = local.getDayOfWeek().getValue() <= 5;
            if (weekday && local.getHour() >= 9 && local.getHour() < 18) {
                perHour.put(h, 4L);
            }
        }
        return perHour;
    }

    private static Instant history() {
        return NOW.minus(5 * 7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    private static HourlyCounts counts(Map<Instant, Long> perHour, Instant now) {
        return HourlyCounts.of(
                SpikeDetector.countsFrom(SPEC, now, PARIS),
                now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS),
                perHour);
    }

    private static Instant hoursBefore(Instant t, int hours) {
        return t.truncatedTo(ChronoUnit.HOURS).minus(hours, ChronoUnit.HOURS);
    }

    private static Optional<SpikeDetector.Spike> detect(
            Map<Instant, Long> perHour, Instant now, List<Instant> alerted) {
        return SpikeDetector.detect(SpikeKind.VOLUME, SPEC, counts(perHour, now), history(), now, PARIS, alerted);
    }

    @Test
    void eightMentionsInTheNightAreASpikeAgainstQuietNightsOfEarlierWeeks() {
        Map<Instant, Long> perHour = officeHours(history(), NOW);
        perHour.put(hoursBefore(NOW, 1), 3L);
        perHour.put(hoursBefore(NOW, 0), 5L);

        SpikeDetector.Spike spike = detect(perHour, NOW, List.of()).orElseThrow();

        assertThat(spike.count()).isEqualTo(8);
        assertThat(spike.baseline()).isZero();
        assertThat(spike.baselineWeeks()).isEqualTo(4);
        assertThat(spike.windowStart()).isEqualTo(hoursBefore(NOW, 2));
        assertThat(spike.windowEnd()).isEqualTo(NOW);
        // the window ending at 02:00 held 3 mentions: fewer than min_mentions, so the spike started at 03:00
        assertThat(spike.start()).isEqualTo(hoursBefore(NOW, 0));
        assertThat(spike.id()).isEqualTo("spike-volume-2026-12-02T02:00:00Z");
    }

    @Test
    void theSameCountDuringOfficeHoursIsTheUsualLevelNotASpike() {
        Instant tenThirty = NOW.plus(7, ChronoUnit.HOURS);
        Map<Instant, Long> perHour = officeHours(history(), tenThirty);

        assertThat(detect(perHour, tenThirty, List.of())).isEmpty();
        SpikeDetector.Level level = SpikeDetector.level(SPEC, counts(perHour, tenThirty), history(), tenThirty, PARIS);
        assertThat(level.count()).isEqualTo(8); // 9:00 and 10:00 (4 each); 8:00 is quiet
        assertThat(level.baseline()).isEqualTo(8.0);
        // twice the usual level is a spike
        perHour.put(hoursBefore(tenThirty, 0), 12L);
        assertThat(detect(perHour, tenThirty, List.of()))
                .get()
                .satisfies(s -> assertThat(s.count()).isEqualTo(16));
    }

    @Test
    void fewerThanMinMentionsIsNoSpikeWhateverTheFactor() {
        Map<Instant, Long> perHour = officeHours(history(), NOW);
        perHour.put(hoursBefore(NOW, 0), 4L);
        assertThat(detect(perHour, NOW, List.of())).isEmpty();
    }

    @Test
    void theNextRunDuringTheSameSpikeFindsTheSameStartAndAFreshSpikeLaterANewOne() {
        Map<Instant, Long> perHour = officeHours(history(), NOW.plus(1, ChronoUnit.DAYS));
        perHour.put(hoursBefore(NOW, 0), 6L);
        perHour.put(hoursBefore(NOW, -1), 6L);
        String first = detect(perHour, NOW, List.of()).orElseThrow().id();
        Instant nextRun = NOW.plus(62, ChronoUnit.MINUTES);
        Instant thirdRun = NOW.plus(2, ChronoUnit.HOURS);

        assertThat(detect(perHour, nextRun, List.of()).orElseThrow().id()).isEqualTo(first);
        assertThat(detect(perHour, thirdRun, List.of()).orElseThrow().id()).isEqualTo(first);
        // a window of quiet hours ends it (still in the night: 06:00 to 08:59 local); a new burst is a new spike
        Instant later = NOW.plus(5, ChronoUnit.HOURS);
        assertThat(detect(perHour, later, List.of())).isEmpty();
        perHour.put(hoursBefore(later, 0), 7L);
        SpikeDetector.Spike second = detect(perHour, later, List.of()).orElseThrow();
        assertThat(second.id()).isNotEqualTo(first);
        assertThat(second.start()).isEqualTo(hoursBefore(later, 0));
    }

    @Test
    void aLateMentionThatExtendsTheSpikeBackwardsKeepsTheIdAlreadyAlerted() {
        Map<Instant, Long> perHour = officeHours(history(), NOW);
        perHour.put(hoursBefore(NOW, 0), 6L);
        SpikeDetector.Spike alerted = detect(perHour, NOW, List.of()).orElseThrow();
        Instant nextRun = NOW.plus(1, ChronoUnit.HOURS);
        perHour.put(hoursBefore(NOW, 3), 5L); // published at 00:xx, collected only now

        SpikeDetector.Spike withoutLedger = detect(perHour, nextRun, List.of()).orElseThrow();
        assertThat(withoutLedger.start()).isEqualTo(hoursBefore(NOW, 3));
        assertThat(detect(perHour, nextRun, List.of(alerted.start()))
                        .orElseThrow()
                        .id())
                .isEqualTo(alerted.id());
        // a start alerted before a quiet gap is another spike: it does not hide this one
        assertThat(detect(perHour, nextRun, List.of(hoursBefore(NOW, 30)))
                        .orElseThrow()
                        .start())
                .isEqualTo(hoursBefore(NOW, 3));
    }

    @Test
    void onlyWeeksAfterTheWatchBeganCollectingMakeTheUsualLevel() {
        Map<Instant, Long> perHour = officeHours(history(), NOW);
        perHour.put(hoursBefore(NOW, 0), 6L);
        perHour.put(hoursBefore(NOW, 7 * 24), 4L); // last week, same hour
        Instant tenDaysAgo = NOW.minus(10, ChronoUnit.DAYS);

        SpikeDetector.Level level = SpikeDetector.level(SPEC, counts(perHour, NOW), tenDaysAgo, NOW, PARIS);

        assertThat(level.weeks()).isEqualTo(1);
        assertThat(level.baseline()).isEqualTo(4.0);
        assertThat(SpikeDetector.isSpike(SPEC, level)).isFalse(); // 6 < 2 x 4
    }

    @Test
    void withLessThanAWeekOfHistoryTheUsualLevelIsTheMeanRateAndWithLessThanADayThereIsNone() {
        Map<Instant, Long> perHour = new HashMap<>();
        Instant threeDaysAgo = hoursBefore(NOW, 72);
        for (int h = 3; h <= 72; h++) {
            perHour.put(hoursBefore(NOW, h), 1L); // one an hour, every hour
        }
        perHour.put(hoursBefore(NOW, 0), 6L);
        SpikeDetector.Level level = SpikeDetector.level(SPEC, counts(perHour, NOW), threeDaysAgo, NOW, PARIS);
        assertThat(level.weeks()).isZero();
        assertThat(level.known()).isTrue();
        assertThat(level.baseline()).isEqualTo(3.0); // 1 an hour x 3 hours
        assertThat(SpikeDetector.isSpike(SPEC, level)).isTrue(); // 6 >= 5 and >= 2 x 3

        Instant tenHoursAgo = hoursBefore(NOW, 10);
        assertThat(SpikeDetector.detect(
                        SpikeKind.VOLUME, SPEC, counts(perHour, NOW), tenHoursAgo, NOW, PARIS, List.of()))
                .as("ten hours of history say nothing of the usual level")
                .isEmpty();
        assertThat(SpikeDetector.detect(SpikeKind.VOLUME, SPEC, counts(perHour, NOW), null, NOW, PARIS, List.of()))
                .isEmpty();
    }

    @Test
    void theUsualLevelFollowsTheLocalHourAcrossADaylightSavingChange() {
        // Sunday 1 November 2026 (Paris is back to UTC+1 since 25 October): 10:30 local, with 4 weeks before it in
        // both summer and winter time
        Instant sunday =
                ZonedDateTime.of(LocalDateTime.of(2026, 11, 1, 10, 30), PARIS).toInstant();
        Map<Instant, Long> perHour = new HashMap<>();
        List<Instant> earlierSundays = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            Instant then = sunday.atZone(PARIS).minusWeeks(k).toInstant().truncatedTo(ChronoUnit.HOURS);
            earlierSundays.add(then);
            perHour.put(then, 5L); // every Sunday 10:00 local is busy
        }
        perHour.put(sunday.truncatedTo(ChronoUnit.HOURS), 9L);
        SpikeDetector.Level level =
                SpikeDetector.level(SPEC, counts(perHour, sunday), sunday.minus(60, ChronoUnit.DAYS), sunday, PARIS);
        assertThat(level.baseline()).isEqualTo(5.0);
        assertThat(earlierSundays.get(0).atZone(PARIS).getHour()).isEqualTo(10);
        assertThat(earlierSundays.get(0).atZone(ZoneId.of("UTC")).getHour()).isEqualTo(9);
        assertThat(earlierSundays.get(1).atZone(PARIS).getHour()).isEqualTo(10);
        assertThat(earlierSundays.get(1).atZone(ZoneId.of("UTC")).getHour()).isEqualTo(8); // summer time
    }

    @Test
    void spikeIdsRoundTrip() {
        Instant start = Instant.parse("2026-12-02T02:00:00Z");
        assertThat(SpikeDetector.startOf(SpikeKind.NEGATIVE, SpikeDetector.idOf(SpikeKind.NEGATIVE, start)))
                .contains(start);
        assertThat(SpikeDetector.startOf(SpikeKind.VOLUME, SpikeDetector.idOf(SpikeKind.NEGATIVE, start)))
                .isEmpty();
        assertThat(SpikeDetector.startOf(SpikeKind.VOLUME, "spike-volume-yesterday"))
                .isEmpty();
        assertThat(SpikeDetector.startOf(SpikeKind.VOLUME, "m-123")).isEmpty();
    }

    @Test
    void spikeSettingsAreChecked() {
        assertThatThrownBy(() -> new SpikeSpec(0, 2, List.of(), 3, 4)).hasMessageContaining("min_mentions");
        assertThatThrownBy(() -> new SpikeSpec(5, 1, List.of(), 3, 4)).hasMessageContaining("factor");
        assertThatThrownBy(() -> new SpikeSpec(5, Double.NaN, List.of(), 3, 4)).hasMessageContaining("factor");
        assertThatThrownBy(() -> new SpikeSpec(5, 2, List.of(SpikeKind.VOLUME, SpikeKind.VOLUME), 3, 4))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new SpikeSpec(5, 2, List.of(), 0, 4)).hasMessageContaining("window");
        assertThatThrownBy(() -> new SpikeSpec(5, 2, List.of(), 49, 4)).hasMessageContaining("window");
        assertThatThrownBy(() -> new SpikeSpec(5, 2, List.of(), 3, 0)).hasMessageContaining("baseline_weeks");
        assertThatThrownBy(() -> new SpikeSpec(5, 2, List.of(), 3, 13)).hasMessageContaining("baseline_weeks");
        assertThat(new SpikeSpec(5, 2, null, 3, 4).on()).containsExactly(SpikeKind.VOLUME);
        assertThat(SpikeSpec.defaults()).isEqualTo(new SpikeSpec(5, 2.0, List.of(SpikeKind.VOLUME), 3, 4));
    }
}
