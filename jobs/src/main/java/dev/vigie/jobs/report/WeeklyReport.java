package dev.vigie.jobs.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.vigie.jobs.mail.Attachment;
import dev.vigie.jobs.mail.Delivery;
import dev.vigie.jobs.mail.MailDeliveryException;
import dev.vigie.jobs.mail.MailMessage;
import dev.vigie.jobs.mail.Mailer;
import dev.vigie.jobs.report.internal.PdfWriter;
import dev.vigie.jobs.report.internal.ReportCharts;
import dev.vigie.jobs.report.internal.ReportView;
import dev.vigie.jobs.watch.Watch;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly competitive veille report of one watch: reads the week from Elasticsearch, renders it as HTML and PDF
 * and writes both into a folder; {@link #email} sends it. These are the entry points other jobs use
 * ({@code vigie demo}):
 *
 * <pre>{@code
 * ReportFiles files = WeeklyReport.generate(watch, IsoWeek.parse("2026-W47"), client, Path.of("reports"));
 * WeeklyReport.email(watch, files, watch.report().orElseThrow().to());
 * }</pre>
 */
public final class WeeklyReport {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyReport.class);
    private static final String HTML_TEMPLATE = "report/weekly-report.html.mustache";
    private static final String TEXT_TEMPLATE = "report/weekly-report.txt.mustache";
    /** Escapes HTML, after dropping what XML forbids (see {@link #xmlSafe}). */
    private static final MustacheFactory HTML = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            super.encode(xmlSafe(value), writer);
        }
    };
    /** The plain-text alternative of the email is not HTML: nothing to escape there. */
    private static final MustacheFactory TEXT = new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(xmlSafe(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private WeeklyReport() {}

    /**
     * A rendered report: its data, the HTML page (charts embedded as {@code data:} URIs), the PDF document, and the
     * email: subject, plain text, and HTML whose charts are {@code cid:} references to {@link #charts()}.
     */
    public record Rendered(
            WeeklyReportData data,
            String subject,
            String html,
            byte[] pdf,
            String emailText,
            String emailHtml,
            Map<String, byte[]> charts) {
        public Rendered {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(pdf, "pdf");
            Objects.requireNonNull(emailText, "emailText");
            Objects.requireNonNull(emailHtml, "emailHtml");
            charts = Collections.unmodifiableMap(new LinkedHashMap<>(charts));
        }
    }

    /** Where a generated report was written, with what it contains. */
    public record ReportFiles(Path html, Path pdf, Rendered report) {
        public ReportFiles {
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(pdf, "pdf");
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Reads {@code week} of {@code watch} from Elasticsearch, renders it in the watch's report language and writes
     * it into {@code outDir}. The entry point of {@code vigie demo} and of the {@code report} command.
     */
    public static ReportFiles generate(Watch watch, IsoWeek week, ElasticsearchClient client, Path outDir) {
        return generate(ReportScope.of(watch), week, client, outDir);
    }

    /** Reads {@code week} of the scope's watch from Elasticsearch, renders it and writes it into {@code outDir}. */
    public static ReportFiles generate(ReportScope scope, IsoWeek week, ElasticsearchClient client, Path outDir) {
        WeeklyReportData data = new WeeklyReportQuery(client).read(scope, week);
        return write(render(scope, data, LocalDate.now(Clock.systemUTC())), outDir);
    }

    /** Renders already computed data; {@code today} is the generation date printed in the footer. */
    public static Rendered render(ReportScope scope, WeeklyReportData data, LocalDate today) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(data, "data");
        if (!scope.watch().equals(data.watch())) {
            throw new IllegalArgumentException(
                    "data of watch '" + data.watch() + "' cannot be rendered for watch '" + scope.watch() + "'");
        }
        ReportView view = new ReportView(scope);
        Map<String, byte[]> charts = view.charts(data);
        Map<String, String> embedded = new LinkedHashMap<>();
        Map<String, String> inline = new LinkedHashMap<>();
        charts.forEach((name, png) -> {
            embedded.put(name, ReportCharts.dataUri(png));
            inline.put(name, "cid:" + name);
        });
        String page = execute(HTML.compile(HTML_TEMPLATE), view.model(data, today, embedded));
        String emailHtml = execute(HTML.compile(HTML_TEMPLATE), view.model(data, today, inline));
        String text = execute(TEXT.compile(TEXT_TEMPLATE), view.model(data, today, Map.of()));
        byte[] pdf = PdfWriter.toPdf(page);
        return new Rendered(data, view.subject(data), page, pdf, text, emailHtml, charts);
    }

    /**
     * Drops the characters XML forbids (control characters, unpaired surrogates, U+FFFE/U+FFFF) that scraped text
     * sometimes carries: the PDF renderer parses the page as XHTML and would refuse the whole report for one of them.
     */
    static String xmlSafe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String execute(Mustache template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        template.execute(out, model);
        return out.toString();
    }

    /**
     * Emails a report to {@code to} with the watch's mail settings (SMTP, or the outbox folder): the HTML as body
     * with its charts inline, a plain-text alternative, and the PDF attached.
     *
     * @throws MailDeliveryException when the server refuses the message or the outbox cannot be written
     */
    public static Delivery email(Watch watch, ReportFiles files, List<String> to) throws MailDeliveryException {
        Objects.requireNonNull(watch, "watch");
        Rendered report = files.report();
        MailMessage.Builder message = MailMessage.builder()
                .to(to)
                .subject(report.subject())
                .text(report.emailText())
                .html(report.emailHtml());
        report.charts()
                .forEach((name, png) -> message.attach(Attachment.inline(name, name + ".png", "image/png", png)));
        message.attach(Attachment.of(files.pdf().getFileName().toString(), "application/pdf", report.pdf()));
        Mailer mailer = Mailer.create(watch.mail());
        Delivery delivery = mailer.send(message.build());
        LOG.info(
                "Emailed weekly report of watch {} for {} to {} via {}",
                watch.id(),
                report.data().week(),
                to,
                mailer.destination());
        return delivery;
    }

    /** Writes {@code vigie-report-<watch>-<week>.html} and {@code .pdf} into {@code outDir}, creating it. */
    public static ReportFiles write(Rendered report, Path outDir) {
        try {
            Files.createDirectories(outDir);
            String base = "vigie-report-" + report.data().watch() + "-"
                    + report.data().week();
            Path html = outDir.resolve(base + ".html");
            Path pdf = outDir.resolve(base + ".pdf");
            Files.writeString(html, report.html(), StandardCharsets.UTF_8);
            Files.write(pdf, report.pdf());
            LOG.info(
                    "Wrote weekly report of watch {} for {} to {} and {}",
                    report.data().watch(),
                    report.data().week(),
                    html,
                    pdf);
            return new ReportFiles(html, pdf, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir, e);
        }
    }
}
