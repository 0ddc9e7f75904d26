package dev.preflight.net.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.net.CertificateProblem;
import dev.preflight.probe.Status;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trust judged on chains the test mints: roots picked by the last certificate's issuer, as PKIX picks them. */
class ChainTrustTest {
    private static final Instant NOW = Instant.now();

    private static HeldCertificate root(String name) {
        return TestCertificates.builder(name).certificateAuthority(2).build();
    }

    private static HeldCertificate intermediate(HeldCertificate root) {
        return TestCertificates.builder("Test Intermediate").certificateAuthority(0).signedBy(root).build();
    }

    private static HeldCertificate leaf(HeldCertificate issuer) {
        return TestCertificates.builder("shop.test").dnsNames("shop.test").signedBy(issuer).build();
    }

    private static List<CertificateProblem> judge(List<X509Certificate> roots, X509Certificate... chain) {
        return new ChainTrust(TrustRoots.of(roots)).problems(List.of(chain), NOW);
    }

    @Test
    void aChainToATrustedRootHasNoTrustProblem() {
        HeldCertificate root = root("Test Root");
        HeldCertificate ca = intermediate(root);

        assertThat(judge(List.of(root("Other Root").certificate(), root.certificate()),
                leaf(ca).certificate(), ca.certificate())).isEmpty();
    }

    @Test
    void aRootTheServerAppendsIsLeftToPkixAsTheAnchor() {
        HeldCertificate root = root("Test Root");
        HeldCertificate ca = intermediate(root);

        assertThat(judge(List.of(root.certificate()), leaf(ca).certificate(), ca.certificate(), root.certificate()))
                .isEmpty();
    }

    @Test
    void aRootThatOnlySharesATrustedRootsNameIsNotTrusted() {
        HeldCertificate trusted = root("Test Root");
        HeldCertificate impostor = root("Test Root");
        HeldCertificate ca = intermediate(impostor);

        List<CertificateProblem> problems = judge(List.of(trusted.certificate()), leaf(ca).certificate(),
                ca.certificate(), impostor.certificate());

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CertificateProblem.Kind.TRUST);
            assertThat(p.status()).isEqualTo(Status.FAIL);
            assertThat(p.summary()).contains("does not lead to a trusted root").contains("Test Root");
        });
    }

    @Test
    void ofTwoTrustedRootsWithOneNameTheOneWhoseKeySignedIsFound() {
        HeldCertificate first = root("Test Root");
        HeldCertificate second = root("Test Root");
        HeldCertificate ca = intermediate(second);

        assertThat(judge(List.of(first.certificate(), second.certificate()), leaf(ca).certificate(), ca.certificate()))
                .isEmpty();
        assertThat(judge(List.of(second.certificate(), first.certificate()), leaf(ca).certificate(), ca.certificate()))
                .isEmpty();
    }

    @Test
    void aChainEndingBelowAnUntrustedRootNamesWhatIsMissing() {
        HeldCertificate ca = intermediate(root("Private Root"));

        List<CertificateProblem> problems = judge(List.of(root("Test Root").certificate()), leaf(ca).certificate(),
                ca.certificate());

        assertThat(problems).singleElement().satisfies(p -> assertThat(p.summary())
                .contains("ends at").contains("Test Intermediate").contains("Private Root"));
    }
}
