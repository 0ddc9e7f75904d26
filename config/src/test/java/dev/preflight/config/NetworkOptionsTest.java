package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.ConfigException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NetworkOptionsTest {

    @Test
    void readsCommandLineNetworkOptions() {
        assertThat(NetworkOptions.hostOverride("--resolve", "shop.example.com:443:127.0.0.1").port()).isEqualTo(443);
        assertThat(NetworkOptions.dnsServer("--dns-server", "127.0.0.1:5353"))
                .isEqualTo(new InetSocketAddress("127.0.0.1", 5353));
        assertThat(NetworkOptions.dnsServer("--dns-server", "[::1]").getPort()).isEqualTo(53);
    }

    @Test
    void problemsNameTheOption() {
        assertThatThrownBy(() -> NetworkOptions.hostOverride("--resolve", "shop.example.com:443"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("--resolve: ");
        assertThatThrownBy(() -> NetworkOptions.dnsServer("--dns-server", "ns1.example.com:53"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--dns-server").hasMessageContaining("not an IP");
        assertThatThrownBy(() -> NetworkOptions.caCertificates("--ca-file", Path.of("no-such.pem")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no-such.pem").hasMessageContaining("--ca-file");
    }

    @Test
    void bareDomainsBecomeDomainTargets() {
        assertThat(Targets.domain("Example.COM", "Example.COM").attribute("domain")).hasValue("example.com");
        assertThatThrownBy(() -> Targets.domain("x", "not a domain")).isInstanceOf(ConfigException.class);
    }

    @Test
    void aHostServedBySeveralNodesGetsOneOverridePerAddress() {
        assertThat(NetworkOptions.hostOverrides("--resolve", "shop.example.com:443:127.0.0.1,127.0.0.2"))
                .extracting(o -> o.address().getHostAddress()).containsExactly("127.0.0.1", "127.0.0.2");
        assertThatThrownBy(() -> NetworkOptions.hostOverrides("--resolve", "shop.example.com:443:127.0.0.1,"))
                .hasMessageContaining("--resolve");
    }
}
