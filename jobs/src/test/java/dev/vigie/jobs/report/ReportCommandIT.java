package dev.vigie.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigie.dashboards.testing.ElasticsearchExtension;
import dev.vigie.jobs.cli.ExitCodes;
import dev.vigie.jobs.cli.Vigie;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie report} end to end: watch file, real Elasticsearch, files written, email received by GreenMail. */
@ExtendWith(ElasticsearchExtension.class)
class ReportCommandIT {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

    @BeforeAll
    static void indexFixtures(ElasticsearchClient es) throws IOException {
        ReportFixtures.index(es);
    }

    private static Path watchFile(Path dir, URI es, String smtp, String language) throws IOException {
        Path file = dir.resolve("acme-it.yaml");
        Files.writeString(file, """
                watch: acme-it
                language: %s
                timezone: Europe/Paris
                brand: { name: Acme, aliases: ["Acme Corp"] }
                competitors:
                  - { name: Globex }
                  - { name: Initech }
                themes:
                  - { id: support, label: "Service client", keywords: [panne, support] }
                  - { id: pricing, label: "Prix", keywords: [prix, tarif] }
                  - { id: product, label: "Produit", keywords: [version] }
                report: { weekly: { to: ["direction@acme.example", "cm@acme.example"], language: %s } }
                elasticsearch: { url: "%s" }
                mail: { %s, from: "vigie@acme.example" }
                """.formatted(
                        language,
                        language,
                        es,
                        smtp == null ? "outbox: \"" + dir.resolve("outbox") + "\"" : "smtp: \"" + smtp + "\""));
        return file;
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Vigie.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void writesHtmlAndPdfAndEmailsThePdfToTheRecipients(@TempDir Path dir, URI es) throws Exception {
        Path watch = watchFile(dir, es, "smtp://127.0.0.1:" + SMTP.getSmtp().getPort(), "fr");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(
                out,
                err,
                "report",
                "--watch",
                watch.toString(),
                "--week",
                "2026-W47",
                "--out",
                dir.resolve("reports").toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        Path pdf = dir.resolve("reports/vigie-report-acme-it-2026-W47.pdf");
        Path html = dir.resolve("reports/vigie-report-acme-it-2026-W47.html");
        assertThat(out.toString())
                .contains(
                        "Report of 'acme-it' for 2026-W47",
                        "55 mentions",
                        "Emailed to direction@acme.example, cm@acme.example");
        assertThat(Files.readString(html))
                .contains("Part de voix", "Service client")
                // the outage title is escaped, not interpreted
                .contains(
                        "Panne géante chez Acme : &lt;b&gt;des milliers&lt;/b&gt; de clients privés de service &amp; colère")
                .doesNotContain("Other client", "Secret Source");

        byte[] pdfBytes = Files.readAllBytes(pdf);
        try (PDDocument doc = Loader.loadPDF(pdfBytes)) {
            assertThat(doc.getNumberOfPages()).isBetween(2, 4);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(
                            "Acme",
                            "Semaine 2026-W47",
                            "16 – 22 novembre 2026",
                            "Part de voix",
                            "Volume par jour",
                            "Sentiment par marque",
                            "Sujets principaux",
                            "Auteurs les plus influents",
                            "Thèmes en hausse et en baisse",
                            "Changements sur les sites concurrents",
                            "Alertes de la semaine",
                            "Pics de volume",
                            "Mercredi 18 novembre",
                            "Le Monde Tech",
                            "Pro : 29 € / mois",
                            "crisis",
                            "Principales sources",
                            "bsky.app",
                            "Envois d’alertes",
                            "quotidien");
        }

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one per recipient mailbox
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Rapport hebdomadaire 2026-W47 : Acme, 55 mentions");
        assertThat(mail.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("direction@acme.example", "cm@acme.example");
        List<Part> parts = new ArrayList<>();
        collect(mail, parts);
        Part attachment = parts.stream()
                .filter(p -> "application/pdf".equals(baseType(p)))
                .findFirst()
                .orElseThrow();
        assertThat(attachment.getFileName()).isEqualTo("vigie-report-acme-it-2026-W47.pdf");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdfBytes);
        }
        assertThat(parts.stream().filter(p -> "image/png".equals(baseType(p)))).hasSize(3);
        String body = parts.stream()
                .filter(p -> "text/html".equals(baseType(p)))
                .findFirst()
                .orElseThrow()
                .getContent()
                .toString();
        assertThat(body).contains("cid:share-of-voice", "Part de voix").doesNotContain("data:image/png");
    }

    @Test
    void noEmailWritesTheEnglishReportAndSendsNothing(@TempDir Path dir, URI es) throws Exception {
        Path watch = watchFile(dir, es, "smtp://127.0.0.1:" + SMTP.getSmtp().getPort(), "en");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(
                out,
                err,
                "report",
                "-w",
                watch.toString(),
                "--week",
                "2026-W47",
                "--no-email",
                "--out",
                dir.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        try (PDDocument doc =
                Loader.loadPDF(dir.resolve("vigie-report-acme-it-2026-W47.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Share of voice", "Wednesday 18 November");
        }
    }

    @Test
    void emptyWeekGivesAOnePageReportInTheOutbox(@TempDir Path dir, URI es) throws Exception {
        Path watch = watchFile(dir, es, null, "en");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "report", "-w", watch.toString(), "--week", "2025-W10", "--out", dir.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        try (PDDocument doc =
                Loader.loadPDF(dir.resolve("vigie-report-acme-it-2025-W10.pdf").toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("No mentions this week");
        }
        try (var files = Files.list(dir.resolve("outbox"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".eml"))).hasSize(1);
        }
    }

    @Test
    void badWeekIsAUsageError(@TempDir Path dir, URI es) throws Exception {
        Path watch = watchFile(dir, es, null, "en");
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "report", "-w", watch.toString(), "--week", "2026-47");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--week", "2026-47");
    }

    private static String baseType(Part p) {
        try {
            return p.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, List<Part> leaves) throws Exception {
        if (part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                collect(child, leaves);
            }
        } else {
            leaves.add(part);
        }
    }
}
