package dev.preflight.testsupport;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A minted certificate together with its key pair, as {@link TestCertificates} returns it: enough to
 * sign further certificates or to serve it from {@link TlsTestServer}. Immutable.
 *
 * <pre>{@code
 * HeldCertificate root = TestCertificates.builder("Test Root").certificateAuthority(1).build();
 * Files.writeString(dir.resolve("ca.pem"), root.certificatePem());
 * }</pre>
 *
 * @param certificate the certificate
 * @param keyPair its key pair
 * @since 0.1
 */
public record HeldCertificate(X509Certificate certificate, KeyPair keyPair) {

    /** Rejects missing parts. */
    public HeldCertificate {
        Objects.requireNonNull(certificate, "'certificate' must not be null");
        Objects.requireNonNull(keyPair, "'keyPair' must not be null");
    }

    /** @return the private key */
    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** @return the certificate as a PEM block ({@code -----BEGIN CERTIFICATE-----}) */
    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    /** @return the private key as a PKCS#8 PEM block ({@code -----BEGIN PRIVATE KEY-----}) */
    public String privateKeyPem() {
        return Pem.block("PRIVATE KEY", keyPair.getPrivate().getEncoded());
    }

    /**
     * A client's TLS context that trusts this certificate alone, as a root: for a test's own client
     * of a server whose chain ends at it.
     *
     * @return a new context
     * @throws IllegalStateException if the JVM cannot build it
     */
    public SSLContext trustingContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("root", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a TLS context trusting " + certificate.getSubjectX500Principal(), e);
        }
    }

    @Override
    public String toString() {
        // Never the key: test output is read by people and kept by CI.
        return "HeldCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
