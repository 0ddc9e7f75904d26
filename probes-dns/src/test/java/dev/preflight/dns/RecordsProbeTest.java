package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code dns.records} against a private knotd. */
class RecordsProbeTest {
    private static DnsTestServer dns;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder()
                .zone(DnsZone.named("shop.test").a("@", "127.0.0.41").a("www", "127.0.0.42").aaaa("www", "::1")
                        .cname("api", "www.shop.test."))
                .zone(DnsZone.named("bare.test").a("@", "127.0.0.43"))
                .start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void apexAndWwwResolvingPass() {
        Result result = DnsZones.kit(new RecordsProbe(), dns, "shop.test").run().result();

        assertThat(result).isPass().hasSummary("shop.test: 127.0.0.41, www.shop.test: 0:0:0:0:0:0:0:1, 127.0.0.42");
    }

    @Test
    void aMissingWwwFails() {
        Result result = DnsZones.kit(new RecordsProbe(), dns, "bare.test").run().result();

        assertThat(result).isFail().hasSummary("www.bare.test does not resolve").hasRemediationContaining("A/AAAA");
    }

    @Test
    void configuredNamesAndExpectedAddressesAreChecked() {
        Result result = DnsZones.kit(new RecordsProbe(), dns, "shop.test").setting("names", "@, api")
                .setting("expect.@", "127.0.0.41").setting("expect.api", "127.0.0.99, ::1").run().result();

        assertThat(result).isFail().hasSummaryContaining("api.shop.test resolves to 0:0:0:0:0:0:0:1, 127.0.0.42")
                .hasSummaryContaining("missing 127.0.0.99").hasSummaryContaining("not expected 127.0.0.42");
    }

    @Test
    void anExpectationThatIsNoAddressIsAnInvalidSetting() {
        Result result = DnsZones.kit(new RecordsProbe(), dns, "shop.test").setting("expect.www", "lb.example.net")
                .run().result();

        assertThat(result).isError().hasSummaryContaining("dns.records.expect.www");
    }
}
