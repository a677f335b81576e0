package dev.vigie.jobs.mail;

import dev.vigie.jobs.mail.internal.DigestRenderer;
import java.util.Objects;

/** A digest by email to one recipient: HTML and plain text, the digest id as Message-ID. */
public final class EmailChannel implements Channel {
    private final Mailer mailer;
    private final String recipient;

    public EmailChannel(Mailer mailer, String recipient) {
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.recipient = Objects.requireNonNull(recipient, "recipient");
    }

    @Override
    public String id() {
        return recipient;
    }

    @Override
    public String describe() {
        return recipient;
    }

    @Override
    public String endpoint() {
        return "mail " + mailer.destination();
    }

    @Override
    public int maxHitsPerDigest() {
        return Integer.MAX_VALUE; // one email per rule and recipient; the renderer caps what it shows
    }

    @Override
    public Delivery deliver(Digest digest) throws MailDeliveryException {
        DigestRenderer.Rendered rendered = DigestRenderer.render(
                digest.watch().language(),
                digest.watch().timezone(),
                digest.watch().id(),
                digest.watch().brand().name(),
                digest.rule(),
                digest.items());
        return mailer.send(MailMessage.builder()
                .to(recipient)
                .subject(rendered.subject())
                .text(rendered.text())
                .html(rendered.html())
                .messageId(digest.id())
                .build());
    }
}
