package dev.preflight.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.Network;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.SilentDnsServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@link SpfEvaluator} reports besides the result: the deciding term, the reason, and how DNS failures end. */
class SpfEvaluatorTest {
    private static final String TEN_A = IntStream.range(0, 10).mapToObj(n -> "a:h.limits.test")
            .collect(Collectors.joining(" "));

    private static DnsTestServer dns;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder()
                .zone(DnsZone.named("shop.test").txt("@", "v=spf1 include:_spf.mail.test -all")
                        .txt("bounces", "v=spf1 redirect=_spf.mail.test")
                        .txt("users", "v=spf1 exists:%{l}.allowed.shop.test -all")
                        .a("postmaster.allowed", "127.0.0.2")
                        .txt("helo", "v=spf1 a:%{h} -all").a("mta.helo", "192.0.2.25")
                        .txt("nowhere", "v=spf1 redirect=nospf.shop.test")
                        .txt("noinclude", "v=spf1 include:nospf.shop.test +all")
                        .txt("nospf", "google-site-verification=abc")
                        .txt("twice", "v=spf1 -all").txt("twice", "v=spf1 ~all")
                        .txt("broken", "v=spf1 ip4:192.0.2.1 foo:bar -all")
                        .txt("failing", "v=spf1 include:x.broken.test -all"))
                .zone(DnsZone.named("mail.test").txt("_spf", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ~all"))
                .zone(DnsZone.named("limits.test").a("h", "198.51.100.1")
                        .txt("ten", "v=spf1 " + TEN_A + " ip4:192.0.2.1 -all")
                        .txt("eleven", "v=spf1 " + TEN_A + " a:h.limits.test ip4:192.0.2.1 -all")
                        .txt("voids", "v=spf1 a:x1.limits.test a:x2.limits.test mx:x3.limits.test ip4:192.0.2.1 -all"))
                .unloadableZone("broken.test")
                .start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static SpfEvaluator evaluator(InetSocketAddress server, Duration timeout) {
        var context = ProbeTestKit.forProbe(new SpfProbe()).target(DnsZones.domain("shop.test")).timeout(timeout)
                .network(NetworkSettings.builder().dnsServer(server).build()).context();
        return SpfEvaluator.using(Network.of(context).resolver());
    }

    private static SpfEvaluation check(String ip, String domain) throws IOException {
        return evaluator(dns.address(), Duration.ofSeconds(5)).checkHost(InetAddress.getByName(ip), domain,
                "orders@" + domain);
    }

    @Test
    void aPassNamesTheIncludePathToTheMechanismThatMatched() throws IOException {
        SpfEvaluation spf = check("192.0.2.7", "shop.test");

        assertThat(spf.result()).isEqualTo(SpfResult.PASS);
        assertThat(spf.authorised()).isTrue();
        assertThat(spf.domain()).isEqualTo("shop.test");
        assertThat(spf.mechanism()).contains("include:_spf.mail.test > ip4:192.0.2.0/24");
        assertThat(spf.reason()).isEqualTo("matched include:_spf.mail.test > ip4:192.0.2.0/24");
    }

    @Test
    void anAddressNoTermListsMeetsTheFinalAll() throws IOException {
        SpfEvaluation spf = check("203.0.113.9", "shop.test");

        assertThat(spf.result()).isEqualTo(SpfResult.FAIL);
        assertThat(spf.authorised()).isFalse();
        assertThat(spf.mechanism()).contains("-all");
        assertThat(spf.reason()).isEqualTo("matched -all");
    }

    @Test
    void aRedirectIsPartOfThePathAndItsAllDecides() throws IOException {
        assertThat(check("2001:db8::25", "bounces.shop.test").mechanism())
                .contains("redirect=_spf.mail.test > ip6:2001:db8::/32");
        SpfEvaluation soft = check("203.0.113.9", "bounces.shop.test");
        assertThat(soft.result()).isEqualTo(SpfResult.SOFTFAIL);
        assertThat(soft.mechanism()).contains("redirect=_spf.mail.test > ~all");
    }

    @Test
    void anIpv4MappedIpv6ClientIsJudgedAsIpv4() throws IOException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 7};
        InetAddress client = Inet6Address.getByAddress(null, mapped, null);

        SpfEvaluation spf = evaluator(dns.address(), Duration.ofSeconds(5)).checkHost(client, "shop.test", "a@shop.test");

        assertThat(spf.mechanism()).contains("include:_spf.mail.test > ip4:192.0.2.0/24");
    }

    @Test
    void anEmptySenderIsPostmasterAtTheDomain() throws IOException {
        SpfEvaluator spf = evaluator(dns.address(), Duration.ofSeconds(5));
        InetAddress client = InetAddress.getByName("203.0.113.9");

        assertThat(spf.checkHost(client, "users.shop.test", "").result()).isEqualTo(SpfResult.PASS);
        assertThat(spf.checkHost(client, "users.shop.test", "@users.shop.test").result()).isEqualTo(SpfResult.PASS);
        assertThat(spf.checkHost(client, "users.shop.test", "orders@users.shop.test").result())
                .isEqualTo(SpfResult.FAIL);
    }

    @Test
    void theHeloNameFeedsTheHMacroWhenGiven() throws IOException {
        SpfEvaluator spf = evaluator(dns.address(), Duration.ofSeconds(5));
        InetAddress client = InetAddress.getByName("192.0.2.25");

        assertThat(spf.checkHost(client, "helo.shop.test", "a@helo.shop.test", "mta.helo.shop.test").result())
                .isEqualTo(SpfResult.PASS);
        assertThat(spf.checkHost(client, "helo.shop.test", "a@helo.shop.test").result())
                .isNotEqualTo(SpfResult.PASS);
    }

    @Test
    void noRecordIsNoneAndSaysWhere() throws IOException {
        SpfEvaluation spf = check("192.0.2.7", "nospf.shop.test");

        assertThat(spf.result()).isEqualTo(SpfResult.NONE);
        assertThat(spf.mechanism()).isEmpty();
        assertThat(spf.reason()).isEqualTo("no SPF record at nospf.shop.test");
    }

    @Test
    void aNameThatCannotBeADomainIsNoneWithoutAsking() throws IOException {
        assertThat(check("192.0.2.7", "shop..test").result()).isEqualTo(SpfResult.NONE);
        assertThat(check("192.0.2.7", "localhost").reason()).contains("not a multi-label domain name");
        assertThat(check("192.0.2.7", "[192.0.2.7]").result()).isEqualTo(SpfResult.NONE);
    }

    @Test
    void aRedirectOrIncludeToADomainWithoutSpfIsAPermanentError() throws IOException {
        SpfEvaluation redirect = check("192.0.2.7", "nowhere.shop.test");
        SpfEvaluation include = check("192.0.2.7", "noinclude.shop.test");

        assertThat(redirect.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(redirect.reason()).contains("redirect=nospf.shop.test").contains("no SPF record at nospf.shop.test");
        // Not a pass through the +all after it: evaluation ends at the include.
        assertThat(include.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(include.mechanism()).isEmpty();
    }

    @Test
    void severalRecordsOrAMalformedOneArePermanentErrors() throws IOException {
        assertThat(check("192.0.2.7", "twice.shop.test").reason()).isEqualTo(
                "2 SPF records at twice.shop.test; RFC 7208 4.5 allows one");
        SpfEvaluation broken = check("192.0.2.1", "broken.shop.test");
        assertThat(broken.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(broken.reason()).contains("unknown mechanism 'foo'");
    }

    @Test
    void theEleventhLookupIsAPermanentErrorAndTheTenthIsNot() throws IOException {
        assertThat(check("192.0.2.1", "ten.limits.test").result()).isEqualTo(SpfResult.PASS);
        SpfEvaluation eleven = check("192.0.2.1", "eleven.limits.test");
        assertThat(eleven.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(eleven.reason()).isEqualTo("11 DNS lookups, over the limit of 10");
    }

    @Test
    void theThirdVoidLookupIsAPermanentError() throws IOException {
        SpfEvaluation spf = check("192.0.2.1", "voids.limits.test");

        assertThat(spf.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(spf.reason()).startsWith("3 void lookups, over the limit of 2").contains("MX x3.limits.test");
    }

    @Test
    void aServerFailureIsATemporaryErrorNamingTheQuestion() throws IOException {
        assertThat(check("192.0.2.7", "broken.test")).satisfies(spf -> {
            assertThat(spf.result()).isEqualTo(SpfResult.TEMPERROR);
            assertThat(spf.reason()).contains("could not answer TXT broken.test");
        });
        assertThat(check("192.0.2.7", "failing.shop.test").result()).isEqualTo(SpfResult.TEMPERROR);
    }

    @Test
    void aSilentServerEndsInADeadlineExceptionAtTheDeadline() throws IOException {
        Duration deadline = Duration.ofMillis(600);
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            long start = System.nanoTime();
            SpfEvaluator spf = evaluator(silent.address(), deadline);

            assertThatThrownBy(() -> spf.checkHost(InetAddress.getByName("192.0.2.7"), "shop.test", "a@shop.test"))
                    .isInstanceOf(DeadlineExceededException.class);

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(silent.queries()).isPositive();
            // Loose upper bound: this proves the call ends, on a loaded machine too.
            assertThat(elapsed).isGreaterThanOrEqualTo(deadline.minusMillis(50)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
