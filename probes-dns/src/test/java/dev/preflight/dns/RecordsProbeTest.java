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

/**
 * {@code dns.records} against a private knotd asked as the run's DNS server, whose zones delegate to
 * two more knotd on {@code 127.0.0.2} and {@code 127.0.0.3} standing in for the name servers.
 */
class RecordsProbeTest {
    private static NameServers servers;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        DnsZone shop = NameServers.delegated("shop.test", 7).a("@", "127.0.0.41").a("www", "127.0.0.42")
                .aaaa("www", "::1").cname("api", "www.shop.test.").cname("store", "shops.myshopify.test.")
                .cname("dangling", "gone.shop.test.").cname("loop", "loop2.shop.test.")
                .cname("loop2", "loop.shop.test.").a("app", "127.0.0.44");
        servers = NameServers.start(List.of(shop, DnsZone.named("myshopify.test").a("shops", "127.0.0.50"),
                DnsZone.named("bare.test").a("@", "127.0.0.43")), List.of(shop), List.of(shop));
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static dev.preflight.testkit.ProbeTestKit kit(String domain) {
        return DnsZones.kit(new RecordsProbe(servers.port()), servers.run(), domain);
    }

    @Test
    void apexAndWwwResolvingPassWithTheNameServersInStep() {
        Result result = kit("shop.test").run().result();

        assertThat(result).isPass().hasSummary("shop.test: 127.0.0.41, www.shop.test: 0:0:0:0:0:0:0:1, 127.0.0.42;"
                + " the name servers of shop.test serve serial 7").hasDetail("zone", "shop.test")
                .hasDetail("nameServers", List.of("ns1.shop.test (127.0.0.2): serial 7 (primary ns1.shop.test)",
                        "ns2.shop.test (127.0.0.3): serial 7 (primary ns1.shop.test)"));
    }

    @Test
    void aMissingWwwFails() {
        Result result = kit("bare.test").run().result();

        assertThat(result).isFail().hasSummaryContaining("www.bare.test does not resolve (no such name)")
                .hasRemediationContaining("A/AAAA");
    }

    @Test
    void configuredNamesAndExpectedAddressesAreChecked() {
        Result result = kit("shop.test").setting("names", "@, api").setting("expect.@", "127.0.0.41")
                .setting("expect.api", "127.0.0.99, ::1").run().result();

        assertThat(result).isFail().hasSummaryContaining("api.shop.test resolves to 0:0:0:0:0:0:0:1, 127.0.0.42")
                .hasSummaryContaining("missing 127.0.0.99").hasSummaryContaining("not expected 127.0.0.42")
                .hasDetail("names", List.of("shop.test: 127.0.0.41",
                        "api.shop.test → www.shop.test: 0:0:0:0:0:0:0:1, 127.0.0.42"));
    }

    @Test
    void aNameThatIsTheExpectedCnamePassesAndShowsItsChain() {
        Result result = kit("shop.test").setting("names", "store").setting("expect.store", "shops.myshopify.test.")
                .run().result();

        assertThat(result).isPass().hasDetail("names", List.of("store.shop.test → shops.myshopify.test: 127.0.0.50"));
    }

    @Test
    void aNameExpectedAsCnameThatHasAddressesFailsNamingBoth() {
        Result result = kit("shop.test").setting("names", "www").setting("expect.www", "shops.myshopify.test")
                .run().result();

        assertThat(result).isFail().hasSummaryContaining("www.shop.test is not a CNAME to shops.myshopify.test")
                .hasSummaryContaining("A/AAAA records 0:0:0:0:0:0:0:1, 127.0.0.42").hasRemediationContaining("CNAME");
    }

    @Test
    void aCnamePointingElsewhereFailsNamingBoth() {
        Result result = kit("shop.test").setting("names", "api").setting("expect.api", "shops.myshopify.test.")
                .run().result();

        assertThat(result).isFail()
                .hasSummary("api.shop.test is a CNAME to www.shop.test, not to shops.myshopify.test");
    }

    @Test
    void aDanglingOrLoopingCnameFails() {
        Result result = kit("shop.test").setting("names", "dangling, loop").run().result();

        assertThat(result).isFail().hasSummary("dangling.shop.test does not resolve (its CNAME target gone.shop.test"
                + " does not exist) (and 1 more)")
                .hasDetail("problems", List.of("dangling.shop.test does not resolve (its CNAME target gone.shop.test"
                        + " does not exist)", "loop.shop.test does not resolve (its CNAME chain loops back to"
                        + " loop.shop.test)"));
    }

    @Test
    void mixedOrApexCnameExpectationsAreInvalidSettings() {
        assertThat(kit("shop.test").setting("expect.www", "127.0.0.42, lb.example.net").run().result()).isError()
                .hasSummaryContaining("dns.records.expect.www");
        assertThat(kit("shop.test").setting("expect.@", "lb.example.net").run().result()).isError()
                .hasSummaryContaining("apex cannot be a CNAME");
    }

    @Test
    void aSubdomainIsCheckedAgainstItsZonesNameServers() {
        Result result = kit("app.shop.test").setting("names", "@").run().result();

        assertThat(result).isPass().hasDetail("zone", "shop.test")
                .hasSummary("app.shop.test: 127.0.0.44; the name servers of shop.test serve serial 7");
    }

    @Test
    void theNameServerCheckCanBeTurnedOff() {
        Result result = kit("bare.test").setting("names", "@").setting("name-servers", "false").run().result();

        // bare.test names ns1.bare.test without an address: the check that would fail is off.
        assertThat(result).isPass().hasSummary("bare.test: 127.0.0.43");
    }

    @Test
    void aNameServerWithoutAnAddressIsALameDelegation() {
        Result result = kit("bare.test").setting("names", "@").run().result();

        assertThat(result).isFail()
                .hasSummary("name server ns1.bare.test of bare.test has no address: a lame delegation");
    }
}
