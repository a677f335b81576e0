package dev.vigie.jobs.report.internal;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, dates and changes written the way a reader of the report's language expects them: {@code 1 234} and
 * {@code 12,5 %} in French, {@code 1,234} and {@code 12.5%} in English; arrows for changes.
 */
public final class ReportFormat {

    /** Direction of a change, used as a CSS class so that rises and falls are coloured. */
    public enum Trend {
        UP("▲", "up"),
        DOWN("▼", "down"),
        FLAT("=", "flat"),
        NEW("▲", "up"),
        NONE("", "flat");

        final String arrow;
        final String cssClass;

        Trend(String arrow, String cssClass) {
            this.arrow = arrow;
            this.cssClass = cssClass;
        }

        public String arrow() {
            return arrow;
        }

        public String cssClass() {
            return cssClass;
        }
    }

    /** A formatted change: the arrow, the text, and its direction. */
    public record Delta(Trend trend, String text) {
        public String arrow() {
            return trend.arrow();
        }

        public String cssClass() {
            return trend.cssClass();
        }
    }

    private final Locale locale;
    private final ReportTexts texts;

    public ReportFormat(Locale locale, ReportTexts texts) {
        this.locale = locale;
        this.texts = texts;
    }

    public String integer(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** Large audiences in short form: {@code 1,2 M} / {@code 1.2M}. */
    public String compact(long value) {
        if (value < 10_000) {
            return integer(value);
        }
        NumberFormat f = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        f.setMaximumFractionDigits(1);
        return f.format(value);
    }

    public String percent(Double ratio) {
        if (ratio == null) {
            return texts.get("no_data");
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(ratio < 0.1 ? 1 : 0);
        return f.format(ratio);
    }

    public String decimal(double value, int fractionDigits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(fractionDigits);
        f.setMinimumFractionDigits(0);
        return f.format(value);
    }

    /** Net sentiment on the -100..+100 scale, signed. */
    public String net(Double net) {
        if (net == null) {
            return texts.get("no_data");
        }
        long v = Math.round(net * 100);
        return (v > 0 ? "+" : v < 0 ? "\u2212" : "") + integer(Math.abs(v));
    }

    /** Relative change of a count: {@code +12 %}, {@code ×15} past +1000 %, {@code new}, or {@code 0 %}. */
    public Delta countChange(long now, long before) {
        if (now == before) {
            return new Delta(now == 0 ? Trend.NONE : Trend.FLAT, now == 0 ? "" : percent(0.0));
        }
        if (before == 0) {
            return new Delta(Trend.NEW, texts.get("new"));
        }
        double change = (double) (now - before) / before;
        if (change >= 9.995) {
            // "+21 218 %" reads as noise; "×213" says what happened
            return new Delta(Trend.UP, "\u00d7" + integer(Math.round((double) now / before)));
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(0);
        String text = (change > 0 ? "+" : "\u2212") + f.format(Math.abs(change));
        return new Delta(change > 0 ? Trend.UP : Trend.DOWN, text);
    }

    /** Absolute change of a count: {@code +7}. */
    public Delta countDelta(long now, long before) {
        long d = now - before;
        if (d == 0) {
            return new Delta(Trend.FLAT, "0");
        }
        return new Delta(d > 0 ? Trend.UP : Trend.DOWN, (d > 0 ? "+" : "\u2212") + integer(Math.abs(d)));
    }

    /**
     * Change of a ratio in points: shares (0..1, shown as percentage points) or net sentiment (-1..1, shown on the
     * -100..+100 scale); both are "points" of a 100 scale.
     */
    public Delta pointsChange(Double now, Double before) {
        if (now == null || before == null) {
            return new Delta(Trend.NONE, now == null ? "" : texts.get("new"));
        }
        double pts = (now - before) * 100;
        if (Math.abs(pts) < 0.05) {
            return new Delta(Trend.FLAT, texts.format("pts", decimal(0, 0)));
        }
        String text = (pts > 0 ? "+" : "\u2212") + decimal(Math.abs(pts), 1);
        return new Delta(pts > 0 ? Trend.UP : Trend.DOWN, texts.format("pts", text));
    }

    /** {@code 16 – 22 novembre 2026}, {@code 30 November – 6 December 2026}. */
    public String weekRange(LocalDate monday, LocalDate sunday) {
        DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        String start = monday.getMonth() == sunday.getMonth()
                ? DateTimeFormatter.ofPattern("d", locale).format(monday)
                : monday.getYear() == sunday.getYear()
                        ? DateTimeFormatter.ofPattern("d MMMM", locale).format(monday)
                        : full.format(monday);
        return start + " \u2013 " + full.format(sunday);
    }

    /** {@code lundi 16 novembre}, {@code Monday 16 November}. */
    public String longDay(LocalDate day) {
        return capitalize(DateTimeFormatter.ofPattern("EEEE d MMMM", locale).format(day));
    }

    /** {@code lun. 16}, {@code Mon 16}: chart axis labels. */
    public String shortDay(LocalDate day) {
        return capitalize(DateTimeFormatter.ofPattern("EEE d", locale).format(day));
    }

    /** {@code 16/11}, {@code 16 Nov}: dates in tables, where the year is the report's. */
    public String date(LocalDate day) {
        return DateTimeFormatter.ofPattern(locale.getLanguage().equals("fr") ? "dd/MM" : "d MMM", locale)
                .format(day);
    }

    public String fullDate(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
    }

    private String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(locale) + s.substring(1);
    }
}
