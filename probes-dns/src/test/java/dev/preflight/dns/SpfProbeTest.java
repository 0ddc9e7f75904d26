package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code dns.spf} against a private knotd serving one zone per case. */
class SpfProbeTest {
    /** 30 ip4 terms: well past one 255-byte character-string. */
    private static final String LONG = "v=spf1 " + IntStream.range(1, 31).mapToObj(n -> "ip4:198.51.100." + n)
            .collect(Collectors.joining(" ")) + " -all";

    private static DnsTestServer dns;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder()
                .zone(DnsZone.named("hard.test").txt("@", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all")
                        .txt("@", "google-site-verification=abc"))
                .zone(DnsZone.named("soft.test").txt("@", "v=spf1 mx a ~all").mx("@", 10, "mail.soft.test.")
                        .a("@", "192.0.2.10").a("mail", "192.0.2.11"))
                .zone(DnsZone.named("open.test").txt("@", "v=spf1 ip4:192.0.2.1 +all"))
                .zone(DnsZone.named("bare.test").txt("@", "v=spf1 ip4:192.0.2.1 all"))
                .zone(DnsZone.named("neutral.test").txt("@", "v=spf1 ip4:192.0.2.1 ?all"))
                .zone(DnsZone.named("noall.test").txt("@", "v=spf1 ip4:192.0.2.1"))
                .zone(DnsZone.named("redirect.test").txt("@", "v=spf1 redirect=_spf.provider.test"))
                .zone(DnsZone.named("provider.test").txt("_spf", "v=spf1 ip4:198.51.100.0/24 -all")
                        .txt("open", "v=spf1 +all"))
                .zone(DnsZone.named("badredirect.test").txt("@", "v=spf1 redirect=open.provider.test"))
                .zone(DnsZone.named("two.test").txt("@", "v=spf1 -all").txt("@", "v=spf1 ip4:192.0.2.1 -all"))
                .zone(DnsZone.named("long.test").txt("@", LONG))
                .zone(DnsZone.named("none.test").txt("@", "hello"))
                .zone(DnsZone.named("unknown.test").txt("@", "v=spf1 a foo:bar -all").a("@", "192.0.2.1"))
                .zone(DnsZone.named("cidr.test").txt("@", "v=spf1 ip4:1.2.3.4/33 -all"))
                .zone(DnsZone.named("macro.test").txt("@", "v=spf1 -all exists:%{z}.macro.test"))
                .zone(DnsZone.named("many.test")
                        .txt("@", "v=spf1 include:s1.many.test include:s2.many.test -all")
                        .txt("s1", "v=spf1 a:h1.many.test a:h2.many.test a:h3.many.test a:h4.many.test -all")
                        .txt("s2", "v=spf1 include:s3.many.test a:h1.many.test a:h2.many.test -all")
                        .txt("s3", "v=spf1 a:h1.many.test a:h2.many.test a:h3.many.test -all")
                        .a("h1", "192.0.2.1").a("h2", "192.0.2.2").a("h3", "192.0.2.3").a("h4", "192.0.2.4"))
                .zone(DnsZone.named("ten.test")
                        .txt("@", "v=spf1 include:s1.ten.test a:h1.ten.test a:h2.ten.test ip4:192.0.2.9 -all")
                        .txt("s1", "v=spf1 a:h1.ten.test a:h2.ten.test a:h3.ten.test include:s2.ten.test ~all")
                        .txt("s2", "v=spf1 a:h1.ten.test a:h2.ten.test mx:ten.test -all")
                        .a("h1", "192.0.2.1").a("h2", "192.0.2.2").a("h3", "192.0.2.3")
                        .mx("@", 10, "h1.ten.test."))
                .zone(DnsZone.named("loop.test").txt("@", "v=spf1 include:b.loop.test -all")
                        .txt("b", "v=spf1 include:loop.test -all"))
                .zone(DnsZone.named("void.test")
                        .txt("@", "v=spf1 a:x1.void.test a:x2.void.test mx:x3.void.test -all"))
                .zone(DnsZone.named("twovoid.test").txt("@", "v=spf1 a:x1.twovoid.test mx:x2.twovoid.test -all"))
                .zone(DnsZone.named("ptr.test").txt("@", "v=spf1 ptr -all"))
                .zone(DnsZone.named("noinc.test").txt("@", "v=spf1 include:nothing.noinc.test -all")
                        .a("nothing", "192.0.2.1"))
                .zone(DnsZone.named("incopen.test").txt("@", "v=spf1 include:open.provider.test -all"))
                .zone(DnsZone.named("macroinc.test").txt("@", "v=spf1 include:%{ir}.macroinc.test -all"))
                .zone(DnsZone.named("broken.test").txt("@", "v=spf1 include:loopy.broken.test -all")
                        .cname("loopy", "loopy2.broken.test.").cname("loopy2", "loopy.broken.test."))
                .zone(DnsZone.named("range.test").txt("@", "v=spf1 -ip4:0.0.0.0/1 ip4:0.0.0.0/0 -all"))
                .zone(DnsZone.named("wide.test").txt("@", "v=spf1 ip4:10.0.0.0/4 -all"))
                .zone(DnsZone.named("after.test").txt("@", "v=spf1 -all include:x.after.test redirect=y.after.test"))
                .zone(DnsZone.named("badname.test").txt("@", "v=spf1 a:foo..badname.test -all"))
                .zone(DnsZone.named("longlabel.test").txt("@", "v=spf1 a:" + "x".repeat(70) + ".longlabel.test -all"))
                // A backslash is visible ASCII, so SPF's grammar takes it, but "\9." is no DNS escape.
                .zone(DnsZone.named("escape.test").txt("@", "v=spf1 include:a\\9.escape.test -all"))
                .zone(DnsZone.named("bigmx.test").txt("@", "v=spf1 mx -all").mx("@", 1, "m1.bigmx.test.").a("m1", "192.0.2.1").mx("@", 2, "m2.bigmx.test.").a("m2", "192.0.2.2").mx("@", 3, "m3.bigmx.test.").a("m3", "192.0.2.3").mx("@", 4, "m4.bigmx.test.").a("m4", "192.0.2.4").mx("@", 5, "m5.bigmx.test.").a("m5", "192.0.2.5").mx("@", 6, "m6.bigmx.test.").a("m6", "192.0.2.6").mx("@", 7, "m7.bigmx.test.").a("m7", "192.0.2.7").mx("@", 8, "m8.bigmx.test.").a("m8", "192.0.2.8").mx("@", 9, "m9.bigmx.test.").a("m9", "192.0.2.9").mx("@", 10, "m10.bigmx.test.").a("m10", "192.0.2.10").mx("@", 11, "m11.bigmx.test.").a("m11", "192.0.2.11"))
                .zone(DnsZone.named("ignored.test").txt("@", "v=spf1 ip4:192.0.2.1 -all redirect=_spf.provider.test"))
                .start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static Result check(String domain) {
        return DnsZones.kit(new SpfProbe(), dns, domain).run().result();
    }

    @Test
    void aRecordEndingInMinusAllPasses() {
        assertThat(check("hard.test")).isPass().hasSummary("SPF for hard.test ends in -all, with 0 of 10 DNS lookups")
                .hasDetail("record", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all").hasDetail("lookups", 0);
    }

    @Test
    void aRecordEndingInTildeAllPasses() {
        assertThat(check("soft.test")).isPass().hasSummaryContaining("ends in ~all, with 2 of 10")
                .hasDetail("tree", List.of("mx (1 lookup)", "a (1 lookup)")).hasGauge("dns_spf_lookups", n -> n == 2);
    }

    @Test
    void plusAllFails() {
        assertThat(check("open.test")).isFail().hasSummaryContaining("+all").hasRemediationContaining("-all");
    }

    @Test
    void aBareAllFailsAsPlusAll() {
        assertThat(check("bare.test")).isFail().hasSummaryContaining("+all");
    }

    @Test
    void questionAllWarns() {
        assertThat(check("neutral.test")).isWarn().hasSummaryContaining("?all");
    }

    @Test
    void noAllAndNoRedirectWarns() {
        assertThat(check("noall.test")).isWarn().hasSummaryContaining("neither all nor redirect");
    }

    @Test
    void aRedirectIsFollowed() {
        assertThat(check("redirect.test")).isPass().hasSummaryContaining("ends in -all, with 1 of 10")
                .hasDetail("tree", List.of("redirect=_spf.provider.test (1 lookup)"));
    }

    @Test
    void aRedirectToPlusAllFails() {
        assertThat(check("badredirect.test")).isFail().hasSummaryContaining("+all");
    }

    @Test
    void twoSpfRecordsFail() {
        assertThat(check("two.test")).isFail().hasSummary("permerror: 2 SPF records at two.test");
    }

    @Test
    void aLongRecordSplitAcrossStringsIsJoined() {
        org.assertj.core.api.Assertions.assertThat(LONG.length()).isGreaterThan(255);
        assertThat(check("long.test")).isPass().hasDetail("record", LONG);
    }

    @Test
    void noSpfRecordFails() {
        assertThat(check("none.test")).isFail().hasSummary("none.test has no SPF record");
    }

    @Test
    void aDomainThatDoesNotExistFails() {
        assertThat(check("nowhere.none.test")).isFail().hasSummaryContaining("does not exist");
    }

    @Test
    void anUnknownMechanismFailsWithItsPosition() {
        assertThat(check("unknown.test")).isFail().hasSummaryContaining("term 2 'foo:bar' (character 10)")
                .hasSummaryContaining("unknown mechanism 'foo'");
    }

    @Test
    void aBadCidrFailsWithItsPosition() {
        assertThat(check("cidr.test")).isFail().hasSummaryContaining("term 1 'ip4:1.2.3.4/33'")
                .hasSummaryContaining("/33");
    }

    @Test
    void aBadMacroFailsWithItsPosition() {
        assertThat(check("macro.test")).isFail().hasSummaryContaining("term 2").hasSummaryContaining("%{z}");
    }

    @Test
    void anIncludeChainOfMoreThanTenLookupsFailsWithTheCount() {
        assertThat(check("many.test")).isFail().hasSummaryContaining("12 DNS lookups, more than the 10")
                .hasDetail("lookups", 12).hasRemediationContaining("flatten")
                .hasDetail("tree", List.of(
                        "include:s1.many.test (5 lookups)",
                        "  a:h1.many.test (1 lookup)",
                        "  a:h2.many.test (1 lookup)",
                        "  a:h3.many.test (1 lookup)",
                        "  a:h4.many.test (1 lookup)",
                        "include:s2.many.test (7 lookups)",
                        "  include:s3.many.test (4 lookups)",
                        "    a:h1.many.test (1 lookup)",
                        "    a:h2.many.test (1 lookup)",
                        "    a:h3.many.test (1 lookup)",
                        "  a:h1.many.test (1 lookup)",
                        "  a:h2.many.test (1 lookup)"));
    }

    @Test
    void exactlyTenLookupsPass() {
        assertThat(check("ten.test")).isPass().hasDetail("lookups", 10);
    }

    @Test
    void anIncludeLoopFails() {
        assertThat(check("loop.test")).isFail().hasSummaryContaining("include loop: loop.test → b.loop.test → loop.test");
    }

    @Test
    void threeVoidLookupsFail() {
        assertThat(check("void.test")).isFail().hasSummaryContaining("3 void lookups").hasDetail("voidLookups", List.of(
                "a:x1.void.test: x1.void.test does not exist", "a:x2.void.test: x2.void.test does not exist",
                "mx:x3.void.test: x3.void.test does not exist"));
    }

    @Test
    void twoVoidLookupsAreAllowed() {
        assertThat(check("twovoid.test")).isPass();
    }

    @Test
    void ptrWarns() {
        assertThat(check("ptr.test")).isWarn().hasSummaryContaining("ptr").hasRemediationContaining("Remove ptr");
    }

    @Test
    void anIncludeWithoutARecordFails() {
        assertThat(check("noinc.test")).isFail().hasSummaryContaining("nothing.noinc.test has no SPF record (permerror)");
    }

    @Test
    void anIncludeOfPlusAllFails() {
        assertThat(check("incopen.test")).isFail().hasSummaryContaining("matches every sender");
    }

    @Test
    void anIncludeWithMacrosIsCountedButNotFollowed() {
        assertThat(check("macroinc.test")).isWarn().hasDetail("lookups", 1)
                .hasSummaryContaining("could not be counted without a sender");
    }

    @Test
    void aServerFailureOnTheWayIsAnError() {
        assertThat(check("broken.test")).isError().hasSummaryContaining("loopy.broken.test")
                .hasSummaryContaining("temperror");
    }

    @Test
    void aRangeOfEveryAddressFailsAsPlusAll() {
        assertThat(check("range.test")).isFail().hasSummaryContaining("covers every IPv4 address");
    }

    @Test
    void aVastRangeWarns() {
        assertThat(check("wide.test")).isWarn().hasSummaryContaining("vast range");
    }

    @Test
    void termsAfterAllAreNeverEvaluatedNorCounted() {
        assertThat(check("after.test")).isWarn().hasDetail("lookups", 0)
                .hasSummaryContaining("term 2 'include:x.after.test' (character 13) comes after all");
    }

    @Test
    void anEmptyLabelFails() {
        assertThat(check("badname.test")).isFail().hasSummaryContaining("term 1").hasSummaryContaining("empty label");
    }

    @Test
    void aLabelTooLongFails() {
        assertThat(check("longlabel.test")).isFail().hasSummaryContaining("longer than 63");
    }

    @Test
    void aDomainThatIsNoDnsNameFailsRatherThanErrs() {
        assertThat(check("escape.test")).isFail().hasSummaryContaining("term 1")
                .hasSummaryContaining("a\\9.escape.test");
    }

    @Test
    void aRedirectBesideAllIsIgnoredAndSaysSo() {
        assertThat(check("ignored.test")).isWarn().hasDetail("lookups", 0).hasSummaryContaining("is ignored");
    }

    @Test
    void anMxOfMoreThanTenHostsFails() {
        assertThat(check("bigmx.test")).isFail().hasSummaryContaining("has 11 MX hosts");
    }
}
