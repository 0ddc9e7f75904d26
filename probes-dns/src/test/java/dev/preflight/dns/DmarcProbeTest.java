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

/** {@code dns.dmarc} against a private knotd serving one zone per case. */
class DmarcProbeTest {
    private static DnsTestServer dns;

    private static DnsZone dmarc(String zone, String... records) {
        DnsZone z = DnsZone.named(zone).a("@", "127.0.0.30");
        for (String r : records) {
            z.txt("_dmarc", r);
        }
        return z;
    }

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder()
                .zone(dmarc("good.test", "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"))
                .zone(dmarc("caps.test", "v=DMARC1;P=Quarantine ;  RUA = mailto:dmarc@caps.test ; ADKIM=s"))
                .zone(dmarc("none.test", "v=DMARC1; p=none; rua=mailto:dmarc@none.test"))
                .zone(dmarc("pct.test", "v=DMARC1; p=quarantine; pct=50; rua=mailto:dmarc@pct.test"))
                .zone(dmarc("norua.test", "v=DMARC1; p=reject"))
                .zone(DnsZone.named("missing.test").a("@", "127.0.0.31").txt("@", "v=spf1 -all"))
                .zone(dmarc("twice.test", "v=DMARC1; p=reject; rua=mailto:a@twice.test",
                        "v=DMARC1; p=none; rua=mailto:a@twice.test"))
                .zone(dmarc("nop.test", "v=DMARC1; rua=mailto:dmarc@nop.test"))
                .zone(dmarc("badp.test", "v=DMARC1; p=block; rua=mailto:dmarc@badp.test"))
                .zone(dmarc("badpct.test", "v=DMARC1; p=reject; pct=150; rua=mailto:dmarc@badpct.test"))
                .zone(dmarc("badadkim.test", "v=DMARC1; p=reject; adkim=x; rua=mailto:dmarc@badadkim.test"))
                .zone(dmarc("badrua.test", "v=DMARC1; p=reject; rua=dmarc@badrua.test"))
                .zone(dmarc("lower.test", "v=dmarc1; p=reject; rua=mailto:dmarc@lower.test"))
                .zone(dmarc("order.test", "v=DMARC1; rua=mailto:dmarc@order.test; p=reject"))
                .zone(dmarc("orgpass.test", "v=DMARC1; p=reject; rua=mailto:dmarc@orgpass.test"))
                .zone(dmarc("orgspnone.test", "v=DMARC1; p=reject; sp=none; rua=mailto:dmarc@orgspnone.test"))
                .zone(dmarc("ext.test", "v=DMARC1; p=reject; rua=mailto:agg@reports.test,mailto:me@ext.test"))
                .zone(dmarc("extmissing.test", "v=DMARC1; p=reject; rua=mailto:agg@reports.test!10m;"
                        + " ruf=mailto:forensic@other-reports.test"))
                .zone(DnsZone.named("reports.test").txt("ext.test._report._dmarc", "v=DMARC1"))
                .zone(dmarc("long.test", "v=DMARC1; p=reject; rua=" + String.join(",",
                        List.of("mailto:a@long.test", "mailto:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb@long.test",
                                "mailto:cccccccccccccccccccccccccccccccccccccccccccccccccccccccc@long.test",
                                "mailto:dddddddddddddddddddddddddddddddddddddddddddddddddddddddd@long.test",
                                "mailto:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee@long.test"))))
                .start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static Result check(String domain) {
        return DnsZones.kit(new DmarcProbe(), dns, domain).run().result();
    }

    @Test
    void anEnforcingPolicyWithReportsPasses() {
        assertThat(check("good.test")).isPass().hasSummaryContaining("DMARC policy reject for good.test")
                .hasDetail("policy", "reject").hasDetail("subdomainPolicy", "reject").hasDetail("pct", 100)
                .hasDetail("rua", List.of("mailto:dmarc@good.test"));
    }

    @Test
    void tagNamesAreReadWhateverTheirCase() {
        assertThat(check("caps.test")).isPass().hasDetail("policy", "quarantine");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordSplitIntoSeveralStringsIsReadWhole() {
        Result result = check("long.test");
        assertThat(result).isPass();
        org.assertj.core.api.Assertions.assertThat((List<Object>) result.details().get("rua")).hasSize(5)
                .contains("mailto:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee@long.test");
    }

    @Test
    void pNoneWarns() {
        assertThat(check("none.test")).isWarn()
                .hasSummaryContaining("monitoring only: spoofed mail is still delivered")
                .hasRemediationContaining("p=quarantine");
    }

    @Test
    void aPctBelow100Warns() {
        assertThat(check("pct.test")).isWarn().hasSummaryContaining("pct=50").hasDetail("pct", 50);
    }

    @Test
    void noRuaWarns() {
        assertThat(check("norua.test")).isWarn().hasSummaryContaining("no aggregate reports")
                .hasRemediationContaining("rua=mailto:");
    }

    @Test
    void noRecordFails() {
        assertThat(check("missing.test")).isFail().hasSummary("no DMARC record at _dmarc.missing.test")
                .hasRemediationContaining("v=DMARC1; p=none");
    }

    @Test
    void twoRecordsFail() {
        assertThat(check("twice.test")).isFail().hasSummaryContaining("2 DMARC records");
    }

    @Test
    void aMissingPFails() {
        assertThat(check("nop.test")).isFail().hasSummaryContaining("no p= tag");
    }

    @Test
    void anInvalidPFails() {
        assertThat(check("badp.test")).isFail().hasSummaryContaining("p=block is not none, quarantine or reject");
    }

    @Test
    void anInvalidPctFailsNamingTheTag() {
        assertThat(check("badpct.test")).isFail().hasSummaryContaining("pct=150");
    }

    @Test
    void anInvalidAdkimFailsNamingTheTag() {
        assertThat(check("badadkim.test")).isFail().hasSummaryContaining("adkim=x is not r or s");
    }

    @Test
    void aRuaThatIsNotAUriFails() {
        assertThat(check("badrua.test")).isFail().hasSummaryContaining("rua=dmarc@badrua.test");
    }

    @Test
    void aLowerCaseVersionIsNotDmarcAndFails() {
        assertThat(check("lower.test")).isFail().hasSummaryContaining("no DMARC record")
                .hasDetail("problems", List.of("TXT at _dmarc.lower.test ignored, not starting with exactly v=DMARC1:"
                        + " 'v=dmarc1; p=reject; rua=mailto:dmarc@lower.test'"));
    }

    @Test
    void pAfterOtherTagsWarns() {
        assertThat(check("order.test")).isWarn().hasSummaryContaining("p= is not the tag right after v=DMARC1");
    }

    @Test
    void aSubdomainWithoutARecordGetsTheOrganisationalDomainsPolicy() {
        assertThat(check("shop.orgpass.test")).isPass().hasSummaryContaining("organisational domain's record")
                .hasDetail("organisationalDomain", "orgpass.test");
    }

    @Test
    void aSubdomainUnderSpNoneWarns() {
        assertThat(check("shop.orgspnone.test")).isWarn().hasSummaryContaining("sp=none: monitoring only");
    }

    @Test
    void theOrganisationalDomainsSpNoneWarnsForItself() {
        assertThat(check("orgspnone.test")).isWarn().hasSummaryContaining("subdomains of orgspnone.test");
    }

    @Test
    void aSubdomainWithNoRecordAnywhereFails() {
        assertThat(check("shop.missing.test")).isFail()
                .hasSummary("no DMARC record at _dmarc.shop.missing.test nor at _dmarc.missing.test");
    }

    @Test
    void anExternalDestinationThatAuthorisedReportsPasses() {
        assertThat(check("ext.test")).isPass();
    }

    @Test
    void anExternalDestinationThatDidNotAuthoriseReportsWarns() {
        Result result = check("extmissing.test");
        assertThat(result).isWarn().hasSummaryContaining("report destination reports.test has not authorised reports"
                + " for extmissing.test").hasSummaryContaining("reports will not be sent")
                .hasRemediationContaining("extmissing.test._report._dmarc.reports.test");
        org.assertj.core.api.Assertions.assertThat(result.details().get("problems").toString())
                .contains("other-reports.test");
    }

    @Test
    void aSubdomainThatDoesNotExistIsCoveredByTheOrganisationalPolicy() {
        assertThat(check("nowhere.good.test")).isPass().hasSummaryContaining("organisational domain's record");
    }
}
