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

/** {@code dns.tls-rpt} against a private knotd serving one zone per case. */
class TlsRptProbeTest {
    private static DnsTestServer dns;

    private static DnsZone rpt(String zone, String... records) {
        DnsZone z = DnsZone.named(zone).a("@", "127.0.0.40");
        for (String r : records) {
            z.txt("_smtp._tls", r);
        }
        return z;
    }

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder()
                .zone(rpt("good.test", "v=TLSRPTv1; rua=mailto:tls@good.test,https://reports.good.test/tlsrpt"))
                .zone(rpt("missing.test"))
                .zone(rpt("other.test", "some-verification=abc"))
                .zone(rpt("twice.test", "v=TLSRPTv1; rua=mailto:a@twice.test", "v=TLSRPTv1; rua=mailto:b@twice.test"))
                .zone(rpt("norua.test", "v=TLSRPTv1;"))
                .zone(rpt("badrua.test", "v=TLSRPTv1; rua=tls@badrua.test"))
                .zone(rpt("http.test", "v=TLSRPTv1; rua=mailto:a@http.test,http://http.test/r"))
                .zone(rpt("lower.test", "v=tlsrptv1; rua=mailto:a@lower.test"))
                .start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static Result check(String domain) {
        return DnsZones.kit(new TlsRptProbe(), dns, domain).run().result();
    }

    @Test
    void oneValidRecordPasses() {
        assertThat(check("good.test")).isPass().hasSummaryContaining("TLS reports for good.test go to mailto:tls@good.test")
                .hasDetail("rua", List.of("mailto:tls@good.test", "https://reports.good.test/tlsrpt"));
    }

    @Test
    void noRecordWarns() {
        assertThat(check("missing.test")).isWarn().hasSummaryContaining("delivery failures over TLS go unseen")
                .hasRemediationContaining("v=TLSRPTv1; rua=mailto:");
    }

    @Test
    void unrelatedTxtRecordsAreIgnored() {
        assertThat(check("other.test")).isWarn().hasSummaryContaining("no TLS-RPT record");
    }

    @Test
    void twoRecordsFail() {
        assertThat(check("twice.test")).isFail().hasSummaryContaining("2 TLS-RPT records");
    }

    @Test
    void aMissingRuaFails() {
        assertThat(check("norua.test")).isFail().hasSummaryContaining("no rua=");
    }

    @Test
    void aRuaThatIsNotAUriFails() {
        assertThat(check("badrua.test")).isFail().hasSummaryContaining("is neither mailto: nor https:");
    }

    @Test
    void aPlainHttpRuaFails() {
        assertThat(check("http.test")).isFail().hasSummaryContaining("http://http.test/r");
    }

    @Test
    void aWrongCaseVersionFails() {
        assertThat(check("lower.test")).isFail().hasSummaryContaining("not starting with exactly v=TLSRPTv1");
    }
}
