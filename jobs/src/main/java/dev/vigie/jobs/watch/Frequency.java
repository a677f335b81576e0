package dev.vigie.jobs.watch;

import java.util.Locale;

/** How often an alert rule emails its hits: {@code every: run | day | week}. */
public enum Frequency {
    /** One digest at the end of every run that found new hits. */
    RUN,
    /** One digest a day, with the hits of the previous day(s), at the first run after midnight (watch time zone). */
    DAY,
    /** One digest a week, with the hits of the previous week(s), at the first run after Monday 00:00. */
    WEEK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
