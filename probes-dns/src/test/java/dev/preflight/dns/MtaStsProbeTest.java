package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code dns.mta-sts} against a private knotd and a loopback HTTPS policy host with a minted chain
 * whose root the run trusts, reached through a host override for every port.
 */
class MtaStsProbeTest {
    private static final String ENFORCE = "version: STSv1\r\nmode: enforce\r\nmx: mx1.%1$s\r\nmx: *.mail.%1$s\r\n"
            + "max_age: 604800\r\n";
    private static final Map<String, String[]> POLICIES = Map.ofEntries(
            Map.entry("good.test", policy(ENFORCE)),
            Map.entry("day.test", policy("version: STSv1\nmode: enforce\nmx: mx1.day.test\nmx: *.mail.day.test\n"
                    + "max_age: 86400\n")),
            Map.entry("testing.test", policy(ENFORCE.replace("enforce", "testing"))),
            Map.entry("none.test", policy("version: STSv1\nmode: none\nmax_age: 604800\n")),
            Map.entry("short.test", policy(ENFORCE.replace("604800", "3600"))),
            Map.entry("uncovered.test", policy("version: STSv1\nmode: enforce\nmx: mx1.uncovered.test\n"
                    + "max_age: 604800\n")),
            Map.entry("malformed.test", policy("version: STSv1\nmode: strict\nmx: mx1.malformed.test\n"
                    + "max_age: 604800\n")),
            Map.entry("html.test", new String[] {"200", "text/html", ENFORCE}),
            Map.entry("missingpolicy.test", new String[] {"404", "text/plain", "not found"}),
            Map.entry("redirect.test", new String[] {"301", "text/plain", ""}));

    private static DnsTestServer dns;
    private static TlsTestServer https;
    private static TlsTestServer wrongName;
    private static HeldCertificate root;

    private static String[] policy(String body) {
        return new String[] {"200", "text/plain; charset=utf-8", body};
    }

    private static DnsZone zone(String zone, String... txt) {
        DnsZone z = DnsZone.named(zone).a("@", "127.0.0.50").mx("@", 10, "mx1." + zone + ".")
                .mx("@", 20, "a.mail." + zone + ".").a("mx1", "127.0.0.51").a("a.mail", "127.0.0.52");
        for (String t : txt) {
            z.txt("_mta-sts", t);
        }
        return z;
    }

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        DnsTestServer.Builder b = DnsTestServer.builder();
        for (String domain : POLICIES.keySet()) {
            b.zone(zone(domain, "v=STSv1; id=20240101T000000;"));
        }
        b.zone(zone("missing.test"));
        b.zone(zone("twice.test", "v=STSv1; id=1;", "v=STSv1; id=2;"));
        b.zone(zone("badid.test", "v=STSv1; id=2024-01-01;"));
        b.zone(zone("lower.test", "v=stsv1; id=1;"));
        b.zone(zone("badcert.test", "v=STSv1; id=1;"));
        b.zone(zone("nohost.test", "v=STSv1; id=1;"));
        dns = b.start();

        Instant now = Instant.now();
        root = TestCertificates.builder("Preflight MTA-STS Test Root").certificateAuthority(0)
                .validity(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(3650))).build();
        String[] names = POLICIES.keySet().stream().map(d -> "mta-sts." + d).toArray(String[]::new);
        HeldCertificate leaf = TestCertificates.builder(names[0]).dnsNames(names)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))).signedBy(root).build();
        https = TlsTestServer.builder(leaf).handler(MtaStsProbeTest::answer).start();
        HeldCertificate other = TestCertificates.builder("elsewhere.test").dnsNames("elsewhere.test")
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))).signedBy(root).build();
        wrongName = TlsTestServer.builder(other).respond(200, Map.of("Content-Type", "text/plain"),
                String.format(ENFORCE, "badcert.test")).start();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host").replaceFirst(":\\d+$", "")
                .replaceFirst("^mta-sts\\.", "");
        String[] p = POLICIES.get(host);
        if (p == null || !exchange.getRequestURI().getPath().equals("/.well-known/mta-sts.txt")) {
            p = new String[] {"404", "text/plain", "not found"};
        }
        byte[] body = String.format(p[2], host).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", p[1]);
        if (p[0].equals("301")) {
            exchange.getResponseHeaders().set("Location", "https://elsewhere.test/policy.txt");
        }
        exchange.sendResponseHeaders(Integer.parseInt(p[0]), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterAll
    static void stop() {
        if (https != null) {
            https.close();
        }
        if (wrongName != null) {
            wrongName.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    private static Result check(String domain) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int port = domain.equals("badcert.test") ? wrongName.port() : https.port();
        NetworkSettings.Builder network = NetworkSettings.builder().dnsServer(dns.address())
                .trust(List.of(root.certificate()));
        if (!domain.equals("nohost.test")) {
            network.hostOverride(new HostOverride("mta-sts." + domain, 0, loopback));
        }
        return ProbeTestKit.forProbe(new MtaStsProbe(port)).target(DnsZones.domain(domain))
                .network(network.build()).run().result();
    }

    @Test
    void anEnforcedPolicyCoveringEveryMxPasses() {
        assertThat(check("good.test")).isPass().hasSummaryContaining("MTA-STS enforced for good.test")
                .hasDetail("mode", "enforce").hasDetail("maxAge", 604800L)
                .hasDetail("mxHosts", List.of("mx1.good.test", "a.mail.good.test"));
    }

    @Test
    void aMaxAgeOfADayPassesWithANote() {
        assertThat(check("day.test")).isPass().hasDetail("note",
                "max_age 86400 is under a week; RFC 8461 suggests weeks or more");
    }

    @Test
    void noRecordWarns() {
        assertThat(check("missing.test")).isWarn().hasSummaryContaining("can be downgraded to plaintext");
    }

    @Test
    void testingModeWarns() {
        assertThat(check("testing.test")).isWarn().hasSummaryContaining("mode: testing");
    }

    @Test
    void noneModeWarns() {
        assertThat(check("none.test")).isWarn().hasDetail("mode", "none");
    }

    @Test
    void aShortMaxAgeWarns() {
        assertThat(check("short.test")).isWarn().hasSummaryContaining("max_age 3600 is under a day");
    }

    @Test
    void anUncoveredMxHostFails() {
        assertThat(check("uncovered.test")).isFail()
                .hasSummaryContaining("MX host a.mail.uncovered.test is not covered");
    }

    @Test
    void aMalformedPolicyFails() {
        assertThat(check("malformed.test")).isFail().hasSummaryContaining("policy mode 'strict'");
    }

    @Test
    void aPolicyNotServedAsTextPlainFails() {
        assertThat(check("html.test")).isFail().hasSummaryContaining("not text/plain");
    }

    @Test
    void aMissingPolicyFails() {
        assertThat(check("missingpolicy.test")).isFail().hasSummaryContaining("answers 404");
    }

    @Test
    void aRedirectFails() {
        assertThat(check("redirect.test")).isFail().hasSummaryContaining("a redirect");
    }

    @Test
    void aCertificateForAnotherNameFails() {
        assertThat(check("badcert.test")).isFail().hasSummaryContaining("TLS handshake");
    }

    @Test
    void aPolicyHostThatDoesNotResolveFails() {
        assertThat(check("nohost.test")).isFail().hasSummaryContaining("cannot resolve");
    }

    @Test
    void twoRecordsFail() {
        assertThat(check("twice.test")).isFail().hasSummaryContaining("2 MTA-STS records");
    }

    @Test
    void anInvalidIdFails() {
        assertThat(check("badid.test")).isFail().hasSummaryContaining("is not 1 to 32 letters and digits");
    }

    @Test
    void aWrongCaseVersionFails() {
        assertThat(check("lower.test")).isFail().hasSummaryContaining("not starting with");
    }
}
