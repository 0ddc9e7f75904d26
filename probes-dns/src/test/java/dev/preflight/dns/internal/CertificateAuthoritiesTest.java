package dev.preflight.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/** The issuer's organisation, as public CAs write it in their intermediates, names the CA's CAA domains. */
class CertificateAuthoritiesTest {

    private static X509Certificate issuedBy(String organisation, String commonName) {
        HeldCertificate ca = TestCertificates.builder(commonName).organization(organisation).certificateAuthority(0)
                .ecP256().build();
        return TestCertificates.builder("shop.test").ecP256().signedBy(ca).build().certificate();
    }

    @Test
    void publicCasAreKnownByTheirOrganisation() {
        assertThat(CertificateAuthorities.issuerOf(issuedBy("Google Trust Services", "WR1")))
                .hasValueSatisfying(ca -> assertThat(ca.identifiers()).containsExactly("pki.goog"));
        assertThat(CertificateAuthorities.issuerOf(issuedBy("DigiCert Inc", "GeoTrust TLS RSA CA G1")))
                .hasValueSatisfying(ca -> assertThat(ca.identifiers()).contains("digicert.com", "geotrust.com"));
        assertThat(CertificateAuthorities.issuerOf(issuedBy("GoDaddy.com, Inc.", "Go Daddy Secure Certificate"
                + " Authority - G2"))).hasValueSatisfying(ca -> assertThat(ca.name()).isEqualTo("GoDaddy"));
        assertThat(CertificateAuthorities.issuerOf(issuedBy("ZeroSSL", "ZeroSSL RSA Domain Secure Site CA")))
                .hasValueSatisfying(ca -> assertThat(ca.identifiers()).contains("sectigo.com"));
        assertThat(CertificateAuthorities.issuerOf(issuedBy("Amazon", "Amazon RSA 2048 M02")))
                .hasValueSatisfying(ca -> assertThat(ca.identifiers()).contains("amazon.com", "amazontrust.com"));
    }

    @Test
    void anUnlistedOrUnnamedIssuerIsNotGuessed() {
        assertThat(CertificateAuthorities.issuerOf(issuedBy("Encrypt Things Ltd", "Let's Encrypt R10 lookalike")))
                .isEmpty();
        X509Certificate selfSigned = TestCertificates.builder("shop.test").ecP256().build().certificate();
        assertThat(CertificateAuthorities.issuerOf(selfSigned)).isEmpty();
        assertThat(CertificateAuthorities.describeIssuer(selfSigned)).isEqualTo("shop.test");
    }
}
