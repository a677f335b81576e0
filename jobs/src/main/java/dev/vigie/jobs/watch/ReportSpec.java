package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;

/** The weekly competitive report: recipients, the day it is sent on, and its language. */
public record ReportSpec(List<String> to, DayOfWeek day, Language language) implements Serializable {
    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;

    public ReportSpec {
        to = Checks.requireEmails("report recipient", to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("the weekly report needs at least one recipient");
        }
        day = day == null ? DEFAULT_DAY : day;
        Objects.requireNonNull(language, "language");
    }
}
