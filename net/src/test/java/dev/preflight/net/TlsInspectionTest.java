package dev.preflight.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.net.CertificateProblem.Kind;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Status;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real handshakes against a loopback server with minted chains, and the judgement of what they
 * bring back: trust, name and date problems reported apart, on a fixed clock.
 */
class TlsInspectionTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String HOST = "mail.shop.test";

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
    void aHandshakeOverAConnectedSocketBringsTheChainAsSent() throws IOException {
        try (TlsTestServer server = TlsTestServer.builder(leaf().build()).intermediates(intermediate, root).start()) {
            Network network = Network.of(context(true));
            try (Socket socket = network.connect(InetAddress.getLoopbackAddress(), server.port())) {
                TlsSession session = network.tls().handshake(socket, HOST);

                assertThat(session.protocol()).startsWith("TLSv1.");
                assertThat(session.cipherSuite()).startsWith("TLS_");
                assertThat(session.chain()).extracting(c -> c.getSubjectX500Principal().getName())
                        .containsExactly("CN=" + HOST, "CN=Preflight Test Intermediate", "CN=Preflight Test Root");
            }
        }
    }

    @Test
    void aGoodChainPassesWithTheSameDetailsAsTlsCertificate() throws IOException {
        CertificateVerdict verdict = judgeServed(true, leaf().build(), intermediate);

        assertThat(verdict.status()).isEqualTo(Status.PASS);
        assertThat(verdict.toResult(HOST + ":587").summary())
                .isEqualTo("certificate for " + HOST + " is trusted and valid for 90 more days");
        assertThat(verdict.toResult(HOST + ":587").details()).containsEntry("daysLeft", 90L)
                .containsEntry("chain", List.of("CN=" + HOST, "CN=Preflight Test Intermediate"));
        assertThat(verdict.toResult(HOST + ":587").gauges()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo(CertificateVerdict.EXPIRY_GAUGE);
            assertThat(g.value()).isEqualTo(verdict.chain().get(0).getNotAfter().toInstant().getEpochSecond());
        });
    }

    @Test
    void anExpiredLeafOnAGoodChainIsADateProblemNotATrustProblem() throws IOException {
        HeldCertificate expired = leaf().validity(NOW.minus(days(400)), NOW.minus(days(2))).build();

        CertificateVerdict verdict = judgeServed(true, expired, intermediate);

        assertThat(verdict.problems(Kind.TRUST)).isEmpty();
        assertThat(verdict.problems(Kind.DATE)).singleElement()
                .satisfies(p -> {
                    assertThat(p.summary()).isEqualTo("the certificate expired on 2026-05-30");
                    assertThat(p.remediation()).startsWith("Renew the certificate now").doesNotContain("before");
                });
        assertThat(verdict.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aLeafThatExpiredBeforeItsIntermediateBeganIsStillJudgedOnItsDates() throws IOException {
        // The two were never valid at once, so no instant validates the path: say so, apart from the date.
        HeldCertificate newIntermediate = TestCertificates.builder("Preflight New Intermediate").certificateAuthority(0)
                .validity(NOW.minus(days(30)), NOW.plus(days(1825))).signedBy(root).build();
        HeldCertificate old = TestCertificates.builder(HOST).dnsNames(HOST)
                .validity(NOW.minus(days(400)), NOW.minus(days(40))).signedBy(newIntermediate).build();

        CertificateVerdict verdict = judgeServed(true, old, newIntermediate);

        assertThat(verdict.problems(Kind.DATE)).extracting(CertificateProblem::summary)
                .containsExactly("the certificate expired on 2026-04-22");
        assertThat(verdict.problems(Kind.TRUST)).singleElement()
                .satisfies(p -> assertThat(p.summary()).contains("never all valid at the same time"));
    }

    @Test
    void aLeafFromAnUnknownPrivateRootNamesBothPossibleCauses() throws IOException {
        HeldCertificate privateRoot = TestCertificates.builder("Acme Private Root").certificateAuthority(1)
                .validity(NOW.minus(days(365)), NOW.plus(days(3650))).build();
        HeldCertificate leaf = leaf().signedBy(privateRoot).build();

        CertificateVerdict verdict = judgeServed(false, leaf);

        assertThat(verdict.problems(Kind.TRUST)).singleElement().satisfies(p -> assertThat(p.summary())
                .contains("its issuer CN=Acme Private Root is not a trusted root")
                .contains("is a private CA"));
        assertThat(verdict.problems(Kind.DATE)).isEmpty();
    }

    @Test
    void aChainEndingAtAnUntrustedRootSaysSo() throws IOException {
        CertificateVerdict verdict = judgeServed(false, leaf().build(), intermediate, root);

        assertThat(verdict.problems(Kind.TRUST)).singleElement().satisfies(p -> assertThat(p.summary())
                .isEqualTo("the chain does not lead to a trusted root: it ends at CN=Preflight Test Root, a root"
                        + " that is not trusted"));
    }

    @Test
    void theSameChainIsTrustedOnceItsRootIsGivenAsAnExtraCa() throws IOException {
        assertThat(judgeServed(true, leaf().build(), intermediate, root).problems()).isEmpty();
    }

    @Test
    void aWrongNameIsANameProblemOnly() throws IOException {
        HeldCertificate other = TestCertificates.builder("other.test").dnsNames("other.test")
                .validity(NOW.minus(days(1)), NOW.plus(days(90))).signedBy(intermediate).build();

        CertificateVerdict verdict = judgeServed(true, other, intermediate);

        assertThat(verdict.problems()).extracting(CertificateProblem::kind).containsExactly(Kind.NAME);
    }

    @Test
    void expiryThresholdsComeFromTheProbesSettings() throws IOException {
        HeldCertificate soon = leaf().validity(NOW.minus(days(80)), NOW.plus(days(20))).build();
        List<X509Certificate> chain = List.of(soon.certificate(), intermediate.certificate());

        CertificateVerdict verdict = Network.of(context(true)).tls().judge(HOST, chain, 30, 7);

        assertThat(verdict.status()).isEqualTo(Status.WARN);
        assertThat(verdict.daysLeft()).isEqualTo(20);
        assertThat(Network.of(context(true)).tls().judge(HOST, chain, 14, 7).status()).isEqualTo(Status.PASS);
    }

    private static CertificateVerdict judgeServed(boolean trustRoot, HeldCertificate leaf, HeldCertificate... chain)
            throws IOException {
        try (TlsTestServer server = TlsTestServer.builder(leaf).intermediates(chain).start()) {
            Network network = Network.of(context(trustRoot));
            TlsSession session = network.tls().handshake(HOST, InetAddress.getLoopbackAddress(), server.port());
            return network.tls().judge(HOST, session.chain());
        }
    }

    private static ProbeContext context(boolean trustRoot) {
        NetworkSettings network = trustRoot ? NetworkSettings.builder().trust(List.of(root.certificate())).build()
                : NetworkSettings.system();
        return Contexts.with(network, Duration.ofSeconds(5), CLOCK);
    }

    private static TestCertificates.Builder leaf() {
        return TestCertificates.builder(HOST).dnsNames(HOST).validity(NOW.minus(days(1)), NOW.plus(days(90)))
                .signedBy(intermediate);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
