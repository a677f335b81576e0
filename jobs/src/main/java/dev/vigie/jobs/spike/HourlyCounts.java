package dev.vigie.jobs.spike;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/** Mentions per hour (UTC hours) over a span of hours: what {@link SpikeDetector} reads. Hours outside count 0. */
public final class HourlyCounts {
    private final Instant first;
    private final long[] counts;

    /**
     * @param first  the first hour (a whole hour)
     * @param counts the count of each hour from {@code first}, none negative
     */
    public HourlyCounts(Instant first, long[] counts) {
        Objects.requireNonNull(first, "first");
        if (!first.truncatedTo(ChronoUnit.HOURS).equals(first)) {
            throw new IllegalArgumentException("first hour " + first + " is not a whole hour");
        }
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count " + c);
            }
        }
        this.first = first;
        this.counts = counts.clone();
    }

    /** The counts of the hours {@code [from, to)} (whole hours) taken from {@code perHour}; other hours count 0. */
    public static HourlyCounts of(Instant from, Instant to, Map<Instant, Long> perHour) {
        int hours = (int) Math.max(0, Duration.between(from, to).toHours());
        long[] counts = new long[hours];
        perHour.forEach((hour, count) -> {
            long i = Duration.between(from, hour).toHours();
            if (!hour.isBefore(from) && i < hours) {
                counts[(int) i] += count;
            }
        });
        return new HourlyCounts(from, counts);
    }

    /** The count of the hour starting at {@code hour} (truncated to the hour). */
    public long at(Instant hour) {
        long i = Duration.between(first, hour.truncatedTo(ChronoUnit.HOURS)).toHours();
        return hour.isBefore(first) || i >= counts.length ? 0 : counts[(int) i];
    }

    /** The sum over the whole hours {@code [from, to)}. */
    public long sum(Instant from, Instant to) {
        long total = 0;
        for (Instant h = from.truncatedTo(ChronoUnit.HOURS); h.isBefore(to); h = h.plus(1, ChronoUnit.HOURS)) {
            total += at(h);
        }
        return total;
    }

    public Instant first() {
        return first;
    }

    @Override
    public String toString() {
        return "HourlyCounts[" + first + ", " + counts.length + " hours, "
                + Arrays.stream(counts).sum() + " mentions]";
    }
}
