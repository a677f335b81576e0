package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.util.Objects;

/**
 * A secret read from the environment (an API key, an SMTP password). It never prints: {@link #toString()} is masked
 * so that a secret cannot leak into a log line, an exception message or a record's {@code toString()}.
 */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No secret configured. */
    public static final Secret NONE = new Secret("");

    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A secret holding {@code value}; an empty value is {@link #NONE}. */
    public static Secret of(String value) {
        return value == null || value.isEmpty() ? NONE : new Secret(value);
    }

    /** The clear value, for the one place that hands it to a client (an HTTP header, an SMTP login). */
    public String reveal() {
        return value;
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    @Override
    public String toString() {
        return isPresent() ? MASK : "(none)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
