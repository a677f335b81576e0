package dev.vigie.connectors.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Decides whether an address may be fetched when private addresses are not allowed. Checked on the resolved
 * addresses of every hop, so a public name pointing at an internal service, or a redirect to one, is refused (SSRF).
 */
public final class AddressGuard {
    private AddressGuard() {}

    /** Why the address is not public, or {@code null} when it is. */
    public static String nonPublicReason(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xFF;
            int b1 = b[1] & 0xFF;
            if (b0 == 0) {
                return "unspecified";
            }
            if (b0 == 100 && b1 >= 64 && b1 <= 127) {
                return "carrier-grade NAT";
            }
            if (b0 == 198 && (b1 == 18 || b1 == 19)) {
                return "benchmarking";
            }
            if (b0 >= 240) {
                return "reserved";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return "unique-local";
            }
            if (zero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                return embedded("IPv4-mapped", b, 12, false);
            }
            if (zero(b, 0, 12)) {
                return embedded("IPv4-compatible", b, 12, false); // ::a.b.c.d (deprecated, still routed by some)
            }
            if (b[0] == 0 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
                if (zero(b, 4, 12)) {
                    return embedded("NAT64", b, 12, false); // 64:ff9b::/96, RFC 6052
                }
                if (b[4] == 0 && b[5] == 1) {
                    return "local-use NAT64"; // 64:ff9b:1::/48, RFC 8215: translated inside the network
                }
            }
            if ((b[0] & 0xFF) == 0x20 && b[1] == 0x02) {
                return embedded("6to4", b, 2, false); // 2002:a.b.c.d::/48, RFC 3056
            }
            if ((b[0] & 0xFF) == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
                // Teredo 2001::/32, RFC 4380: server IPv4 in bytes 4-7, client IPv4 inverted in bytes 12-15
                String server = embedded("Teredo", b, 4, false);
                return server != null ? server : embedded("Teredo", b, 12, true);
            }
            if ((b[0] & 0xFF) == 0x20 && b[1] == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8) {
                return "documentation"; // 2001:db8::/32
            }
            if (b[0] == 0x01 && zero(b, 1, 8)) {
                return "discard-only"; // 100::/64
            }
        }
        return null;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The reason for the IPv4 address inside an IPv6 one, or {@code null} when that IPv4 address is public. */
    private static String embedded(String form, byte[] b, int at, boolean inverted) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) (inverted ? ~b[at + i] : b[at + i]);
        }
        try {
            String reason = nonPublicReason(InetAddress.getByAddress(v4));
            return reason == null
                    ? null
                    : reason + " (" + form + " " + InetAddress.getByAddress(v4).getHostAddress() + ")";
        } catch (java.net.UnknownHostException e) {
            return "invalid";
        }
    }
}
