package dev.vigie.jobs.watch;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How emails leave: over SMTP when {@code smtp} is set, else as {@code .eml} files in the outbox folder (a safe
 * default for trying Vigie: nothing is sent by mistake).
 *
 * @param smtp     {@code smtp://host:port} (STARTTLS when the server offers it) or {@code smtps://host:port}
 *                 (TLS from the start); {@code null} for the outbox
 * @param username SMTP login, empty for none
 * @param password SMTP password, from the environment
 * @param from     sender address
 * @param outbox   folder for {@code .eml} files when there is no SMTP server; relative to the working directory
 */
public record MailSettings(URI smtp, String username, Secret password, String from, String outbox)
        implements Serializable {
    public static final String DEFAULT_FROM = "vigie@localhost";
    public static final String DEFAULT_OUTBOX = "outbox";
    public static final MailSettings DEFAULT = outbox(DEFAULT_OUTBOX, DEFAULT_FROM);

    public MailSettings {
        if (smtp != null) {
            String scheme = smtp.getScheme() == null ? "" : smtp.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("smtp") || scheme.equals("smtps")) || smtp.getHost() == null) {
                throw new IllegalArgumentException(
                        "mail smtp '" + smtp + "' is not smtp://host:port or smtps://host:port");
            }
            if (smtp.getUserInfo() != null) {
                throw new IllegalArgumentException(
                        "mail smtp URL must not carry credentials: use username and password");
            }
        }
        username = username == null ? "" : username;
        password = password == null ? Secret.NONE : password;
        if (Checks.email(from) != null) {
            throw new IllegalArgumentException("mail from '" + from + "' is not " + Checks.email(from));
        }
        outbox = outbox == null || outbox.isBlank() ? DEFAULT_OUTBOX : outbox;
    }

    /** Emails written to {@code folder} as {@code .eml} files. */
    public static MailSettings outbox(String folder, String from) {
        return new MailSettings(null, "", Secret.NONE, from, folder);
    }

    /** Emails sent through the SMTP server at {@code smtp}. */
    public static MailSettings smtp(URI smtp, String username, Secret password, String from) {
        return new MailSettings(smtp, username, password, from, DEFAULT_OUTBOX);
    }

    public Optional<URI> smtpServer() {
        return Optional.ofNullable(smtp);
    }

    public Path outboxPath() {
        return Path.of(outbox);
    }
}
