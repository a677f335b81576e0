package dev.vigie.jobs.mail;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a sent email.
 *
 * @param messageId  the Message-ID header
 * @param outboxFile the {@code .eml} file written, {@code null} when the email went over SMTP
 */
public record Delivery(String messageId, Path outboxFile) {
    public Delivery {
        Objects.requireNonNull(messageId, "messageId");
    }

    public Optional<Path> file() {
        return Optional.ofNullable(outboxFile);
    }
}
