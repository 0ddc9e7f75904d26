package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.Report;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
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
 * Real handshakes against a loopback server presenting leaves minted per test with chosen dates, from
 * intermediates named like a test CA, Let's Encrypt and DigiCert; judged on a fixed clock. The target
 * is {@code https://shop.test:PORT/}, sent to 127.0.0.1 as {@code --resolve} would.
 */
class TlsRenewalProbeTest {
    /** Several probes share two cores on the build machine: room for the handshakes, not for a hang. */
    private static final Duration LOADED_MACHINE = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String HOST = "shop.test";

    private static HeldCertificate root;
    private static HeldCertificate testCa;
    private static HeldCertificate letsEncrypt;
    private static HeldCertificate digiCert;

    @BeforeAll
    static void mintTheCas() {
        root = TestCertificates.builder("Preflight Renewal Root").certificateAuthority(1)
                .validity(NOW.minus(days(900)), NOW.plus(days(3650))).build();
        testCa = intermediate("Preflight Test Intermediate", null);
        letsEncrypt = intermediate("R11", "Let's Encrypt");
        digiCert = intermediate("DigiCert Global G2 TLS RSA SHA256 2020 CA1", "DigiCert Inc");
    }

    @Test
    void aYoung90DayCertificatePassesWithItsRenewalPoint() throws IOException {
        Result result = check(leaf(letsEncrypt, 20, 90), letsEncrypt);

        assertThat(result).isPass().hasSummary("the 90-day certificate is 20 days old; renewal is due on 2027-01-10")
                .hasDetail("lifetimeDays", 90L).hasDetail("ageDays", 20L).hasDetail("daysLeft", 70L)
                .hasDetail("renewal", "automated").hasDetail("issuer", "Let's Encrypt")
                .hasDetail("renewalDue", "2027-01-10T12:00:00Z")
                .hasGauge(TlsRenewalProbe.NOT_BEFORE_GAUGE, v -> v == NOW.minus(days(20)).getEpochSecond());
        assertThat((String) result.details().get("issuerTypicalLifetime")).startsWith("Let's Encrypt: 90 days")
                .contains("6 days (shortlived profile)");
    }

    @Test
    void a90DayCertificateOlderThan61DaysWarnsThatRenewalStalled() throws IOException {
        Result result = check(leaf(testCa, 62, 90), testCa);

        assertThat(result).isWarn()
                .hasSummary("the 90-day certificate is 62 days old, past its renewal point on 2026-11-29 (28 days left):"
                        + " automated renewal looks stalled")
                .hasRemediationContaining("certbot renew --dry-run").hasRemediationContaining("nginx -s reload");
    }

    @Test
    void aRenewalJobThatHasNotRunYetTodayIsGivenADay() throws IOException {
        HeldCertificate leaf = leafFrom(testCa, NOW.minus(days(60)).minus(Duration.ofHours(12)), days(90));

        assertThat(check(leaf, testCa)).isPass().hasDetail("ageDays", 60L);
    }

    @Test
    void aSixDayCertificateIsRenewedAtHalfItsLifetime() throws IOException {
        Duration lifetime = Duration.ofHours(160);
        assertThat(check(leafFrom(letsEncrypt, NOW.minus(days(2)), lifetime), letsEncrypt)).isPass()
                .hasDetail("lifetimeDays", 7L);

        Result late = check(leafFrom(letsEncrypt, NOW.minus(days(4)), lifetime), letsEncrypt);

        assertThat(late).isWarn().hasSummaryContaining("is 4 days old, past its renewal point")
                .hasSummaryContaining("(2 days left)");
    }

    @Test
    void a45DayCertificateIsDueAt30Days() throws IOException {
        assertThat(check(leaf(letsEncrypt, 29, 45), letsEncrypt)).isPass();
        assertThat(check(leaf(letsEncrypt, 32, 45), letsEncrypt)).isWarn().hasDetail("daysLeft", 13L);
    }

    @Test
    void aHealthy398DayCertificateRenewedByHandPassesWithANote() throws IOException {
        Result result = check(leaf(digiCert, 300, 398), digiCert);

        assertThat(result).isPass().hasDetail("renewal", "manual").hasDetail("daysLeft", 98L)
                .hasDetail("renewalDue", NOW.plus(days(68)).toString());
        assertThat((String) result.details().get("issuerTypicalLifetime")).startsWith("DigiCert: at most 398 days")
                .contains("SC-081v3");
        assertThat(result.details().get("notes").toString()).contains("taken as renewed by hand").contains("200 days");
    }

    @Test
    void a398DayCertificateWithFewerThanWarnDaysLeftWarns() throws IOException {
        Result result = check(leaf(digiCert, 380, 398), digiCert);

        assertThat(result).isWarn().hasSummaryContaining("has 18 days left and has not been replaced")
                .hasRemediationContaining("automate renewal with ACME");
    }

    @Test
    void an180DayCertificateFromAnUnknownCaIsTakenAsManual() throws IOException {
        assertThat(check(leaf(testCa, 150, 180), testCa)).isPass().hasDetail("renewal", "manual");
    }

    @Test
    void anExpiredCertificateFailsAsNotRenewed() throws IOException {
        Result result = check(leaf(letsEncrypt, 92, 90), letsEncrypt);

        assertThat(result).isFail().hasSummary("the 90-day certificate expired on 2026-11-29: it was not renewed"
                + " (due 2026-10-30)").hasRemediationContaining("Renew the certificate now");
    }

    @Test
    void aNotYetValidCertificateFails() throws IOException {
        HeldCertificate leaf = leafFrom(testCa, NOW.plus(days(2)), days(90));

        assertThat(check(leaf, testCa)).isFail().hasSummaryContaining("not valid until 2026-12-03")
                .hasRemediationContaining("clock");
    }

    @Test
    void plainHttpTargetIsSkipped() {
        Result result = ProbeTestKit.forProbe(new TlsRenewalProbe()).target(Target.web("http://shop.test/")).run()
                .result();

        assertThat(result).isSkip().hasSummaryContaining("not an https:// URL");
    }

    @Test
    void oneStaleNodeAmongTwoIsNamed() throws IOException {
        InetAddress first = InetAddress.getByName("127.0.0.1");
        InetAddress second = InetAddress.getByName("127.0.0.2");
        try (TlsTestServer fresh = TlsTestServer.builder(leaf(testCa, 5, 90)).intermediates(testCa).bind(first, 0).start();
                TlsTestServer stale = TlsTestServer.builder(leaf(testCa, 70, 90)).intermediates(testCa)
                        .bind(second, fresh.port()).start()) {
            NetworkSettings network = NetworkSettings.builder().hostOverride(new HostOverride(HOST, fresh.port(), first))
                    .hostOverride(new HostOverride(HOST, fresh.port(), second)).trust(List.of(root.certificate())).build();

            Result result = ProbeTestKit.forProbe(new TlsRenewalProbe()).target(Target.web("https://" + HOST + ":"
                    + fresh.port() + "/")).network(network).clock(CLOCK).run().result();

            assertThat(result).isWarn().hasSummaryContaining("on 127.0.0.2 of 2 addresses")
                    .hasSummaryContaining("70 days old");
        }
    }

    /** tls.certificate and tls.renewal read the chain from one shared handshake, not one each. */
    @Test
    void sharesTheHandshakeWithTlsCertificate() throws IOException {
        try (TlsTestServer server = TlsTestServer.builder(leaf(testCa, 10, 90)).intermediates(testCa).start()) {
            Report report = Preflight.builder().target(Target.web("https://" + HOST + ":" + server.port() + "/"))
                    .probes("tls.certificate", "tls.renewal").network(network(server.port())).clock(CLOCK)
                    .timeout(Duration.ofSeconds(10)).build().run();

            assertThat(report).hasOutcome("tls.renewal").hasStatus(Status.PASS);
            assertThat(report).hasOutcome("tls.certificate").hasStatus(Status.PASS);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    private static HeldCertificate intermediate(String name, String organization) {
        TestCertificates.Builder b = TestCertificates.builder(name).certificateAuthority(0)
                .validity(NOW.minus(days(800)), NOW.plus(days(1825))).signedBy(root);
        return (organization == null ? b : b.organization(organization)).build();
    }

    private static HeldCertificate leaf(HeldCertificate issuer, long ageDays, long lifetimeDays) {
        return leafFrom(issuer, NOW.minus(days(ageDays)), days(lifetimeDays));
    }

    private static HeldCertificate leafFrom(HeldCertificate issuer, Instant notBefore, Duration lifetime) {
        return TestCertificates.builder(HOST).dnsNames(HOST).validity(notBefore, notBefore.plus(lifetime))
                .signedBy(issuer).build();
    }

    private static Result check(HeldCertificate leaf, HeldCertificate... chain) throws IOException {
        try (TlsTestServer server = TlsTestServer.builder(leaf).intermediates(chain).start()) {
            return ProbeTestKit.forProbe(new TlsRenewalProbe()).target(Target.web("https://" + HOST + ":"
                    + server.port() + "/")).network(network(server.port())).clock(CLOCK).timeout(LOADED_MACHINE).run()
                    .result();
        }
    }

    private static NetworkSettings network(int port) {
        return NetworkSettings.builder().hostOverride(new HostOverride(HOST, port, InetAddress.getLoopbackAddress()))
                .trust(List.of(root.certificate())).build();
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
