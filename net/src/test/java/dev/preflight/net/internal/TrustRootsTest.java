package dev.preflight.net.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class TrustRootsTest {
    private static HeldCertificate root(String name) {
        return TestCertificates.builder(name).organization("Acme").certificateAuthority(1).build();
    }

    @Test
    void rootsAreFoundByTheirSubjectComparedAsX500Names() {
        HeldCertificate root = root("Test Root");
        TrustRoots roots = TrustRoots.of(List.of(root("Other Root").certificate(), root.certificate()));

        assertThat(roots.named(new X500Principal("cn=test root,  o=ACME"))).singleElement()
                .satisfies(anchor -> assertThat(anchor.getTrustedCert()).isEqualTo(root.certificate()));
        assertThat(roots.named(new X500Principal("CN=Missing Root, O=Acme"))).isEmpty();
    }

    @Test
    void rootsSharingANameAreAllKeptAndDuplicatesOnce() {
        HeldCertificate first = root("Test Root");
        HeldCertificate second = root("Test Root");

        TrustRoots roots = TrustRoots.of(List.of(first.certificate(), second.certificate(), first.certificate()));

        assertThat(roots.named(first.certificate().getSubjectX500Principal()))
                .extracting(anchor -> anchor.getTrustedCert())
                .containsExactly(first.certificate(), second.certificate());
    }

    @Test
    void containsMeansTheSameCertificateNotTheSameName() {
        HeldCertificate trusted = root("Test Root");
        HeldCertificate sameName = root("Test Root");

        TrustRoots roots = TrustRoots.of(List.of(trusted.certificate()));

        assertThat(roots.contains(trusted.certificate())).isTrue();
        assertThat(roots.contains(sameName.certificate())).isFalse();
    }
}
