package dev.vigie.connectors.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the charset of a fetched body the way browsers and feed readers do: byte order mark first, then the
 * {@code charset} of the {@code Content-Type} header, then the XML declaration or an HTML {@code <meta>}, else UTF-8.
 * Decoding is strict first; a body that is not valid in its declared UTF-8 is read as windows-1252 (the usual
 * mislabelling), any other invalid byte becomes U+FFFD.
 */
public final class CharsetSniffer {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)[\"']");
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF_BYTES = 4096;

    /** A decoded body. */
    public record Decoded(String text, Charset charset, boolean repaired) {}

    private CharsetSniffer() {}

    /** The charset of {@code body}, given the {@code Content-Type} header (may be {@code null}). */
    public static Charset detect(byte[] body, String contentType) {
        Charset bom = bomCharset(body);
        if (bom != null) {
            return bom;
        }
        Charset header = headerCharset(contentType);
        if (header != null) {
            return header;
        }
        Charset declared = declaredCharset(body);
        return declared != null ? declared : StandardCharsets.UTF_8;
    }

    /** Decodes {@code body} in its detected charset, BOM removed. */
    public static Decoded decode(byte[] body, String contentType) {
        Charset bom = bomCharset(body);
        Charset charset = bom != null ? bom : detect(body, contentType);
        int offset = bom == null ? 0 : bomLength(body);
        try {
            return new Decoded(strict(charset, body, offset), charset, false);
        } catch (CharacterCodingException e) {
            if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
                return new Decoded(new String(body, offset, body.length - offset, WINDOWS_1252), WINDOWS_1252, true);
            }
            return new Decoded(new String(body, offset, body.length - offset, charset), charset, true);
        }
    }

    /** The charset named by a byte order mark, or {@code null}. */
    public static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return UTF_32BE;
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return UTF_32LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int bomLength(byte[] b) {
        Charset c = bomCharset(b);
        if (c == null) {
            return 0;
        }
        if (c.equals(StandardCharsets.UTF_8)) {
            return 3;
        }
        return c.equals(UTF_32BE) || c.equals(UTF_32LE) ? 4 : 2;
    }

    /** The {@code charset} parameter of a {@code Content-Type}, or {@code null} when absent or unknown. */
    public static Charset headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? lookup(m.group(1)) : null;
    }

    /** The charset an XML declaration or an HTML meta declares in the first bytes, or {@code null}. */
    public static Charset declaredCharset(byte[] b) {
        // UTF-16/32 without BOM: "<?" in wide characters
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') {
            return UTF_32BE;
        }
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return UTF_32LE;
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        String head = new String(b, 0, Math.min(b.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        String trimmed = head.stripLeading();
        Matcher xml = XML_ENCODING.matcher(trimmed);
        if (xml.find()) {
            return lookup(xml.group(1));
        }
        if (trimmed.startsWith("<?xml")) {
            return null;
        }
        Matcher meta = META_CHARSET.matcher(head);
        return meta.find() ? lookup(meta.group(1)) : null;
    }

    /** A charset by name, mapping the labels browsers treat as aliases; {@code null} when unknown. */
    public static Charset lookup(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1":
                // WHATWG: these labels mean windows-1252, which is a superset for printable text
                return WINDOWS_1252;
            case "utf8":
                return StandardCharsets.UTF_8;
            case "gb2312", "gbk":
                n = "GBK";
                break;
            default:
                break;
        }
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String strict(Charset charset, byte[] body, int offset) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(body, offset, body.length - offset));
        return chars.toString();
    }
}
