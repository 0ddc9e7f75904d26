package dev.preflight.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "169.254.0.1", "fe80::1", "fd00:ec2::254", "100.100.100.200"})
    void linkLocalAndMetadataAddressesAreRecognised(String address) throws java.net.UnknownHostException {
        assertThat(IpAddresses.isLinkLocalOrMetadata(java.net.InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "192.0.2.1", "::1", "2001:db8::1", "100.100.100.201"})
    void otherAddressesAreNot(String address) throws java.net.UnknownHostException {
        assertThat(IpAddresses.isLinkLocalOrMetadata(java.net.InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.255", "0.0.0.0", "::1", "[::1]", "::", "fe80::1%eth0",
            "2001:db8::8a2e:370:7334", "2001:db8:0:0:0:0:2:1", "::ffff:192.0.2.1", "[2001:db8::1]", "1::"})
    void literalsAreAddresses(String host) {
        assertThat(IpAddresses.isLiteral(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop.example.com", "localhost", "1.2.3.example", "256.1.1.1", "1.2.3", "1.2.3.4.5",
            "01.2.3.4", "2001:db8::1::2", ":1", "1:2:3:4:5:6:7:8:9", "g::1", "", "[::1", "example.com:443",
            "fe80::1%", "12345::1"})
    void namesAndNonsenseAreNot(String host) {
        assertThat(IpAddresses.isLiteral(host)).isFalse();
    }
}
