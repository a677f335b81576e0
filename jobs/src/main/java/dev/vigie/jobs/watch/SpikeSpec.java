package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;

/**
 * The settings of a spike alert ({@code spike: { min_mentions: 5, factor: 2, on: [volume, negative] }}): at the end of
 * a run, the brand's mentions of the last {@code windowHours} hours are compared with the same hours of the week (same
 * weekday, same hours, watch time zone) over the previous {@code baselineWeeks} weeks; a spike is a count of at least
 * {@code minMentions} and at least {@code factor} times that usual level.
 *
 * @param minMentions   fewest mentions in the window for a spike (a quiet brand going from 1 to 3 is no spike)
 * @param factor        how many times the usual level, more than 1
 * @param on            what is counted, each kind separately, at least one, no repeat
 * @param windowHours   the hours counted, the current hour included (1 to {@value #MAX_WINDOW_HOURS})
 * @param baselineWeeks previous weeks averaged for the usual level (1 to {@value #MAX_BASELINE_WEEKS})
 */
public record SpikeSpec(int minMentions, double factor, List<SpikeKind> on, int windowHours, int baselineWeeks)
        implements Serializable {
    public static final int DEFAULT_MIN_MENTIONS = 5;
    public static final double DEFAULT_FACTOR = 2.0;
    public static final List<SpikeKind> DEFAULT_ON = List.of(SpikeKind.VOLUME);
    public static final int DEFAULT_WINDOW_HOURS = 3;
    public static final int DEFAULT_BASELINE_WEEKS = 4;
    public static final int MAX_WINDOW_HOURS = 48;
    public static final int MAX_BASELINE_WEEKS = 12;

    public SpikeSpec {
        if (minMentions < 1) {
            throw new IllegalArgumentException("spike min_mentions must be at least 1, got " + minMentions);
        }
        if (!(factor > 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("spike factor must be a number above 1, got " + factor);
        }
        on = on == null || on.isEmpty() ? DEFAULT_ON : List.copyOf(on);
        if (EnumSet.copyOf(on).size() != on.size()) {
            throw new IllegalArgumentException("spike 'on' lists a kind twice: " + on);
        }
        if (windowHours < 1 || windowHours > MAX_WINDOW_HOURS) {
            throw new IllegalArgumentException(
                    "spike window must be 1 to " + MAX_WINDOW_HOURS + " hours, got " + windowHours);
        }
        if (baselineWeeks < 1 || baselineWeeks > MAX_BASELINE_WEEKS) {
            throw new IllegalArgumentException(
                    "spike baseline_weeks must be 1 to " + MAX_BASELINE_WEEKS + ", got " + baselineWeeks);
        }
    }

    /** The defaults: 5 mentions, twice the usual level, volume, 3 hours against 4 weeks. */
    public static SpikeSpec defaults() {
        return new SpikeSpec(
                DEFAULT_MIN_MENTIONS, DEFAULT_FACTOR, DEFAULT_ON, DEFAULT_WINDOW_HOURS, DEFAULT_BASELINE_WEEKS);
    }
}
