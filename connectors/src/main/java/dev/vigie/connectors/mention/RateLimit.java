package dev.vigie.connectors.mention;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * A platform's rate-limit state read from response headers ({@code X-RateLimit-*} of Mastodon and Reddit,
 * {@code RateLimit-*} of Bluesky), so that pagination waits for the window to reset instead of being refused.
 *
 * @param remaining requests left in the window
 * @param resetAt when the window resets
 */
public record RateLimit(double remaining, Instant resetAt) implements Serializable {

    /** Whether the next request would exceed the limit. */
    public boolean exhausted() {
        return remaining < 1;
    }

    /**
     * Reads the headers through {@code header} (name to first value); empty when the response has none. The reset
     * is an ISO instant (Mastodon), epoch seconds (Bluesky) or seconds from now (Reddit).
     */
    public static Optional<RateLimit> from(Function<String, Optional<String>> header, Instant now) {
        Optional<String> remaining =
                header.apply("x-ratelimit-remaining").or(() -> header.apply("ratelimit-remaining"));
        Optional<String> reset = header.apply("x-ratelimit-reset").or(() -> header.apply("ratelimit-reset"));
        if (remaining.isEmpty()) {
            return Optional.empty();
        }
        double left;
        try {
            left = Double.parseDouble(remaining.get().strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Instant at = now.plus(Duration.ofMinutes(5));
        if (reset.isPresent()) {
            String r = reset.get().strip();
            try {
                double seconds = Double.parseDouble(r);
                // more than a year of seconds can only be an epoch timestamp
                at = seconds > 31_536_000
                        ? Instant.ofEpochSecond((long) seconds)
                        : now.plusMillis((long) (seconds * 1000));
            } catch (NumberFormatException notNumber) {
                try {
                    at = Instant.parse(r);
                } catch (DateTimeParseException notIso) {
                    // keep the default window
                }
            }
        }
        return Optional.of(new RateLimit(left, at));
    }
}
