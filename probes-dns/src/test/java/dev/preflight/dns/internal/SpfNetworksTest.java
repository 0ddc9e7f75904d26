package dev.preflight.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CIDR matching and the address forms SPF uses (RFC 7208 5, 5.6, 7.3). */
class SpfNetworksTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @ParameterizedTest(name = "{1} in {0}/{2}: {3}")
    @CsvSource({
        "192.0.2.0,      192.0.2.255,      24,  true",
        "192.0.2.0,      192.0.3.0,        24,  false",
        "192.0.2.4,      192.0.2.5,        31,  true",
        "192.0.2.4,      192.0.2.6,        31,  false",
        "192.0.2.4,      192.0.2.4,        32,  true",
        "192.0.2.4,      192.0.2.5,        32,  false",
        "1.1.1.1,        203.0.113.9,      0,   true",
        "10.0.0.0,       16.0.0.0,         4,   false",
        "10.0.0.0,       15.255.255.255,   4,   true",
        "cafe:babe:8000::, cafe:babe:8000::1, 33, true",
        "cafe:babe:8000::, cafe:babe::1,     33,  false",
        "2001:db8::,     2001:db8:ffff::1, 32,  true",
        "2001:db8::,     2001:db9::,       32,  false",
        "::1.1.1.1,      deaf:babe::cab:fee, 0, true",
    })
    void matchesByPrefixLength(String network, String client, int prefix, boolean inside) throws Exception {
        assertThat(SpfNetworks.contains(ip(network), prefix, ip(client))).isEqualTo(inside);
    }

    @Test
    void addressesOfTheOtherFamilyNeverMatchEvenWithPrefixZero() throws Exception {
        assertThat(SpfNetworks.contains(ip("::1.1.1.1"), 0, ip("1.2.3.4"))).isFalse();
        assertThat(SpfNetworks.contains(ip("0.0.0.0"), 0, ip("2001:db8::1"))).isFalse();
    }

    @Test
    void anIpv4MappedIpv6AddressIsIpv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4};
        InetAddress six = Inet6Address.getByAddress(null, mapped, null);

        InetAddress canonical = SpfNetworks.canonical(six);

        assertThat(canonical).isInstanceOf(Inet4Address.class).isEqualTo(ip("1.2.3.4"));
        assertThat(SpfNetworks.canonical(ip("2001:db8::1"))).isEqualTo(ip("2001:db8::1"));
    }

    @Test
    void namesTheAddressForMacrosAndPtrQueries() throws Exception {
        assertThat(SpfNetworks.dotted(ip("192.0.2.3"))).isEqualTo("192.0.2.3");
        assertThat(SpfNetworks.reverseName(ip("192.0.2.3"))).isEqualTo("3.2.0.192.in-addr.arpa");
        assertThat(SpfNetworks.version(ip("192.0.2.3"))).isEqualTo("in-addr");
        assertThat(SpfNetworks.dotted(ip("2001:DB8::CB01")))
                .isEqualTo("2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1");
        assertThat(SpfNetworks.reverseName(ip("2001:db8::cb01")))
                .isEqualTo("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
        assertThat(SpfNetworks.version(ip("2001:db8::cb01"))).isEqualTo("ip6");
    }
}
