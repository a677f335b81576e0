package dev.vigie.connectors.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a response body up to a cap and stops reading beyond it, so an oversized or endless body costs at most the
 * cap. An error while the body streams (connection closed early) is reported as {@link TruncatedException}.
 */
public final class CappedBody {
    private CappedBody() {}

    /** The body is larger than the cap. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(String message) {
            super(message);
        }
    }

    /** The body ended early. */
    public static final class TruncatedException extends IOException {
        public TruncatedException(long received, Throwable cause) {
            super("connection ended after " + received + " body bytes: " + cause.getMessage(), cause);
        }
    }

    /**
     * Reads {@code in} to its end.
     *
     * @param declaredLength the declared {@code Content-Length}, -1 when unknown; refused at once above the cap
     * @throws TooLargeException beyond {@code cap} bytes
     * @throws TruncatedException when the stream fails before its end (a read time-out is thrown as it is)
     */
    public static byte[] read(InputStream in, long cap, long declaredLength) throws IOException {
        if (declaredLength > cap) {
            throw new TooLargeException(
                    "declared Content-Length " + declaredLength + " exceeds the cap of " + cap + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buf = new byte[16384];
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (java.net.SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw new TruncatedException(out.size(), e);
            }
            if (n < 0) {
                return out.toByteArray();
            }
            if (out.size() + (long) n > cap) {
                throw new TooLargeException("body exceeds the cap of " + cap + " bytes");
            }
            out.write(buf, 0, n);
        }
    }
}
