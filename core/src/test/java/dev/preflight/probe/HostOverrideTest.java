package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostOverrideTest {

    @Test
    void parsesCurlResolveSyntax() {
        HostOverride o = HostOverride.parse("Shop.Example.com:443:127.0.0.1");

        assertThat(o.host()).isEqualTo("shop.example.com");
        assertThat(o.matches("shop.example.com", 443)).isTrue();
        assertThat(o.matches("shop.example.com", 80)).isFalse();
        assertThat(HostOverride.parse("shop.example.com:*:[::1]").matches("shop.example.com", 8443)).isTrue();
    }

    @Test
    void rejectsMalformedSpecsWithoutResolvingNames() {
        for (String bad : new String[] {"shop.example.com", "shop:443", "shop:https:127.0.0.1", "shop:443:db.internal"}) {
            assertThatThrownBy(() -> HostOverride.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void internationalisedHostMatchesTheAsciiNameProbesSee() {
        HostOverride o = HostOverride.parse("Bücher.example:443:127.0.0.1");

        assertThat(o.host()).isEqualTo("xn--bcher-kva.example");
        assertThat(o.matches("xn--bcher-kva.example", 443)).isTrue();
        assertThatThrownBy(() -> HostOverride.parse("ü".repeat(70) + ".example:443:127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("internationalised");
    }
}
