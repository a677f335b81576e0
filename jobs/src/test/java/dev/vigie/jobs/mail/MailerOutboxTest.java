package dev.vigie.jobs.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigie.jobs.watch.MailSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox under faults: a full disk, a folder that cannot be written, a digest written twice. */
class MailerOutboxTest {

    private static MailMessage digest(String id) {
        return MailMessage.builder()
                .to("cm@acme.example")
                .subject("Alert crisis")
                .text("Acme outage")
                .messageId(id)
                .build();
    }

    @Test
    void sortsOutboxFailuresByTheirCause() throws IOException {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full), "needs /dev/full (Linux)");
        IOException noSpace = null;
        try (OutputStream out = Files.newOutputStream(full)) {
            out.write(new byte[8192]);
            out.flush();
        } catch (IOException e) {
            noSpace = e;
        }
        assertThat(noSpace).as("writing /dev/full fails as a full disk does").isNotNull();
        assertThat(Mailer.outboxFailure(noSpace)).isEqualTo(MailDeliveryException.Kind.OUTBOX_FULL);
        assertThat(Mailer.outboxFailure(new AccessDeniedException("/outbox")))
                .isEqualTo(MailDeliveryException.Kind.OUTBOX_NOT_WRITABLE);
        assertThat(Mailer.outboxFailure(
                        new java.nio.file.FileSystemException("/outbox/x", null, "Read-only file system")))
                .isEqualTo(MailDeliveryException.Kind.OUTBOX_NOT_WRITABLE);
        assertThat(Mailer.outboxFailure(new IOException("something else"))).isEqualTo(MailDeliveryException.Kind.OTHER);
    }

    @Test
    void aFailedWriteLeavesNoPartialFile(@TempDir Path dir) throws IOException {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full), "needs /dev/full (Linux)");
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        Files.createSymbolicLink(outbox.resolve(".vigie-digest-1.eml.tmp"), full);
        Mailer mailer = Mailer.create(MailSettings.outbox(outbox.toString(), "vigie@acme.example"));

        assertThatThrownBy(() -> mailer.send(digest("vigie-digest-1")))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailDeliveryException.Kind.OUTBOX_FULL);
                    assertThat(e.outcomeUnknown()).isFalse();
                    assertThat(e.getMessage()).contains(outbox.toString());
                });
        try (var files = Files.list(outbox)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void aDigestAlreadyInTheOutboxIsNotWrittenTwice(@TempDir Path dir) throws Exception {
        Path outbox = dir.resolve("outbox");
        Mailer mailer = Mailer.create(MailSettings.outbox(outbox.toString(), "vigie@acme.example"));

        Delivery first = mailer.send(digest("vigie-digest-2"));
        Delivery again = mailer.send(digest("vigie-digest-2"));

        assertThat(again.file()).isEqualTo(first.file());
        assertThat(first.messageId()).isEqualTo("<vigie-digest-2@acme.example>");
        try (var files = Files.list(outbox)) {
            assertThat(files.toList()).hasSize(1);
        }
        assertThat(Files.readString(first.file().orElseThrow())).contains("Message-ID: <vigie-digest-2@acme.example>");
    }
}
