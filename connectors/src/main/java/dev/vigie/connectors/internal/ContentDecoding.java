package dev.vigie.connectors.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes {@code Content-Encoding: gzip/deflate} with the same size cap as the raw body, so a compression bomb is
 * refused rather than unpacked. "deflate" is tried as zlib first and as raw deflate second, as servers send both.
 */
public final class ContentDecoding {
    private ContentDecoding() {}

    /** Thrown for a body that is not valid in its declared encoding. */
    public static final class BadEncodingException extends IOException {
        BadEncodingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static byte[] decode(byte[] body, String contentEncoding, long cap) throws IOException {
        if (contentEncoding == null || body.length == 0) {
            return body;
        }
        String enc = contentEncoding.strip().toLowerCase(Locale.ROOT);
        switch (enc) {
            case "", "identity":
                return body;
            case "gzip", "x-gzip":
                try {
                    return readCapped(new GZIPInputStream(new ByteArrayInputStream(body)), cap);
                } catch (CappedBody.TooLargeException e) {
                    throw e;
                } catch (IOException e) {
                    throw new BadEncodingException("invalid gzip body: " + e.getMessage(), e);
                }
            case "deflate":
                try {
                    return readCapped(new InflaterInputStream(new ByteArrayInputStream(body)), cap);
                } catch (CappedBody.TooLargeException e) {
                    throw e;
                } catch (IOException zlib) {
                    try {
                        return readCapped(
                                new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), cap);
                    } catch (CappedBody.TooLargeException e) {
                        throw e;
                    } catch (IOException raw) {
                        throw new BadEncodingException("invalid deflate body: " + raw.getMessage(), raw);
                    }
                }
            default:
                throw new BadEncodingException("unsupported Content-Encoding '" + contentEncoding + "'", null);
        }
    }

    private static byte[] readCapped(InputStream in, long cap) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > cap) {
                    throw new CappedBody.TooLargeException("decompressed body exceeds the cap of " + cap + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
