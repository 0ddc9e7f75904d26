package dev.preflight.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Resolvers are written as IP addresses with an optional port, IPv6 in brackets when a port follows. */
class ResolverAgreementTest {

    @Test
    void addressesAndPortsAreRead() {
        assertThat(ResolverAgreement.parse("192.0.2.53")).isEqualTo(new InetSocketAddress("192.0.2.53", 53));
        assertThat(ResolverAgreement.parse("192.0.2.53:5353")).isEqualTo(new InetSocketAddress("192.0.2.53", 5353));
        assertThat(ResolverAgreement.describe(ResolverAgreement.parse("2001:db8::53"))).isEqualTo("[2001:db8:0:0:0:0:0:53]:53");
        assertThat(ResolverAgreement.parse("[2001:db8::53]:5353").getPort()).isEqualTo(5353);
    }

    @Test
    void namesAndBadPortsAreRefused() {
        assertThatThrownBy(() -> ResolverAgreement.parse("dns.google")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> ResolverAgreement.parse("192.0.2.53:99999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no valid port");
    }
}
