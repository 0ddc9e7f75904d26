package dev.preflight.testsupport;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints X.509 certificates with BouncyCastle for tests: roots, intermediates and leaves with any
 * dates, names, key types and signature algorithms, including the bad ones a probe must catch
 * (expired, SHA-1, RSA 1024, self-signed).
 *
 * <pre>{@code
 * HeldCertificate root = TestCertificates.builder("Test Root").certificateAuthority(1).build();
 * HeldCertificate intermediate = TestCertificates.builder("Test Intermediate")
 *         .certificateAuthority(0).signedBy(root).build();
 * HeldCertificate leaf = TestCertificates.builder("shop.test").dnsNames("shop.test")
 *         .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)))
 *         .signedBy(intermediate).build();
 * }</pre>
 *
 * <p>Defaults: RSA 2048, valid from one hour ago for 90 days, a leaf (not a CA), self-signed unless
 * {@link Builder#signedBy} names an issuer, SHA256withRSA or SHA256withECDSA after the issuer's key.
 * The BouncyCastle provider is used for signing only and is never installed in the JVM, so the JDK's
 * own TLS and certificate code under test stays as users have it.
 *
 * @since 0.1
 */
public final class TestCertificates {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /**
     * @param commonName the subject's CN, e.g. {@code shop.test} or {@code Test Root CA}
     * @return a builder for a certificate with that subject
     */
    public static Builder builder(String commonName) {
        return new Builder(commonName);
    }

    /**
     * A new RSA key pair.
     *
     * @param bits the modulus size, e.g. 1024 or 2048
     * @return the key pair
     */
    public static KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate RSA " + bits + " key", e);
        }
    }

    /** @return a new EC key pair on P-256 (secp256r1) */
    public static KeyPair ecP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate EC P-256 key", e);
        }
    }

    /**
     * Builds one certificate. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String commonName;
        private String organization;
        private final List<GeneralName> alternativeNames = new ArrayList<>();
        private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        private Instant notAfter = notBefore.plus(Duration.ofDays(90));
        private KeyPair keyPair;
        private String signatureAlgorithm;
        private HeldCertificate issuer;
        private int maxIntermediates = -1;

        private Builder(String commonName) {
            this.commonName = Objects.requireNonNull(commonName, "'commonName' must not be null");
        }

        /**
         * @param organization the subject's O, e.g. {@code Let's Encrypt} for an intermediate that reads
         *     like a public CA's; none by default
         * @return this builder
         */
        public Builder organization(String organization) {
            this.organization = Objects.requireNonNull(organization, "'organization' must not be null");
            return this;
        }

        /** @param names DNS names for the subjectAltName extension, wildcards allowed @return this builder */
        public Builder dnsNames(String... names) {
            for (String name : names) {
                alternativeNames.add(new GeneralName(GeneralName.dNSName, name));
            }
            return this;
        }

        /** @param addresses IP literals for the subjectAltName extension @return this builder */
        public Builder ipAddresses(String... addresses) {
            for (String address : addresses) {
                alternativeNames.add(new GeneralName(GeneralName.iPAddress, address));
            }
            return this;
        }

        /** @param from notBefore @param until notAfter @return this builder */
        public Builder validity(Instant from, Instant until) {
            this.notBefore = from;
            this.notAfter = until;
            return this;
        }

        /** @param bits RSA modulus size @return this builder, with a fresh RSA key */
        public Builder rsa(int bits) {
            this.keyPair = rsaKeyPair(bits);
            return this;
        }

        /** @return this builder, with a fresh EC P-256 key */
        public Builder ecP256() {
            this.keyPair = ecP256KeyPair();
            return this;
        }

        /** @param keyPair a key pair to certify, e.g. to reuse one across certificates @return this builder */
        public Builder keyPair(KeyPair keyPair) {
            this.keyPair = keyPair;
            return this;
        }

        /**
         * @param algorithm the JCA name the issuer signs with, e.g. {@code SHA1withRSA}; it must fit the
         *     issuer's key
         * @return this builder
         */
        public Builder signatureAlgorithm(String algorithm) {
            this.signatureAlgorithm = algorithm;
            return this;
        }

        /** @param issuer the CA that signs this certificate; without one it signs itself @return this builder */
        public Builder signedBy(HeldCertificate issuer) {
            this.issuer = issuer;
            return this;
        }

        /**
         * Makes this a CA certificate (basicConstraints cA=true, keyCertSign).
         *
         * @param maxIntermediates the path length constraint: 1 for a root over one intermediate, 0 for
         *     an intermediate that signs leaves
         * @return this builder
         */
        public Builder certificateAuthority(int maxIntermediates) {
            this.maxIntermediates = maxIntermediates;
            return this;
        }

        /** @return the minted certificate and its key pair */
        public HeldCertificate build() {
            KeyPair subjectKeys = keyPair != null ? keyPair : rsaKeyPair(2048);
            KeyPair signingKeys = issuer != null ? issuer.keyPair() : subjectKeys;
            X500NameBuilder names = new X500NameBuilder(BCStyle.INSTANCE);
            if (organization != null) {
                names.addRDN(BCStyle.O, organization);
            }
            X500Name subject = names.addRDN(BCStyle.CN, commonName).build();
            X500Name issuerName = issuer != null
                    ? X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded())
                    : subject;
            try {
                JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                        new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                        subject, subjectKeys.getPublic());
                builder.addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(signingKeys.getPublic()));
                if (maxIntermediates >= 0) {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(maxIntermediates));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                } else {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                }
                if (!alternativeNames.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(alternativeNames.toArray(GeneralName[]::new)));
                }
                ContentSigner signer = new JcaContentSignerBuilder(algorithmFor(signingKeys))
                        .setProvider(BC).build(signingKeys.getPrivate());
                byte[] der = builder.build(signer).getEncoded();
                // Parsed by the JDK's own factory, so tests see the same certificate class as in production.
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                return new HeldCertificate(certificate, subjectKeys);
            } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
                throw new IllegalStateException("cannot mint certificate for " + commonName, e);
            }
        }

        private String algorithmFor(KeyPair signingKeys) {
            if (signatureAlgorithm != null) {
                return signatureAlgorithm;
            }
            return signingKeys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        }
    }
}
