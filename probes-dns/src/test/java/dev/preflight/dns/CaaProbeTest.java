package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code dns.caa} against a private knotd: the domain's own records, an ancestor's, none, broken ones. */
class CaaProbeTest {
    private static DnsTestServer dns;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder()
                .zone(DnsZone.named("good.test").caa("@", 0, "issue", "letsencrypt.org")
                        .caa("@", 0, "iodef", "mailto:security@good.test").a("shop", "127.0.0.31"))
                .zone(DnsZone.named("none.test").a("@", "127.0.0.32"))
                .zone(DnsZone.named("closed.test").caa("@", 0, "issue", ";"))
                .zone(DnsZone.named("critical.test").caa("@", 128, "tbs", "unknown").caa("@", 0, "issue", "pki.goog"))
                .zone(DnsZone.named("iodefonly.test").caa("@", 0, "iodef", "mailto:security@iodefonly.test"))
                .zone(DnsZone.named("nowild.test").caa("@", 0, "issuewild", ";"))
                .start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static Result check(String domain) {
        return DnsZones.kit(new CaaProbe(), dns, domain).run().result();
    }

    @Test
    void namedCasPass() {
        assertThat(check("good.test")).isPass().hasSummary("CAA for good.test allows letsencrypt.org")
                .hasDetail("iodef", List.of("mailto:security@good.test"));
    }

    @Test
    void aSubdomainInheritsItsParentsRecords() {
        assertThat(check("shop.good.test")).isPass()
                .hasSummary("CAA for shop.good.test (inherited from good.test) allows letsencrypt.org")
                .hasDetail("from", "good.test");
    }

    @Test
    void noCaaAnywhereWarns() {
        assertThat(check("none.test")).isWarn().hasSummaryContaining("any CA may issue");
    }

    @Test
    void forbiddingEveryCaWarns() {
        assertThat(check("closed.test")).isWarn().hasSummaryContaining("forbids every CA");
    }

    @Test
    void anUnknownCriticalPropertyFails() {
        assertThat(check("critical.test")).isFail().hasSummaryContaining("critical property 'tbs'");
    }

    @Test
    void recordsWithoutAnIssuePropertyWarn() {
        assertThat(check("iodefonly.test")).isWarn().hasSummaryContaining("no issue property");
        assertThat(check("nowild.test")).isWarn().hasSummary("CAA for nowild.test has no issue property: any CA may"
                + " issue");
    }
}
