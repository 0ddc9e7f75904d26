package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real handshakes against a loopback server presenting certificates minted per test. The target is
 * {@code https://shop.test:PORT/}, sent to 127.0.0.1 by a host override as {@code --resolve} would,
 * with the test root trusted as {@code --ca-file} would; dates are judged on a fixed clock.
 */
class TlsCertificateProbeTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String HOST = "shop.test";

    private static HeldCertificate root;
    private static HeldCertificate intermediate;

    @BeforeAll
    static void mintTheTestCa() {
        root = TestCertificates.builder("Preflight Test Root").certificateAuthority(1)
                .validity(NOW.minus(days(365)), NOW.plus(days(3650))).build();
        intermediate = TestCertificates.builder("Preflight Test Intermediate").certificateAuthority(0)
                .validity(NOW.minus(days(365)), NOW.plus(days(1825))).signedBy(root).build();
    }

    @Test
    void validChainPassesWithDetails() throws IOException {
        Result result = check(leaf().build(), intermediate);

        assertThat(result).isPass()
                .hasDetail("subject", "CN=shop.test")
                .hasDetail("issuer", "CN=Preflight Test Intermediate")
                .hasDetail("sans", List.of("shop.test"))
                .hasDetail("daysLeft", 90L)
                .hasDetail("key", "RSA 2048")
                .hasDetail("signatureAlgorithm", "SHA256withRSA")
                .hasDetail("chain", List.of("CN=shop.test", "CN=Preflight Test Intermediate"))
                .hasDetail("notAfter", "2026-08-30T12:00:00Z");
    }

    @Test
    void ecP256CertificateWithWildcardNamePasses() throws IOException {
        Result result = check(TestCertificates.builder("*.test").dnsNames("*.shop.test", HOST).ecP256()
                .validity(NOW.minus(days(1)), NOW.plus(days(60))).signedBy(intermediate).build(), intermediate);

        assertThat(result).isPass().hasDetail("key", "EC 256");
    }

    @Test
    void certificateExpiringIn20DaysWarns() throws IOException {
        Result result = check(leaf().validity(NOW.minus(days(70)), NOW.plus(days(20))).build(), intermediate);

        assertThat(result).isWarn().hasSummaryContaining("expires in 20 days").hasDetail("daysLeft", 20L)
                .hasRemediationContaining("Renew");
    }

    @Test
    void certificateExpiringIn3DaysFails() throws IOException {
        Result result = check(leaf().validity(NOW.minus(days(87)), NOW.plus(days(3))).build(), intermediate);

        assertThat(result).isFail().hasSummaryContaining("expires in 3 days").hasRemediationContaining("Renew");
    }

    @Test
    void shortLivedCertificateIsJudgedAgainstItsLifetime() throws IOException {
        // A 6-day certificate (Let's Encrypt's shortlived profile) with 4 days left is two days old: healthy.
        Result fresh = check(leaf().validity(NOW.minus(days(2)), NOW.plus(days(4))).build(), intermediate);
        // A 45-day one: 20 days left is before its renewal point; 10 is past it; 3 is the scaled FAIL.
        Result early = check(leaf().validity(NOW.minus(days(25)), NOW.plus(days(20))).build(), intermediate);
        Result due = check(leaf().validity(NOW.minus(days(35)), NOW.plus(days(10))).build(), intermediate);
        Result late = check(leaf().validity(NOW.minus(days(42)), NOW.plus(days(3))).build(), intermediate);

        assertThat(fresh).isPass();
        assertThat(early).isPass();
        assertThat(due).isWarn().hasSummaryContaining("expires in 10 days")
                .hasSummaryContaining("a 45-day certificate: the 30/7-day thresholds are scaled to its lifetime");
        assertThat(late).isFail().hasSummaryContaining("expires in 3 days");
    }

    @Test
    void shortLivedCertificateInItsLastDayFailsInHours() throws IOException {
        Result result = check(leaf().validity(NOW.minus(days(6)).plus(Duration.ofHours(10)), NOW.plus(Duration.ofHours(10)))
                .build(), intermediate);

        assertThat(result).isFail().hasSummaryContaining("expires in 10 hours");
    }

    @Test
    void thresholdsGivenInSettingsAreNotScaled() throws IOException {
        HeldCertificate leaf = leaf().validity(NOW.minus(days(2)), NOW.plus(days(4))).build();
        try (TlsTestServer server = TlsTestServer.builder(leaf).intermediates(intermediate).start()) {
            Result result = kit(server.port()).setting("warn-days", "30").run().result();

            assertThat(result).isFail().hasSummaryContaining("expires in 4 days");
        }
    }

    @Test
    void warnAndFailThresholdsComeFromSettings() throws IOException {
        HeldCertificate leaf = leaf().validity(NOW.minus(days(70)), NOW.plus(days(20))).build();
        try (TlsTestServer server = TlsTestServer.builder(leaf).intermediates(intermediate).start()) {
            Result result = kit(server.port()).setting("warn-days", "10").setting("fail-days", "5").run().result();

            assertThat(result).isPass();
        }
    }

    @Test
    void expiredCertificateFails() throws IOException {
        Result result = check(leaf().validity(NOW.minus(days(90)), NOW.minus(days(2))).build(), intermediate);

        assertThat(result).isFail().hasSummaryContaining("expired on 2026-05-30");
    }

    @Test
    void notYetValidCertificateFails() throws IOException {
        Result result = check(leaf().validity(NOW.plus(days(2)), NOW.plus(days(92))).build(), intermediate);

        assertThat(result).isFail().hasSummaryContaining("not valid until 2026-06-03");
    }

    @Test
    void selfSignedCertificateFails() throws IOException {
        Result result = check(leaf().signedBy(null).build());

        assertThat(result).isFail().hasSummaryContaining("self-signed").hasRemediationContaining("public CA");
    }

    @Test
    void certificateForAnotherHostFails() throws IOException {
        Result result = check(TestCertificates.builder("other.test").dnsNames("other.test", "www.other.test")
                .validity(NOW.minus(days(1)), NOW.plus(days(90))).signedBy(intermediate).build(), intermediate);

        assertThat(result).isFail()
                .hasSummary("the certificate is not valid for shop.test (it names other.test, www.other.test)")
                .hasRemediationContaining("subjectAltName includes shop.test");
    }

    @Test
    void leafWithoutItsIntermediateFails() throws IOException {
        Result result = check(leaf().build());

        assertThat(result).isFail().hasSummaryContaining("intermediate for CN=Preflight Test Intermediate is missing")
                .hasRemediationContaining("full chain")
                .hasDetail("chain", List.of("CN=shop.test"));
    }

    @Test
    void rsa1024KeyFails() throws IOException {
        Result result = check(leaf().rsa(1024).build(), intermediate);

        assertThat(result).isFail().hasSummaryContaining("weak RSA 1024 key").hasDetail("key", "RSA 1024");
    }

    @Test
    void sha1SignatureFails() throws IOException {
        Result result = check(leaf().signatureAlgorithm("SHA1withRSA").build(), intermediate);

        assertThat(result).isFail().hasSummaryContaining("signed with SHA1withRSA")
                .hasDetail("signatureAlgorithm", "SHA1withRSA");
    }

    @Test
    void chainFromAnUntrustedRootFails() throws IOException {
        HeldCertificate otherRoot = TestCertificates.builder("Unknown Root").certificateAuthority(1)
                .validity(NOW.minus(days(365)), NOW.plus(days(3650))).build();
        HeldCertificate otherIntermediate = TestCertificates.builder("Unknown Intermediate").certificateAuthority(0)
                .validity(NOW.minus(days(365)), NOW.plus(days(1825))).signedBy(otherRoot).build();

        Result result = check(leaf().signedBy(otherIntermediate).build(), otherIntermediate);

        assertThat(result).isFail().hasSummaryContaining("does not lead to a trusted root")
                .hasRemediationContaining("--ca-file");
    }

    @Test
    void chainThatAppendsTheRootPasses() throws IOException {
        assertThat(check(leaf().build(), intermediate, root)).isPass();
    }

    @Test
    void plainHttpTargetIsSkipped() {
        Result result = ProbeTestKit.forProbe(new TlsCertificateProbe()).target(Target.web("http://shop.test/"))
                .run().result();

        assertThat(result).isSkip().hasSummaryContaining("not an https:// URL");
    }

    @Test
    void refusedConnectionIsAnError() {
        int port;
        try (ContractTargets targets = ContractTargets.open()) {
            String unreachable = targets.unreachable();
            port = Integer.parseInt(unreachable.substring(unreachable.lastIndexOf(':') + 1));
        }

        Result result = kit(port).run().result();

        assertThat(result).isError().hasSummary("cannot connect to shop.test:" + port + " (127.0.0.1): connection refused")
                .hasDetail("address", "127.0.0.1");
    }

    @Test
    void oneBadNodeAmongSeveralAddressesFailsAndIsNamed() throws IOException {
        InetAddress first = InetAddress.getByName("127.0.0.1");
        InetAddress second = InetAddress.getByName("127.0.0.2");
        try (TlsTestServer good = TlsTestServer.builder(leaf().build()).intermediates(intermediate).bind(first, 0).start();
                TlsTestServer stale = TlsTestServer.builder(leaf().validity(NOW.minus(days(100)), NOW.minus(days(2)))
                        .build()).intermediates(intermediate).bind(second, good.port()).start()) {
            NetworkSettings network = NetworkSettings.builder()
                    .hostOverride(new HostOverride(HOST, good.port(), first))
                    .hostOverride(new HostOverride(HOST, good.port(), second))
                    .trust(List.of(root.certificate())).build();

            Result result = ProbeTestKit.forProbe(new TlsCertificateProbe())
                    .target(Target.web("https://" + HOST + ":" + good.port() + "/")).network(network).clock(CLOCK)
                    .run().result();

            assertThat(result).isFail().hasSummaryContaining("on 127.0.0.2 of 2 addresses")
                    .hasSummaryContaining("expired")
                    .hasDetail("address", "127.0.0.2")
                    .hasDetail("addresses", List.of("127.0.0.1", "127.0.0.2"));
            assertThat((List<?>) result.details().get("perAddress")).first().asString().startsWith("127.0.0.1: PASS");
        }
    }

    private static TestCertificates.Builder leaf() {
        return TestCertificates.builder(HOST).dnsNames(HOST).validity(NOW.minus(days(1)), NOW.plus(days(90)))
                .signedBy(intermediate);
    }

    private static Result check(HeldCertificate leaf, HeldCertificate... chain) throws IOException {
        try (TlsTestServer server = TlsTestServer.builder(leaf).intermediates(chain).start()) {
            return kit(server.port()).run().result();
        }
    }

    private static ProbeTestKit kit(int port) {
        NetworkSettings network = NetworkSettings.builder()
                .hostOverride(new HostOverride(HOST, port, InetAddress.getLoopbackAddress()))
                .trust(List.of(root.certificate()))
                .build();
        return ProbeTestKit.forProbe(new TlsCertificateProbe())
                .target(Target.web("https://" + HOST + ":" + port + "/"))
                .network(network)
                .clock(CLOCK);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
