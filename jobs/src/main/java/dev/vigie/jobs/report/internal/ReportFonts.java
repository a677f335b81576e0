package dev.vigie.jobs.report.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The report's typeface, DejaVu Sans, bundled under {@code report/fonts/} (licence beside it). Bundling it makes the
 * charts and the PDF look the same on every machine, including servers without fonts, and covers accents and the
 * typographic signs French needs (narrow no-break spaces, guillemets, arrows).
 */
public final class ReportFonts {

    /** The family name the HTML asks for and the PDF renderer registers. */
    public static final String FAMILY = "DejaVu Sans";

    static final String REGULAR = "/report/fonts/DejaVuSans.ttf";
    static final String BOLD = "/report/fonts/DejaVuSans-Bold.ttf";

    private static final Font REGULAR_FONT = load(REGULAR);
    private static final Font BOLD_FONT = load(BOLD);

    private ReportFonts() {}

    public static Font regular(float size) {
        return REGULAR_FONT.deriveFont(size);
    }

    public static Font bold(float size) {
        return BOLD_FONT.deriveFont(size);
    }

    /** A fresh stream of a bundled font file; the caller closes it. */
    public static InputStream open(String resource) {
        InputStream in = ReportFonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("font " + resource + " missing from the classpath");
        }
        return in;
    }

    private static Font load(String resource) {
        try (InputStream in = open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + resource + " is not a TrueType font", e);
        }
    }
}
