package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class NetworkSettingsTest {

    @Test
    void overridesApplyByHostAndPortInTheOrderGivenWhateverTheCase() throws Exception {
        NetworkSettings network = NetworkSettings.builder()
                .hostOverride(HostOverride.parse("shop.example.com:443:127.0.0.2"))
                .hostOverride(HostOverride.parse("api.example.com:443:127.0.0.9"))
                .hostOverride(HostOverride.parse("shop.example.com:*:127.0.0.3"))
                .hostOverride(HostOverride.parse("shop.example.com:8443:127.0.0.4"))
                .hostOverride(HostOverride.parse("SHOP.example.com:443:127.0.0.2"))
                .build();

        assertThat(network.overridesFor("Shop.Example.COM", 443))
                .containsExactly(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3"));
        assertThat(network.overridesFor("shop.example.com", 8443))
                .containsExactly(InetAddress.getByName("127.0.0.3"), InetAddress.getByName("127.0.0.4"));
        assertThat(network.overrideFor("shop.example.com", 80)).contains(InetAddress.getByName("127.0.0.3"));
        assertThat(network.overrideFor("api.example.com", 443)).contains(InetAddress.getByName("127.0.0.9"));
        assertThat(network.overridesFor("api.example.com", 80)).isEmpty();
        assertThat(network.overridesFor("www.example.com", 443)).isEmpty();
        assertThat(network.toBuilder().build().overridesFor("shop.example.com", 443)).hasSize(2);
        assertThat(network.overridesFor("SHOP.example.com")).as("any port, for clients that resolve without one")
                .containsExactly(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3"),
                        InetAddress.getByName("127.0.0.4"));
        assertThat(network.overridesFor("www.example.com")).isEmpty();
    }

    @Test
    void aNameWithALetterThatOnlyFoldsToAsciiStillMatchesAsBefore() throws Exception {
        // String.equalsIgnoreCase takes the dotless i for an i; lower-casing does not.
        NetworkSettings network = NetworkSettings.builder()
                .hostOverride(HostOverride.parse("admin.example.com:443:127.0.0.5")).build();

        assertThat(network.overridesFor("adm\u0131n.example.com", 443)).containsExactly(InetAddress.getByName("127.0.0.5"));
        assertThat(network.overridesFor("adm\u0131n.example.com")).containsExactly(InetAddress.getByName("127.0.0.5"));
    }
}
