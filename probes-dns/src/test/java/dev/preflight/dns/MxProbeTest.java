package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code dns.mx} against a private knotd serving one zone per case. */
class MxProbeTest {
    private static DnsTestServer dns;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder()
                .zone(DnsZone.named("good.test").mx("@", 10, "mx1.good.test.").mx("@", 20, "mx2.good.test.")
                        .a("mx1", "127.0.0.21").aaaa("mx2", "::1"))
                .zone(DnsZone.named("nomail.test").record("@", "MX", "0 ."))
                .zone(DnsZone.named("missing.test").a("@", "127.0.0.22"))
                .zone(DnsZone.named("alias.test").mx("@", 10, "mail.alias.test.").cname("mail", "real.alias.test.")
                        .a("real", "127.0.0.23"))
                .zone(DnsZone.named("dangling.test").mx("@", 10, "gone.dangling.test."))
                .zone(DnsZone.named("mixed.test").record("@", "MX", "0 .").mx("@", 10, "mx.mixed.test.")
                        .a("mx", "127.0.0.24"))
                .start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static Result check(String domain) {
        return DnsZones.kit(new MxProbe(), dns, domain).run().result();
    }

    @Test
    void mxHostsThatResolvePass() {
        assertThat(check("good.test")).isPass().hasSummaryContaining("2 MX hosts")
                .hasSummaryContaining("mx1.good.test, mx2.good.test");
    }

    @Test
    void aNullMxPasses() {
        assertThat(check("nomail.test")).isPass().hasSummaryContaining("null MX");
    }

    @Test
    void noMxFails() {
        assertThat(check("missing.test")).isFail().hasSummary("missing.test has no MX record")
                .hasRemediationContaining("RFC 7505");
    }

    @Test
    void anMxHostThatIsACnameFails() {
        assertThat(check("alias.test")).isFail().hasSummaryContaining("is an alias (CNAME to real.alias.test)");
    }

    @Test
    void anMxHostThatDoesNotResolveFails() {
        assertThat(check("dangling.test")).isFail().hasSummary("MX host gone.dangling.test does not resolve");
    }

    @Test
    void aNullMxBesideOtherMxRecordsFails() {
        assertThat(check("mixed.test")).isFail().hasSummaryContaining("mixes a null MX");
    }

    @Test
    void aDomainThatDoesNotExistFails() {
        assertThat(check("nowhere.good.test")).isFail().hasSummaryContaining("does not exist");
    }
}
