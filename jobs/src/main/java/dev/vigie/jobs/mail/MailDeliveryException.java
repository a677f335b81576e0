package dev.vigie.jobs.mail;

import java.util.Objects;

/**
 * An email could not be handed over (SMTP server down or refusing, outbox not writable), or it is not known whether
 * it was. Checked, because callers must keep what they tried to send for a later attempt.
 */
public final class MailDeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, in words a summary line can show. */
    public enum Kind {
        /** The SMTP server could not be reached (refused, no route, time-out before the message was sent). */
        SMTP_UNREACHABLE("SMTP server unreachable"),
        /** The SMTP server answered with an error (recipient, sender or message refused, login failed). */
        SMTP_REFUSED("SMTP server refused"),
        /**
         * The whole message was sent but the server's acknowledgement did not come (time-out, connection lost): the
         * server may have accepted it. Not a failure: sending again could deliver it twice.
         */
        SMTP_OUTCOME_UNKNOWN("SMTP acknowledgement not received"),
        /** The outbox's file system is full. */
        OUTBOX_FULL("outbox full"),
        /** The outbox cannot be written (read-only file system, no permission, not a folder). */
        OUTBOX_NOT_WRITABLE("outbox read-only"),
        /** Any other failure. */
        OTHER("delivery failed");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** A few words for a summary: "outbox full". */
        public String text() {
            return text;
        }
    }

    private final Kind kind;

    public MailDeliveryException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public MailDeliveryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the message may have been delivered all the same (a time-out after the whole message was sent). */
    public boolean outcomeUnknown() {
        return kind == Kind.SMTP_OUTCOME_UNKNOWN;
    }
}
