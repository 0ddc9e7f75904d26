package dev.preflight.net.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostnameMatcherTest {

    @Test
    void exactNameMatchesIgnoringCaseAndTrailingDot() {
        assertThat(HostnameMatcher.matches("Shop.Test.", List.of("shop.test"), List.of())).isTrue();
    }

    @Test
    void wildcardCoversExactlyOneLeftMostLabel() {
        List<String> names = List.of("*.shop.test");

        assertThat(HostnameMatcher.matches("www.shop.test", names, List.of())).isTrue();
        assertThat(HostnameMatcher.matches("shop.test", names, List.of())).isFalse();
        assertThat(HostnameMatcher.matches("a.b.shop.test", names, List.of())).isFalse();
    }

    @Test
    void wildcardOverATopLevelDomainMatchesNothing() {
        assertThat(HostnameMatcher.matches("shop.test", List.of("*.test"), List.of())).isFalse();
    }

    @Test
    void ipAddressMatchesOnlyIpEntries() {
        assertThat(HostnameMatcher.matches("127.0.0.1", List.of("127.0.0.1"), List.of())).isFalse();
        assertThat(HostnameMatcher.matches("127.0.0.1", List.of(), List.of("127.0.0.1"))).isTrue();
    }
}
