package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.SilentDnsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "DNS propagation complete": name servers on {@code 127.0.0.2} and {@code 127.0.0.3} that serve the
 * same serial, different serials, or refuse the zone; one on {@code 127.0.0.9} that never answers;
 * and resolvers (asked at their ports) that agree, disagree or are silent.
 */
class RecordsPropagationTest {
    private static final String SILENT = "127.0.0.9";
    private static NameServers servers;
    private static SilentDnsServer silentNameServer;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        DnsZone same = NameServers.delegated("same.test", 2026120601L).a("@", "127.0.0.61").a("www", "127.0.0.62");
        DnsZone driftNew = NameServers.delegated("drift.test", 8).a("@", "127.0.0.71").a("www", "127.0.0.72");
        DnsZone driftOld = NameServers.delegated("drift.test", 7).a("@", "127.0.0.71").a("www", "127.0.0.70");
        DnsZone lame = NameServers.delegated("lame.test", 3).a("@", "127.0.0.81");
        DnsZone quiet = NameServers.delegated("quiet.test", 4).a("@", "127.0.0.91").ns("@", "ns9")
                .a("ns9", SILENT);
        DnsZone multiHere = NameServers.delegated("multi.test", 2026120601L).a("@", "127.0.0.65");
        DnsZone multiThere = DnsZone.named("multi.test")
                .record("@", "SOA", "dns1.other-provider.test. hostmaster 12 3600 600 86400 300")
                .ns("@", "ns1").ns("@", "ns2").a("ns1", NameServers.FIRST).a("ns2", NameServers.SECOND)
                .a("@", "127.0.0.65");
        DnsZone mute = DnsZone.named("mute.test").ns("@", "ns9").a("ns9", SILENT).a("@", "127.0.0.92");
        servers = NameServers.start(List.of(same, driftNew, lame, quiet, mute, multiHere),
                List.of(same, driftNew, lame, quiet, multiHere), List.of(same, driftOld, quiet, multiThere));
        silentNameServer = SilentDnsServer.start(InetAddress.getByName(SILENT), servers.port());
    }

    @AfterAll
    static void stop() {
        if (silentNameServer != null) {
            silentNameServer.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    private static ProbeTestKit kit(String domain) {
        return DnsZones.kit(new RecordsProbe(servers.port()), servers.run(), domain);
    }

    private static String first() {
        return NameServers.FIRST + ":" + servers.port();
    }

    private static String second() {
        return NameServers.SECOND + ":" + servers.port();
    }

    @Test
    void nameServersServingOneSerialPass() {
        assertThat(kit("same.test").run().result()).isPass()
                .hasSummaryContaining("the name servers of same.test serve serial 2026120601");
    }

    @Test
    void nameServersWithDifferentSerialsFailNamingEach() {
        Result result = kit("drift.test").setting("names", "@").run().result();

        assertThat(result).isFail().hasSummary("the name servers of drift.test serve different serials:"
                + " ns1.drift.test (127.0.0.2) 8, ns2.drift.test (127.0.0.3) 7: the last change has not reached"
                + " every server").hasRemediationContaining("zone transfer");
    }

    @Test
    void serversOfTwoProvidersNumberTheZoneIndependently() {
        // Each provider's copy names its own primary in the SOA; their serials say nothing of each other.
        Result result = kit("multi.test").setting("names", "@").run().result();

        assertThat(result).isPass();
        assertThat(result.details().get("nameServers")).asList().containsExactly(
                "ns1.multi.test (127.0.0.2): serial 2026120601 (primary ns1.multi.test)",
                "ns2.multi.test (127.0.0.3): serial 12 (primary dns1.other-provider.test)",
                "serials of servers with different primaries (dns1.other-provider.test, ns1.multi.test) are numbered"
                        + " independently and not compared");
    }

    @Test
    void aNameServerThatRefusesTheZoneIsLame() {
        Result result = kit("lame.test").setting("names", "@").run().result();

        assertThat(result).isFail()
                .hasSummary("name server ns2.lame.test (127.0.0.3) answers REFUSED for lame.test: a lame delegation")
                .hasDetail("nameServers", List.of("ns1.lame.test (127.0.0.2): serial 3 (primary ns1.lame.test)",
                        "ns2.lame.test (127.0.0.3): answers REFUSED"));
    }

    @Test
    void aSilentNameServerWarnsWhileTheOthersAreStillAsked() {
        Result result = kit("quiet.test").setting("names", "@").timeout(Duration.ofSeconds(2)).run().result();

        assertThat(result).isWarn().hasSummaryContaining("ns9.quiet.test (127.0.0.9) did not answer")
                .hasDetail("nameServers", List.of("ns1.quiet.test (127.0.0.2): serial 4 (primary ns1.quiet.test)",
                        "ns2.quiet.test (127.0.0.3): serial 4 (primary ns1.quiet.test)", "ns9.quiet.test (127.0.0.9): no answer in time"));
    }

    @Test
    void noNameServerAnsweringIsAnErrorAtTheDeadline() {
        long start = System.nanoTime();
        Result result = kit("mute.test").setting("names", "@").timeout(Duration.ofSeconds(1)).run().result();
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(result).isError().hasSummaryContaining("ns9.mute.test (127.0.0.9) did not answer")
                .hasSummaryContaining("propagation cannot be judged");
        assertThat(elapsed).isBetween(800L, 2500L);
    }

    @Test
    void resolversGivingTheSameAnswersPass() {
        Result result = kit("same.test").setting("resolvers", first() + ", " + second()).run().result();

        assertThat(result).isPass().hasSummaryContaining("2 resolvers agree")
                .hasDetail("resolvers", List.of(first() + ": same.test: 127.0.0.61; www.same.test: 127.0.0.62",
                        second() + ": same.test: 127.0.0.61; www.same.test: 127.0.0.62"));
    }

    @Test
    void resolversThatDisagreeFailSayingWhichSaysWhat() {
        Result result = kit("drift.test").setting("resolvers", first() + "," + second()).setting("name-servers", "false")
                .run().result();

        assertThat(result).isFail().hasSummary("resolvers disagree on www.drift.test: " + first() + " says 127.0.0.72; "
                + second() + " says 127.0.0.70: propagation is not complete");
    }

    @Test
    void aSilentResolverIsAnErrorAndTheOthersAreStillAsked() throws IOException {
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            String quiet = "127.0.0.1:" + silent.port();
            Result result = kit("same.test").setting("resolvers", quiet + ", " + first() + ", " + second())
                    .setting("name-servers", "false").timeout(Duration.ofSeconds(2)).run().result();

            assertThat(result).isError().hasSummary("resolver " + quiet + " did not answer about same.test in time")
                    .hasDetail("resolvers", List.of(quiet + ": same.test: no answer in time",
                            first() + ": same.test: 127.0.0.61; www.same.test: 127.0.0.62",
                            second() + ": same.test: 127.0.0.61; www.same.test: 127.0.0.62"));
            assertThat(silent.queries()).isPositive();
        }
    }

    @Test
    void aSingleResolverOrOneThatIsNoAddressIsAnInvalidSetting() {
        assertThat(kit("same.test").setting("resolvers", first()).run().result()).isError()
                .hasSummaryContaining("list at least two resolvers");
        assertThat(kit("same.test").setting("resolvers", "dns.google, " + first()).run().result()).isError()
                .hasSummaryContaining("dns.records.resolvers");
    }
}
