package dev.vigie.jobs.report.internal;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Converts the report's XHTML to PDF with openhtmltopdf. The same HTML as the email is used, so the two cannot
 * drift apart; print-only layout (A4 pages, page numbers) lives in the template's {@code @page} rules, which
 * browsers ignore on screen. The bundled DejaVu Sans is embedded so the PDF reads the same everywhere.
 */
public final class PdfWriter {

    /**
     * PDFBox warns once per JVM that it substitutes a font for the PDF base font Symbol, which openhtmltopdf
     * registers but the report never uses (all its text is DejaVu Sans): a warning users could do nothing about.
     */
    private static final Logger PDFBOX_TYPE1 = Logger.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font");

    static {
        XRLog.setLoggerImpl(new Slf4jXRLogger());
        PDFBOX_TYPE1.setLevel(Level.SEVERE);
    }

    private PdfWriter() {}

    public static byte[] toPdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        FSSupplier<InputStream> regular = () -> ReportFonts.open(ReportFonts.REGULAR);
        FSSupplier<InputStream> bold = () -> ReportFonts.open(ReportFonts.BOLD);
        builder.useFont(regular, ReportFonts.FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(bold, ReportFonts.FAMILY, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the report as PDF", e);
        }
        return out.toByteArray();
    }
}
