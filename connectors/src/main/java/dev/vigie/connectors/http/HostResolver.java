package dev.vigie.connectors.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into addresses for {@link HttpFetcher}. The fetcher asks once per connection, checks every
 * address returned against the SSRF rules and connects only to those addresses, so a DNS answer that changes between
 * the check and the connection (DNS rebinding) cannot reach an internal address. {@link #SYSTEM} is the JVM's
 * resolver; tests pass their own to give loopback names any answer.
 */
@FunctionalInterface
public interface HostResolver {
    /** The JVM's resolver ({@link InetAddress#getAllByName}). */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /** All addresses of {@code host} (a name or a literal address without brackets). */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
