package dev.vigie.jobs.mail;

import java.util.Objects;

/**
 * A digest could not be handed over (SMTP server down or refusing, outbox not writable, a webhook endpoint down or
 * refusing), or it is not known whether it was. Checked, because callers must keep what they tried to send for a later
 * attempt. Messages never hold a webhook's URL path or query (its secret).
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
        /** A webhook endpoint could not be reached (refused, no route, time-out before the request was sent). */
        WEBHOOK_UNREACHABLE("endpoint unreachable"),
        /**
         * A webhook endpoint answered 5xx or 429 (Too Many Requests) for longer than the run's patience, or asked to
         * retry later than that: not delivered, the next run tries again.
         */
        WEBHOOK_BUSY("endpoint busy"),
        /**
         * A webhook endpoint refused the request with an answer that will not change by sending it again (400, 401,
         * 403, 404, 410, a redirect to another host): the hits are recorded as failed, with the reason.
         */
        WEBHOOK_REJECTED("endpoint refused"),
        /** The whole request was sent and no answer came (time-out, connection lost): it may have been delivered. */
        WEBHOOK_OUTCOME_UNKNOWN("endpoint answer not received"),
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
        return kind == Kind.SMTP_OUTCOME_UNKNOWN || kind == Kind.WEBHOOK_OUTCOME_UNKNOWN;
    }

    /** Whether sending the same digest again can never succeed: it is recorded as failed, not kept pending. */
    public boolean permanent() {
        return kind == Kind.WEBHOOK_REJECTED;
    }
}
