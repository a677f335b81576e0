package dev.vigie.jobs.mail;

import dev.vigie.jobs.watch.MailSettings;
import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends emails as the watch's {@code mail} settings say: over SMTP (Jakarta Mail; STARTTLS when the server offers it
 * for {@code smtp://}, TLS from the start for {@code smtps://}, login when a username is set), or, without an SMTP
 * server, as {@code .eml} files in the outbox folder, written atomically so that a reader never sees half a file.
 *
 * <p>Every message is multipart: the plain text and the HTML as alternatives, inline images with the HTML, then the
 * attachments. Thread-safe; one instance per watch is enough.
 */
public final class Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    /** Connect, read and write timeout of SMTP, so that a dead server fails a send instead of hanging a run. */
    public static final int DEFAULT_TIMEOUT_MILLIS = 10_000;
    /** The display name of the sender. */
    public static final String SENDER_NAME = "Vigie";

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final MailSettings settings;
    private final Session session;
    private final Clock clock;

    private Mailer(MailSettings settings, int timeoutMillis, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.getInstance(properties(settings, timeoutMillis));
    }

    /** A mailer for these settings, with {@link #DEFAULT_TIMEOUT_MILLIS}. */
    public static Mailer create(MailSettings settings) {
        return new Mailer(settings, DEFAULT_TIMEOUT_MILLIS, Clock.systemUTC());
    }

    /** A mailer with another SMTP timeout (tests of a dead server). */
    public static Mailer create(MailSettings settings, int timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeoutMillis);
        }
        return new Mailer(settings, timeoutMillis, Clock.systemUTC());
    }

    /** Where emails go, for people: {@code smtp://host:port} or the outbox folder. */
    public String destination() {
        return settings.smtpServer()
                .map(URI::toString)
                .orElse(settings.outboxPath().toAbsolutePath().normalize().toString());
    }

    public boolean usesOutbox() {
        return settings.smtpServer().isEmpty();
    }

    /**
     * Sends one email, or writes it to the outbox.
     *
     * @throws MailDeliveryException when the SMTP server cannot be reached or refuses the message, or the outbox
     *                               cannot be written (nothing was delivered then, and no partial file is left);
     *                               or when the whole message was sent and the server's acknowledgement did not
     *                               come ({@link MailDeliveryException#outcomeUnknown()}: it may have been delivered)
     */
    public Delivery send(MailMessage message) throws MailDeliveryException {
        MimeMessage mime;
        try {
            mime = toMime(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("cannot build email '" + message.subject() + "': " + e.getMessage(), e);
        }
        return settings.smtpServer().isPresent() ? sendSmtp(mime, message) : writeOutbox(mime, message);
    }

    private Delivery sendSmtp(MimeMessage mime, MailMessage message) throws MailDeliveryException {
        URI smtp = settings.smtpServer().orElseThrow();
        String protocol = smtp.getScheme().toLowerCase(Locale.ROOT).equals("smtps") ? "smtps" : "smtp";
        TrackingTransport transport = new TrackingTransport(session, protocol);
        try {
            try {
                transport.connect(
                        smtp.getHost(),
                        port(smtp),
                        settings.username().isEmpty() ? null : settings.username(),
                        settings.username().isEmpty()
                                ? null
                                : settings.password().reveal());
                transport.sendMessage(mime, mime.getAllRecipients());
            } finally {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.debug("Closing the SMTP connection to {} failed: {}", smtp, e.toString());
                }
            }
            String id = mime.getMessageID();
            LOG.debug("Sent '{}' to {} through {}", message.subject(), message.to(), smtp);
            return new Delivery(id, null);
        } catch (MessagingException e) {
            // The cause names the host and the socket error; it never holds the password.
            boolean answered = answered(e);
            MailDeliveryException.Kind kind = transport.wholeMessageSent() && !answered
                    ? MailDeliveryException.Kind.SMTP_OUTCOME_UNKNOWN
                    : answered ? MailDeliveryException.Kind.SMTP_REFUSED : MailDeliveryException.Kind.SMTP_UNREACHABLE;
            String what = kind == MailDeliveryException.Kind.SMTP_OUTCOME_UNKNOWN
                    ? "sent '" + message.subject() + "' through " + smtp
                            + " but got no acknowledgement (the server may " + "have accepted it)"
                    : "cannot send '" + message.subject() + "' through " + smtp;
            throw new MailDeliveryException(kind, what + ": " + rootMessage(e), e);
        }
    }

    /** Whether the server answered with an error code (as opposed to no answer at all). */
    private static boolean answered(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPSendFailedException
                    || t instanceof SMTPAddressFailedException
                    || t instanceof AuthenticationFailedException) {
                return true;
            }
            if (t instanceof IOException) {
                return false;
            }
        }
        return false;
    }

    private static int port(URI smtp) {
        return smtp.getPort() > 0 ? smtp.getPort() : smtp.getScheme().equalsIgnoreCase("smtps") ? 465 : 25;
    }

    /**
     * Angus Mail's SMTP transport, noting when the end of the message (the final {@code .} of DATA, or the last BDAT
     * chunk) is being written: from then on, a missing answer means the server may have accepted the message.
     */
    private static final class TrackingTransport extends SMTPTransport {
        private volatile boolean wholeMessageSent;

        TrackingTransport(Session session, String protocol) {
            super(session, new URLName(protocol, null, -1, null, null, null), protocol, protocol.equals("smtps"));
        }

        boolean wholeMessageSent() {
            return wholeMessageSent;
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            wholeMessageSent = true;
            super.finishData();
        }

        @Override
        protected void finishBdat() throws IOException, MessagingException {
            wholeMessageSent = true;
            super.finishBdat();
        }
    }

    private Delivery writeOutbox(MimeMessage mime, MailMessage message) throws MailDeliveryException {
        Path dir = settings.outboxPath();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            String key =
                    message.messageId() == null ? UUID.randomUUID().toString().substring(0, 8) : message.messageId();
            if (message.messageId() != null) {
                // written by an earlier attempt whose outcome was not recorded (a crash): not twice
                try (DirectoryStream<Path> earlier = Files.newDirectoryStream(dir, "*-" + key + ".eml")) {
                    for (Path file : earlier) {
                        LOG.info("'{}' is already in the outbox as {}; not written again", message.subject(), file);
                        return new Delivery(mime.getMessageID(), file);
                    }
                }
            }
            String name = FILE_TIME.format(clock.instant()) + "-" + slug(message.subject()) + "-" + key + ".eml";
            Path target = dir.resolve(name);
            tmp = dir.resolve("." + key + ".eml.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                mime.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            LOG.debug("Wrote '{}' for {} to {}", message.subject(), message.to(), target);
            return new Delivery(mime.getMessageID(), target);
        } catch (IOException | MessagingException e) {
            throw new MailDeliveryException(
                    outboxFailure(e),
                    "cannot write '" + message.subject() + "' to the outbox " + dir + ": " + rootMessage(e),
                    e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("Could not remove the partial outbox file {}: {}", tmp, e.toString());
                }
            }
        }
    }

    /** Sorts an outbox failure by its cause: a full disk, a folder that cannot be written, or anything else. */
    static MailDeliveryException.Kind outboxFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("no space left") || text.contains("disk quota")) {
                return MailDeliveryException.Kind.OUTBOX_FULL;
            }
            if (t instanceof AccessDeniedException
                    || t instanceof FileAlreadyExistsException
                    || t instanceof NotDirectoryException
                    || text.contains("read-only file system")
                    || text.contains("permission denied")
                    || text.contains("operation not permitted")) {
                return MailDeliveryException.Kind.OUTBOX_NOT_WRITABLE;
            }
        }
        return MailDeliveryException.Kind.OTHER;
    }

    private MimeMessage toMime(MailMessage message) throws MessagingException, UnsupportedEncodingException {
        String fixedId =
                message.messageId() == null ? null : "<" + message.messageId() + "@" + domainOf(settings.from()) + ">";
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (fixedId == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", fixedId);
                }
            }
        };
        mime.setFrom(new InternetAddress(settings.from(), SENDER_NAME, "UTF-8"));
        for (String to : message.to()) {
            mime.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        }
        mime.setSubject(message.subject(), "UTF-8");
        mime.setSentDate(Date.from(clock.instant()));
        // RFC 3834: an automatic message; vacation responders should not answer it.
        mime.setHeader("Auto-Submitted", "auto-generated");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8", "plain");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        if (message.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), "UTF-8", "html");
            if (message.attachments().stream().anyMatch(Attachment::isInline)) {
                MimeMultipart related = new MimeMultipart("related");
                related.addBodyPart(html);
                for (Attachment a : message.attachments()) {
                    if (a.isInline()) {
                        MimeBodyPart image = part(a);
                        image.setContentID("<" + a.contentId() + ">");
                        image.setDisposition(MimeBodyPart.INLINE);
                        related.addBodyPart(image);
                    }
                }
                MimeBodyPart relatedPart = new MimeBodyPart();
                relatedPart.setContent(related);
                alternative.addBodyPart(relatedPart);
            } else {
                alternative.addBodyPart(html);
            }
        }
        if (message.attachments().stream().noneMatch(a -> !a.isInline())) {
            mime.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (Attachment a : message.attachments()) {
                if (!a.isInline()) {
                    MimeBodyPart file = part(a);
                    file.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(file);
                }
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    private static MimeBodyPart part(Attachment a) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
        try {
            part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(a.filename(), "UTF-8", null));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("cannot encode file name " + a.filename(), e);
        }
        return part;
    }

    private static Properties properties(MailSettings settings, int timeoutMillis) {
        Properties p = new Properties();
        settings.smtpServer().ifPresent(smtp -> {
            boolean tls = smtp.getScheme().toLowerCase(Locale.ROOT).equals("smtps");
            String protocol = tls ? "smtps" : "smtp";
            p.put("mail.transport.protocol", protocol);
            // Transport.send picks the transport by address type: without this, smtps:// would be sent as smtp.
            p.put("mail.transport.protocol.rfc822", protocol);
            p.put("mail." + protocol + ".host", smtp.getHost());
            p.put("mail." + protocol + ".port", String.valueOf(smtp.getPort() > 0 ? smtp.getPort() : tls ? 465 : 25));
            p.put(
                    "mail." + protocol + ".auth",
                    String.valueOf(!settings.username().isEmpty()));
            p.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeoutMillis));
            p.put("mail." + protocol + ".timeout", String.valueOf(timeoutMillis));
            p.put("mail." + protocol + ".writetimeout", String.valueOf(timeoutMillis));
            if (!tls) {
                p.put("mail.smtp.starttls.enable", "true");
            }
        });
        p.put("mail.from", settings.from());
        return p;
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return domain.isEmpty() ? "vigie.invalid" : domain;
    }

    static String slug(String subject) {
        String s = java.text.Normalizer.normalize(subject, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        s = s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
        return s.isEmpty() ? "email" : s;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
