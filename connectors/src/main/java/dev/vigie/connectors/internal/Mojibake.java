package dev.vigie.connectors.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs UTF-8 text that was read as Latin-1/windows-1252 ("El NiÃ±o", "donâ€™t"): each run of non-ASCII characters
 * that encodes back to valid multi-byte UTF-8 is replaced by what it decodes to. Genuine Latin text is left alone:
 * "Ã©" followed by nothing UTF-8-like does not decode and stays as it is.
 */
public final class Mojibake {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Mojibake() {}

    public static String repair(String s) {
        int n = s.length();
        int i = 0;
        StringBuilder out = null;
        int copied = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0xC2 || c > 0xF4) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && s.charAt(j) >= 0x80 && encodable(s.charAt(j))) {
                j++;
            }
            if (j - i >= 2) {
                String fixed = tryFix(s.substring(i, j));
                if (fixed != null) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(s, copied, i).append(fixed);
                    copied = j;
                }
            }
            i = Math.max(j, i + 1);
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    private static boolean encodable(char c) {
        return c <= 0xFF || WINDOWS_1252.newEncoder().canEncode(c);
    }

    private static String tryFix(String run) {
        byte[] bytes = new byte[run.length()];
        for (int k = 0; k < run.length(); k++) {
            char c = run.charAt(k);
            if (c <= 0xFF) {
                bytes[k] = (byte) c;
            } else {
                byte[] b = String.valueOf(c).getBytes(WINDOWS_1252);
                if (b.length != 1) {
                    return null;
                }
                bytes[k] = b[0];
            }
        }
        try {
            String decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return decoded.length() < run.length() ? decoded : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
