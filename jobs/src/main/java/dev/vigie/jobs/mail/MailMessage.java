package dev.vigie.jobs.mail;

import dev.vigie.jobs.watch.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An email to send: recipients, a subject, a plain-text part, an optional HTML part, attachments.
 *
 * <p>The subject is cleaned of line breaks and control characters (a title from a feed cannot add a header) and
 * recipients must be plain addresses ({@code name@example.com}).
 *
 * <p>{@code messageId}, when given, is the left part of the Message-ID header ({@code <messageId@sender-domain>})
 * and names the outbox file: a message sent again under the same id (an alert digest whose first delivery had an
 * unknown outcome) is recognisable as the same message, and the outbox writes it only once. Without it, the mail
 * library makes a unique one.
 */
public record MailMessage(
        List<String> to, String subject, String text, String html, List<Attachment> attachments, String messageId) {
    /** Longest subject kept; longer ones are cut with an ellipsis. */
    public static final int MAX_SUBJECT_LENGTH = 200;

    public MailMessage {
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an email needs at least one recipient");
        }
        for (String address : to) {
            if (Checks.email(address) != null) {
                throw new IllegalArgumentException("recipient '" + address + "' is not " + Checks.email(address));
            }
        }
        subject = cleanSubject(Objects.requireNonNull(subject, "subject"));
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("an email needs a subject");
        }
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
        if (html == null && attachments.stream().anyMatch(Attachment::isInline)) {
            throw new IllegalArgumentException("inline images need an HTML part");
        }
        if (messageId != null && !messageId.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new IllegalArgumentException("messageId must be [A-Za-z0-9._-]{1,128}, was '" + messageId + "'");
        }
    }

    /** A message whose Message-ID the mail library makes. */
    public MailMessage(List<String> to, String subject, String text, String html, List<Attachment> attachments) {
        this(to, subject, text, html, attachments, null);
    }

    /** Line breaks, tabs and other control characters become one space; the result is trimmed and capped. */
    static String cleanSubject(String subject) {
        String clean = subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ")
                .replaceAll(" {2,}", " ")
                .trim();
        return clean.length() <= MAX_SUBJECT_LENGTH
                ? clean
                : clean.substring(0, MAX_SUBJECT_LENGTH - 1).trim() + "…";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a message; {@link #build()} applies the record's checks. */
    public static final class Builder {
        private final List<String> to = new ArrayList<>();
        private String subject;
        private String text;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();
        private String messageId;

        private Builder() {}

        public Builder to(String... addresses) {
            to.addAll(List.of(addresses));
            return this;
        }

        public Builder to(List<String> addresses) {
            to.addAll(addresses);
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder html(String html) {
            this.html = html;
            return this;
        }

        public Builder attach(Attachment attachment) {
            attachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /** The left part of the Message-ID ({@code [A-Za-z0-9._-]}): the same id for the same message, always. */
        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        public MailMessage build() {
            return new MailMessage(to, subject, text, html, attachments, messageId);
        }
    }
}
