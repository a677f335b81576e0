package dev.vigie.connectors.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic ids: hex SHA-256 of a canonical string. */
public final class Ids {
    private Ids() {}

    public static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The id of a mention that has no platform id: {@code url:} and the hash of its canonical URL. */
    public static String forUrl(String canonicalUrl) {
        return "url:" + sha256(canonicalUrl);
    }
}
