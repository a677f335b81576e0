package dev.vigie.connectors.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Decides whether an address may be fetched when private addresses are not allowed. Checked on the resolved
 * addresses of every hop, so a public name pointing at an internal service, or a redirect to one, is refused (SSRF).
 */
public final class AddressGuard {
    private AddressGuard() {
    }

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
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    byte[] v4 = {b[12], b[13], b[14], b[15]};
                    return nonPublicReason(InetAddress.getByAddress(v4));
                } catch (java.net.UnknownHostException e) {
                    return "invalid";
                }
            }
        }
        return null;
    }
}
