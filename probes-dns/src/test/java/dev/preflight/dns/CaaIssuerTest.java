package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code dns.caa} with the site's certificate read in the same check: HTTPS servers on loopback whose
 * chains come from an intermediate that reads like Let's Encrypt's, or like a private CA's, under CAA
 * records that permit that CA, another one, or none.
 */
class CaaIssuerTest {
    private static DnsTestServer dns;
    private static TlsTestServer letsEncrypt;
    private static TlsTestServer privateCa;
    private static TlsTestServer wildcard;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        HeldCertificate root = TestCertificates.builder("ISRG Root X1").organization("Internet Security Research Group")
                .certificateAuthority(1).ecP256().build();
        HeldCertificate r10 = TestCertificates.builder("R10").organization("Let's Encrypt").certificateAuthority(0)
                .ecP256().signedBy(root).build();
        HeldCertificate inHouse = TestCertificates.builder("Shop Internal Issuing CA").organization("Shop Ltd")
                .certificateAuthority(0).ecP256().build();
        letsEncrypt = TlsTestServer.builder(TestCertificates.builder("le.test")
                .dnsNames("le.test", "digi.test", "closed.test", "open.test").ecP256().signedBy(r10).build())
                .intermediates(r10).start();
        privateCa = TlsTestServer.builder(TestCertificates.builder("private.test").dnsNames("private.test")
                .ecP256().signedBy(inHouse).build()).intermediates(inHouse).start();
        wildcard = TlsTestServer.builder(TestCertificates.builder("*.wild.test").dnsNames("*.wild.test")
                .ecP256().signedBy(r10).build()).intermediates(r10).start();
        dns = DnsTestServer.builder()
                .zone(DnsZone.named("le.test").caa("@", 0, "issue", "letsencrypt.org").a("@", "127.0.0.1"))
                .zone(DnsZone.named("digi.test").caa("@", 0, "issue", "digicert.com").a("@", "127.0.0.1"))
                .zone(DnsZone.named("closed.test").caa("@", 0, "issue", ";").a("@", "127.0.0.1"))
                .zone(DnsZone.named("open.test").a("@", "127.0.0.1"))
                .zone(DnsZone.named("parked.test").caa("@", 0, "issue", "digicert.com").a("@", "127.0.0.1"))
                .zone(DnsZone.named("private.test").caa("@", 0, "issue", "letsencrypt.org").a("@", "127.0.0.1"))
                .zone(DnsZone.named("wild.test").caa("@", 0, "issue", "letsencrypt.org")
                        .caa("@", 0, "issuewild", "digicert.com").a("@", "127.0.0.1"))
                .start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable server : new AutoCloseable[] {dns, letsEncrypt, privateCa, wildcard}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                // Closing a test server: nothing left to check.
            }
        }
    }

    private static Result check(String domain, TlsTestServer site) {
        return DnsZones.kit(new CaaProbe(site.port()), dns, domain).run().result();
    }

    @Test
    void recordsPermittingTheSitesCaPass() {
        assertThat(check("le.test", letsEncrypt)).isPass()
                .hasSummary("CAA for le.test allows letsencrypt.org, and permits the site's CA Let's Encrypt")
                .hasDetail("certificate", "issued by R10 (Let's Encrypt) (le.test:" + letsEncrypt.port()
                        + " (127.0.0.1))");
    }

    @Test
    void recordsNotPermittingTheSitesCaFailBeforeTheRenewal() {
        assertThat(check("digi.test", letsEncrypt)).isFail()
                .hasSummary("CAA for digi.test allows only digicert.com, but the site's certificate comes from"
                        + " R10 (Let's Encrypt): the next renewal by Let's Encrypt will be refused")
                .hasRemediationContaining("digi.test. CAA 0 issue \"letsencrypt.org\"");
    }

    @Test
    void forbiddingEveryCaFailsWhenTheSiteHasACertificate() {
        assertThat(check("closed.test", letsEncrypt)).isFail()
                .hasSummaryContaining("forbids every CA (issue \";\")").hasSummaryContaining("will be refused");
    }

    @Test
    void aCaTheTableDoesNotKnowIsNeverAGuessedPass() {
        assertThat(check("private.test", privateCa)).isWarn()
                .hasSummary("cannot tell whether CAA for private.test (letsencrypt.org) permits the site's certificate"
                        + " issuer Shop Internal Issuing CA (Shop Ltd)");
    }

    @Test
    void aWildcardCertificateIsHeldAgainstIssuewild() {
        assertThat(check("wild.test", wildcard)).isFail()
                .hasSummaryContaining("allows only digicert.com for wildcards")
                .hasRemediationContaining("CAA 0 issuewild \"letsencrypt.org\"");
    }

    @Test
    void withoutCaaTheRemediationNamesTheSitesCa() {
        assertThat(check("open.test", letsEncrypt)).isWarn().hasSummaryContaining("any CA may issue")
                .hasRemediationContaining("open.test. CAA 0 issue \"letsencrypt.org\"")
                .hasDetail("certificate", "issued by R10 (Let's Encrypt) (open.test:" + letsEncrypt.port()
                        + " (127.0.0.1))");
    }

    @Test
    void aCertificateForOtherNamesIsNotHeldAgainstTheDomainsCaa() {
        // A hosting provider's default certificate: parked.test's CAA does not govern its renewal.
        Result result = check("parked.test", privateCa);

        assertThat(result).isPass().hasSummary("CAA for parked.test allows digicert.com");
        assertThat(String.valueOf(result.details().get("certificate")))
                .endsWith("but it names neither parked.test nor *.parked.test, so its issuer is not judged");
    }

    @Test
    void noHttpsLeavesTheRecordsVerdictWithTheReason() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }

        Result result = DnsZones.kit(new CaaProbe(closed), dns, "digi.test").run().result();

        assertThat(result).isPass().hasSummary("CAA for digi.test allows digicert.com")
                .hasDetail("certificate", "not known: cannot connect to digi.test:" + closed
                        + " (127.0.0.1): connection refused");
    }

    @Test
    void aSiteThatNeverAnswersTheHandshakeLeavesTimeForTheVerdict() throws IOException {
        // Connections complete in the kernel's backlog, but nothing ever accepts or answers them.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            long start = System.nanoTime();
            Result result = DnsZones.kit(new CaaProbe(silent.getLocalPort()), dns, "digi.test")
                    .timeout(Duration.ofMillis(1500)).run().result();
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertThat(result).isPass().hasSummary("CAA for digi.test allows digicert.com");
            assertThat(String.valueOf(result.details().get("certificate"))).startsWith("not known: ")
                    .contains("before the deadline");
            assertThat(elapsed).isLessThan(1500);
        }
    }
}
