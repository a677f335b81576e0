package dev.vigie.jobs.spike;

import dev.vigie.jobs.watch.SpikeKind;
import dev.vigie.jobs.watch.SpikeSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a spike in hourly counts, without Elasticsearch: pure arithmetic, tested on its own.
 *
 * <p><b>Level of an hour.</b> The window ending with hour {@code e} is the {@code windowHours} hours up to and
 * including {@code e}. Its usual level is the mean count of the same window one, two ... {@code baselineWeeks} weeks
 * earlier (same weekday and local hours in the watch's time zone, so daylight-saving changes keep the local hour).
 * Only weeks whose shifted window starts after the watch began collecting ({@code historyStart}) count: weeks before
 * it are no evidence of quiet. With no such week, the fallback is the watch's mean rate since it began collecting,
 * times the window, when that history is at least {@value #MIN_FALLBACK_HOURS} hours long; with less, the level is
 * unknown and nothing is a spike.
 *
 * <p><b>Spike.</b> A window is a spike when its count is at least {@code minMentions} and at least {@code factor}
 * times its usual level. The current window (ending with the hour of {@code now}, which may be partial) decides.
 *
 * <p><b>Identity.</b> A spike is identified by its rule, its kind and its start hour: the earliest hour {@code e} such
 * that every window ending from {@code e} to now is a spike (looking back at most {@value #LOOKBACK_HOURS} hours). The
 * next run during the same spike finds the same start, hence the same identity, and the ledger sends nothing new. A
 * mention published late can extend a spike backwards; then the start of a spike already alerted (given as
 * {@code alertedStarts}) that lies inside the current run of spike windows is kept as the identity.
 */
public final class SpikeDetector {
    /** How far back the start of an ongoing spike is looked for. */
    public static final int LOOKBACK_HOURS = 168;
    /** Shortest history for the fallback level (the watch's mean rate) when no earlier week is available. */
    public static final int MIN_FALLBACK_HOURS = 24;

    private SpikeDetector() {}

    /**
     * The count of a window and its usual level.
     *
     * @param count    mentions in the window
     * @param baseline the usual level of the window; meaningless when not {@code known}
     * @param weeks    earlier weeks averaged; 0 when the level is the fallback rate (or unknown)
     * @param known    whether there was enough history for a usual level
     */
    public record Level(long count, double baseline, int weeks, boolean known) {}

    /**
     * A spike found at the end of a run.
     *
     * @param kind          what was counted
     * @param start         its start hour (its identity with the rule and the kind)
     * @param windowStart   the first hour of the current window
     * @param windowEnd     the end of the current window (the run's time)
     * @param count         mentions in the current window
     * @param baseline      the usual level of the current window
     * @param baselineWeeks earlier weeks averaged for {@code baseline}; 0 for the fallback rate
     */
    public record Spike(
            SpikeKind kind,
            Instant start,
            Instant windowStart,
            Instant windowEnd,
            long count,
            double baseline,
            int baselineWeeks) {
        public Spike {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(windowStart, "windowStart");
            Objects.requireNonNull(windowEnd, "windowEnd");
        }

        /** The spike's id within its rule: {@code spike-<kind>-<start hour>}, e.g. {@code spike-volume-2026-12-04T09:00:00Z}. */
        public String id() {
            return idOf(kind, start);
        }
    }

    /** The id of the spike of {@code kind} that started at {@code start}. */
    public static String idOf(SpikeKind kind, Instant start) {
        return idPrefix(kind) + start;
    }

    /** What the ids of the spikes of {@code kind} begin with. */
    public static String idPrefix(SpikeKind kind) {
        return "spike-" + kind.code() + "-";
    }

    /** The start hour in a spike id of {@code kind}, or empty when {@code id} is not one. */
    public static Optional<Instant> startOf(SpikeKind kind, String id) {
        String prefix = idPrefix(kind);
        if (id == null || !id.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(id.substring(prefix.length())));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The first hour whose count {@link #detect} may read for a run at {@code now}. */
    public static Instant countsFrom(SpikeSpec spec, Instant now, ZoneId zone) {
        Instant earliestEnd = hourOf(now).minus(LOOKBACK_HOURS + 1L, ChronoUnit.HOURS);
        return hourOf(earliestEnd.atZone(zone).minusWeeks(spec.baselineWeeks()).toInstant())
                .minus(spec.windowHours() + 1L, ChronoUnit.HOURS);
    }

    /** The count and usual level of the window ending with hour {@code end}. */
    public static Level level(SpikeSpec spec, HourlyCounts counts, Instant historyStart, Instant end, ZoneId zone) {
        Instant last = hourOf(end);
        Instant windowStart = last.minus(spec.windowHours() - 1L, ChronoUnit.HOURS);
        long count = counts.sum(windowStart, last.plus(1, ChronoUnit.HOURS));
        if (historyStart == null) {
            return new Level(count, 0, 0, false);
        }
        Instant history = hourOf(historyStart);
        long sum = 0;
        int weeks = 0;
        for (int k = 1; k <= spec.baselineWeeks(); k++) {
            Instant shiftedLast = hourOf(last.atZone(zone).minusWeeks(k).toInstant());
            Instant shiftedStart = shiftedLast.minus(spec.windowHours() - 1L, ChronoUnit.HOURS);
            if (shiftedStart.isBefore(history)) {
                continue;
            }
            sum += counts.sum(shiftedStart, shiftedLast.plus(1, ChronoUnit.HOURS));
            weeks++;
        }
        if (weeks > 0) {
            return new Level(count, (double) sum / weeks, weeks, true);
        }
        long hours = Duration.between(history, windowStart).toHours();
        if (hours < MIN_FALLBACK_HOURS) {
            return new Level(count, 0, 0, false);
        }
        return new Level(count, (double) counts.sum(history, windowStart) / hours * spec.windowHours(), 0, true);
    }

    /** Whether a window at {@code level} is a spike under {@code spec}. */
    public static boolean isSpike(SpikeSpec spec, Level level) {
        return level.known()
                && level.count() >= spec.minMentions()
                && level.count() >= spec.factor() * level.baseline();
    }

    /**
     * The ongoing spike at {@code now}, if any.
     *
     * @param counts        the hourly counts of what {@code kind} counts, from {@link #countsFrom} to now
     * @param historyStart  when the watch began collecting (its earliest fetch); {@code null} when it never did
     * @param alertedStarts start hours of spikes of this rule and kind already in the ledger
     */
    public static Optional<Spike> detect(
            SpikeKind kind,
            SpikeSpec spec,
            HourlyCounts counts,
            Instant historyStart,
            Instant now,
            ZoneId zone,
            Collection<Instant> alertedStarts) {
        Instant current = hourOf(now);
        Level level = level(spec, counts, historyStart, current, zone);
        if (!isSpike(spec, level)) {
            return Optional.empty();
        }
        Instant start = current;
        for (int back = 1; back <= LOOKBACK_HOURS; back++) {
            Instant earlier = current.minus(back, ChronoUnit.HOURS);
            if (!isSpike(spec, level(spec, counts, historyStart, earlier, zone))) {
                break;
            }
            start = earlier;
        }
        Instant runStart = start;
        Optional<Instant> alerted = alertedStarts.stream()
                .map(SpikeDetector::hourOf)
                .filter(s -> !s.isBefore(runStart) && !s.isAfter(current))
                .min(Instant::compareTo);
        return Optional.of(new Spike(
                kind,
                alerted.orElse(start),
                current.minus(spec.windowHours() - 1L, ChronoUnit.HOURS),
                now,
                level.count(),
                level.baseline(),
                level.weeks()));
    }

    private static Instant hourOf(Instant t) {
        return t.truncatedTo(ChronoUnit.HOURS);
    }
}
