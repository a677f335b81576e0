package dev.vigie.jobs.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week such as {@code 2026-W47}: Monday to Sunday, in the watch's time zone (a Paris agency's Monday
 * starts at 23:00 UTC on Sunday in winter).
 *
 * <p>Weeks are the unit of the report because agencies report to their clients per calendar week, and ISO weeks
 * are what French and European calendars print.
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-?W(\\d{1,2})");

    public IsoWeek {
        if (year < 1970 || year > 9999) {
            throw new IllegalArgumentException("ISO week year out of range: " + year);
        }
        long weeksInYear = LocalDate.of(year, 6, 1)
                .range(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                .getMaximum();
        if (week < 1 || week > weeksInYear) {
            throw new IllegalArgumentException(
                    "ISO week " + week + " does not exist in " + year + " (1.." + weeksInYear + ")");
        }
    }

    /** Parses {@code 2026-W47} (also {@code 2026W47}); anything else is refused with the value in the message. */
    public static IsoWeek parse(String text) {
        Objects.requireNonNull(text, "week");
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ISO week (expected e.g. 2026-W47): '" + text + "'");
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The ISO week that contains {@code day}. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The last complete week before now in {@code zone}: what a report sent on Monday morning is about. */
    public static IsoWeek lastCompleted(Clock clock, ZoneId zone) {
        return of(LocalDate.now(clock.withZone(zone))).minusWeeks(1);
    }

    public LocalDate monday() {
        return LocalDate.of(year, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    /** Inclusive start, Monday 00:00 in {@code zone}. */
    public Instant start(ZoneId zone) {
        return monday().atStartOfDay(zone).toInstant();
    }

    /** Exclusive end, the next Monday 00:00 in {@code zone}. */
    public Instant end(ZoneId zone) {
        return monday().plusDays(7).atStartOfDay(zone).toInstant();
    }

    public IsoWeek minusWeeks(int weeks) {
        return of(monday().minusWeeks(weeks));
    }

    public IsoWeek previous() {
        return minusWeeks(1);
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday().compareTo(other.monday());
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
