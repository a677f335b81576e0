package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * When {@code vigie serve} runs a watch ({@code schedule:} in the watch file): {@code every 30m} (also {@code s},
 * {@code h}, {@code d}), counted from the start of the previous run, or a cron expression of five fields (minute,
 * hour, day of month, month, day of week; {@code 0 7 * * MON-FRI}) in the watch's time zone. {@code vigie run}
 * ignores it: cron or Kubernetes decide when that runs.
 *
 * @param text  the schedule as written
 * @param every the interval of an {@code every} schedule, else {@code null}
 * @param cron  the cron expression in Quartz's syntax (seconds first) of a cron schedule, else {@code null}
 */
public record Schedule(String text, Duration every, String cron) implements Serializable {

    /** The shortest interval accepted: a run takes seconds at least, and Elasticsearch deserves some rest. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private static final Pattern EVERY = Pattern.compile("every\\s+(\\d+)\\s*([smhd])");

    public Schedule {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a schedule needs a text");
        }
        if ((every == null) == (cron == null)) {
            throw new IllegalArgumentException("a schedule is an interval or a cron expression: " + text);
        }
        if (every != null && every.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    "schedule '" + text + "' is shorter than " + MIN_INTERVAL.toSeconds() + " s");
        }
        if (cron != null && !CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("schedule '" + text + "' is not a valid cron expression");
        }
    }

    /**
     * Reads {@code every N(s|m|h|d)} or a five-field cron expression.
     *
     * @throws IllegalArgumentException with what was expected when the text is neither
     */
    public static Schedule parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher every = EVERY.matcher(t);
        if (every.matches()) {
            long n = Long.parseLong(every.group(1));
            Duration d = switch (every.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return new Schedule(text.strip(), d, null);
        }
        String[] fields = text == null ? new String[0] : text.strip().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("expected 'every 30m' (s, m, h or d) or a cron expression of five "
                    + "fields (minute hour day-of-month month day-of-week, e.g. '0 7 * * MON-FRI'), got '" + text
                    + "'");
        }
        String dayOfMonth = fields[2];
        String dayOfWeek = fields[4].toUpperCase(Locale.ROOT);
        if (dayOfWeek.matches(".*\\d.*")) {
            // cron counts Sunday as 0, Quartz as 1: names are unambiguous
            throw new IllegalArgumentException(
                    "schedule '" + text + "': write days of the week by name (MON-FRI, " + "SUN), not by number");
        }
        if (dayOfWeek.equals("*")) {
            dayOfWeek = "?";
        } else if (dayOfMonth.equals("*")) {
            dayOfMonth = "?";
        } else {
            throw new IllegalArgumentException(
                    "schedule '" + text + "': give a day of the month or a day of the " + "week, not both");
        }
        String quartz = "0 " + fields[0] + " " + fields[1] + " " + dayOfMonth + " " + fields[3] + " " + dayOfWeek;
        try {
            new CronExpression(quartz);
        } catch (ParseException e) {
            throw new IllegalArgumentException(
                    "schedule '" + text + "' is not a valid cron expression: " + e.getMessage(), e);
        }
        return new Schedule(text.strip(), null, quartz);
    }

    /**
     * The next time to run.
     *
     * @param lastStart when the previous run started, or {@code null} before the first one (an interval then runs at
     *                  once)
     * @param now       the current time
     * @param zone      the watch's time zone (cron schedules)
     */
    public Instant next(Instant lastStart, Instant now, ZoneId zone) {
        if (every != null) {
            if (lastStart == null) {
                return now;
            }
            Instant next = lastStart.plus(every);
            return next.isBefore(now) ? now : next;
        }
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            Date next = expression.getNextValidTimeAfter(Date.from(now));
            if (next == null) {
                throw new IllegalStateException("schedule '" + text + "' never runs again");
            }
            return next.toInstant();
        } catch (ParseException e) {
            throw new IllegalStateException("schedule '" + text + "' was checked when it was read", e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
