package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestCertificatesTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void leafIsSignedByItsIntermediateAndCarriesTheChosenNamesAndDates() throws Exception {
        HeldCertificate root = TestCertificates.builder("Root").certificateAuthority(1).build();
        HeldCertificate intermediate = TestCertificates.builder("Intermediate").certificateAuthority(0)
                .signedBy(root).build();
        HeldCertificate leaf = TestCertificates.builder("shop.test").dnsNames("shop.test", "*.shop.test")
                .ipAddresses("127.0.0.1").validity(NOW, NOW.plus(Duration.ofDays(5))).signedBy(intermediate).build();

        X509Certificate certificate = leaf.certificate();
        assertThatCode(() -> certificate.verify(intermediate.certificate().getPublicKey())).doesNotThrowAnyException();
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(intermediate.certificate().getSubjectX500Principal());
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactly("shop.test", "*.shop.test", "127.0.0.1");
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(intermediate.certificate().getBasicConstraints()).isEqualTo(0);
    }

    @Test
    void weakKeysAndSignaturesAreMintedAsAsked() {
        HeldCertificate weak = TestCertificates.builder("old.test").rsa(1024).signatureAlgorithm("SHA1withRSA").build();

        assertThat(((RSAPublicKey) weak.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
        assertThat(weak.certificate().getSigAlgName()).isEqualTo("SHA1withRSA");
        assertThat(TestCertificates.builder("ec.test").ecP256().build().certificate().getSigAlgName())
                .isEqualTo("SHA256withECDSA");
    }

    @Test
    void anOrganizationComesBeforeTheCommonName() {
        HeldCertificate ca = TestCertificates.builder("R10").organization("Let's Encrypt").certificateAuthority(0).build();
        HeldCertificate leaf = TestCertificates.builder("shop.test").signedBy(ca).build();

        assertThat(leaf.certificate().getIssuerX500Principal().getName()).isEqualTo("CN=R10,O=Let's Encrypt");
    }

    @Test
    void pemExportParsesBackToTheSameCertificate() throws Exception {
        HeldCertificate held = TestCertificates.builder("pem.test").build();

        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(held.certificatePem().getBytes(StandardCharsets.US_ASCII)));

        assertThat(parsed).isEqualTo(held.certificate());
        assertThat(held.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(held.toString()).doesNotContain("PRIVATE");
        assertThat(List.of(held.certificatePem().split("\n"))).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(64));
    }
}
