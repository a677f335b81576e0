package dev.vigie.jobs.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigie.jobs.watch.MailSettings;
import dev.vigie.jobs.watch.Secret;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MailerIT {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("vigie", "s3cret-pass"))
            .withPerMethodLifecycle(true);

    private static final byte[] PDF = "%PDF-1.7 fake but binary \u0000\u0001".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

    private static MailSettings smtp(String user, String password) {
        return MailSettings.smtp(
                URI.create("smtp://127.0.0.1:" + SMTP.getSmtp().getPort()),
                user,
                Secret.of(password),
                "vigie@acme.example");
    }

    private static MailMessage report() {
        return MailMessage.builder()
                .to("direction@acme.example", "cm@acme.example")
                .subject("Rapport hebdomadaire – Acme")
                .text("Bonjour,\nle rapport est joint.")
                .html("<p>Bonjour, <img src=\"cid:chart-volume\"></p>")
                .attach(Attachment.inline("chart-volume", "volume.png", "image/png", PNG))
                .attach(Attachment.of("rapport-acme-semaine-48.pdf", "application/pdf", PDF))
                .build();
    }

    @Test
    void sendsTextHtmlInlineImageAndAttachmentOverSmtpWithLogin() throws Exception {
        Delivery delivery = Mailer.create(smtp("vigie", "s3cret-pass")).send(report());

        assertThat(delivery.file()).isEmpty();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Rapport hebdomadaire – Acme");
        assertThat(m.getFrom()[0].toString()).isEqualTo("Vigie <vigie@acme.example>");
        assertThat(m.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("direction@acme.example", "cm@acme.example");
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(m.getMessageID()).isEqualTo(delivery.messageId());
        assertStructure(m);
    }

    private static void assertStructure(MimeMessage m) throws Exception {
        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(alternative.getBodyPart(0).getContent().toString().replace("\r\n", "\n"))
                .isEqualTo("Bonjour,\nle rapport est joint.");
        MimeMultipart related = (MimeMultipart) alternative.getBodyPart(1).getContent();
        assertThat(related.getBodyPart(0).getContent().toString()).contains("cid:chart-volume");
        BodyPart image = related.getBodyPart(1);
        assertThat(image.getHeader("Content-ID")).containsExactly("<chart-volume>");
        assertThat(bytes(image)).isEqualTo(PNG);
        BodyPart pdf = mixed.getBodyPart(1);
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo("rapport-acme-semaine-48.pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(bytes(pdf)).isEqualTo(PDF);
    }

    private static byte[] bytes(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void refusedLoginFailsWithoutShowingThePassword() {
        assertThatThrownBy(
                        () -> Mailer.create(smtp("vigie", "wrong-password-42")).send(report()))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("smtp://127.0.0.1:" + SMTP.getSmtp().getPort())
                .hasMessageNotContaining("wrong-password-42");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aSubjectFromAFeedCannotAddHeaders() throws Exception {
        Mailer.create(smtp("vigie", "s3cret-pass"))
                .send(MailMessage.builder()
                        .to("cm@acme.example")
                        .subject("Acme down\r\nBcc: victim@evil.example\r\n\r\nbody")
                        .text("x")
                        .build());
        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getSubject()).isEqualTo("Acme down Bcc: victim@evil.example body");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aServerThatIsDownFailsTheSendNamingIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MailSettings down =
                MailSettings.smtp(URI.create("smtp://127.0.0.1:" + port), "", Secret.NONE, "v@acme.example");
        assertThatThrownBy(() -> Mailer.create(down, 2_000).send(report()))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("smtp://127.0.0.1:" + port);
    }

    @Test
    void aServerThatNeverAnswersFailsTheSendAtTheMailersTimeout() throws Exception {
        // The server accepts and says nothing (no SMTP greeting) until the client hangs up, or for 60 s at most.
        // The client hanging up first is what its timeout is for; without one the server would give up first.
        CountDownLatch clientHungUp = new CountDownLatch(1);
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread server = new Thread(
                    () -> {
                        try (Socket client = silent.accept()) {
                            client.setSoTimeout(60_000);
                            if (client.getInputStream().read() < 0) {
                                clientHungUp.countDown();
                            }
                        } catch (IOException e) {
                            // a reset is a hang-up too; a read timeout (the server giving up) is not
                            if (!(e instanceof SocketTimeoutException)) {
                                clientHungUp.countDown();
                            }
                        }
                    },
                    "silent-smtp");
            server.setDaemon(true);
            server.start();
            MailSettings mute = MailSettings.smtp(
                    URI.create("smtp://127.0.0.1:" + silent.getLocalPort()), "", Secret.NONE, "v@acme.example");

            assertThatThrownBy(() -> Mailer.create(mute, 500).send(report()))
                    .isInstanceOf(MailDeliveryException.class)
                    .hasMessageContaining("smtp://127.0.0.1:" + silent.getLocalPort());
            server.join();
        }
        assertThat(clientHungUp.getCount())
                .as("the mailer hung up before the server gave up")
                .isZero();
    }

    @Test
    void withoutSmtpWritesAnEmlFileToTheOutbox(@TempDir Path dir) throws Exception {
        Path outbox = dir.resolve("outbox");
        Mailer mailer = Mailer.create(MailSettings.outbox(outbox.toString(), "vigie@acme.example"));
        Delivery delivery = mailer.send(report());

        assertThat(mailer.usesOutbox()).isTrue();
        assertThat(delivery.file()).isPresent();
        Path file = delivery.file().orElseThrow();
        assertThat(file.getParent()).isEqualTo(outbox);
        assertThat(file.getFileName().toString()).matches("\\d{8}T\\d{6}Z-rapport-hebdomadaire-acme-[0-9a-f]{8}\\.eml");
        try (var files = Files.list(outbox)) {
            assertThat(files.toList()).containsExactly(file); // no temporary file left behind
        }
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(m.getSubject()).isEqualTo("Rapport hebdomadaire – Acme");
            assertStructure(m);
        }
    }

    @Test
    void refusesBadMessages() {
        assertThatThrownBy(() -> MailMessage.builder().subject("s").text("t").build())
                .hasMessage("an email needs at least one recipient");
        assertThatThrownBy(() -> MailMessage.builder()
                        .to("a@b.example\r\nBcc: c@d.example")
                        .subject("s")
                        .text("t")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an email address");
        assertThatThrownBy(() -> MailMessage.builder()
                        .to("a@b.example")
                        .subject("\r\n")
                        .text("t")
                        .build())
                .hasMessage("an email needs a subject");
        assertThatThrownBy(() -> MailMessage.builder()
                        .to("a@b.example")
                        .subject("s")
                        .text("t")
                        .attach(Attachment.inline("c", "c.png", "image/png", PNG))
                        .build())
                .hasMessage("inline images need an HTML part");
        assertThatThrownBy(() -> Attachment.of("../etc/passwd", "text/plain", new byte[0]))
                .hasMessageContaining("must be a plain file name");
        assertThatThrownBy(() -> Attachment.of("a.pdf", "pdf", new byte[0]))
                .hasMessageContaining("is not type/subtype");
        assertThatThrownBy(() -> Attachment.inline("a b", "a.png", "image/png", PNG))
                .hasMessageContaining("content id");
        assertThatThrownBy(() -> Mailer.create(MailSettings.DEFAULT, 0))
                .hasMessageContaining("timeout must be positive");
    }
}
