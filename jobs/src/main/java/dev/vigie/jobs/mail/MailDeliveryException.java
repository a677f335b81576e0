package dev.vigie.jobs.mail;

/**
 * An email could not be handed over (SMTP server down or refusing, outbox not writable). Checked, because callers
 * must keep what they tried to send for a later attempt.
 */
public final class MailDeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
