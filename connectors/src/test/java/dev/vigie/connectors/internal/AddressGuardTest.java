package dev.vigie.connectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Private IPv4 addresses hidden inside IPv6 forms are refused like the plain ones; public ones stay allowed. */
class AddressGuardTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "::127.0.0.1, loopback", // IPv4-compatible
        "::10.1.2.3, private",
        "::ffff:192.168.1.1, private", // IPv4-mapped (Java reads it as IPv4)
        "64:ff9b::127.0.0.1, loopback", // NAT64, RFC 6052
        "64:ff9b::a9fe:a9fe, link-local", // NAT64 of 169.254.169.254, the cloud metadata service
        "64:ff9b:1::a00:1, local-use NAT64", // RFC 8215
        "2002:7f00:1::1, loopback", // 6to4 of 127.0.0.1
        "2002:c0a8:101::1, private", // 6to4 of 192.168.1.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe, loopback", // Teredo, client 127.0.0.1 (inverted)
        "2001:0:a00:1::1, private", // Teredo, server 10.0.0.1
        "fd00::1, unique-local",
        "2001:db8::1, documentation",
    })
    void refusesPrivateAddressesInEveryIpv6Form(String address, String reason) throws Exception {
        assertThat(AddressGuard.nonPublicReason(InetAddress.getByName(address))).startsWith(reason);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "2606:4700:4700::1111",
                "64:ff9b::5db8:d70e",
                "2002:5db8:d70e::1",
                "2001:0:4136:e378:8000:63bf:a247:28f1"
            })
    void allowsPublicAddressesIncludingPublicOnesInsideIpv6Forms(String address) throws Exception {
        assertThat(AddressGuard.nonPublicReason(InetAddress.getByName(address))).isNull();
    }
}
