package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DnsZoneTest {
    @Test
    void longValuesSplitIntoStringsOf255Bytes() {
        String quoted = DnsZone.characterStrings("x".repeat(600));

        assertThat(quoted).isEqualTo("\"" + "x".repeat(255) + "\" \"" + "x".repeat(255) + "\" \"" + "x".repeat(90) + "\"");
    }

    @Test
    void quotesBackslashesAndNonAsciiAreEscaped() {
        assertThat(DnsZone.characterStrings("a\"b\\c\u00e9")).isEqualTo("\"a\\\"b\\\\c\\195\\169\"");
        assertThat(DnsZone.characterStrings("")).isEqualTo("\"\"");
    }

    @Test
    void defaultSoaAndNsAreAddedOnlyWhenMissing() {
        assertThat(DnsZone.named("a.test").a("@", "192.0.2.1").text())
                .contains("@ IN SOA ns1.a.test. hostmaster.a.test. 1 ")
                .contains("@ IN NS ns1.a.test.");
        assertThat(DnsZone.named("b.test.").record("@", "soa", "ns hm 5 1 1 1 1").ns("b.test.", "ns.other.").text())
                .doesNotContain("ns1.b.test.");
    }

    @Test
    void explicitStringsLongerThan255BytesAreRejected() {
        assertThatThrownBy(() -> DnsZone.named("c.test").txtStrings("@", "y".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
