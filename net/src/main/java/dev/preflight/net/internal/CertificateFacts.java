package dev.preflight.net.internal;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What the probe reads off one certificate: names, key strength, whether it signed itself. */
public final class CertificateFacts {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private CertificateFacts() {
    }

    /** @param certificate a certificate @return its subject DN in RFC 2253 form */
    public static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    /** @param certificate a certificate @return its issuer DN in RFC 2253 form */
    public static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName();
    }

    /** @param certificate a certificate @return its DNS subjectAltNames */
    public static List<String> dnsNames(X509Certificate certificate) {
        return alternativeNames(certificate, DNS_NAME);
    }

    /** @param certificate a certificate @return its IP subjectAltNames */
    public static List<String> ipAddresses(X509Certificate certificate) {
        return alternativeNames(certificate, IP_ADDRESS);
    }

    private static List<String> alternativeNames(X509Certificate certificate, int type) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> all = certificate.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> entry : all) {
                    if (((Integer) entry.get(0)) == type && entry.get(1) instanceof String name) {
                        names.add(name);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A malformed SAN extension matches nothing; the hostname check then fails with a reason.
        }
        return names;
    }

    /** @param certificate a certificate @return e.g. {@code "RSA 2048"} or {@code "EC 256"} */
    public static String key(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        int bits = keyBits(key);
        return bits > 0 ? key.getAlgorithm() + " " + bits : key.getAlgorithm();
    }

    /** @param key a public key @return its size in bits, or 0 for a type the probe does not size */
    public static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        return 0;
    }

    /** @param certificate a certificate @return whether its key is below RSA 2048 or EC 256 */
    public static boolean weakKey(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey) {
            return keyBits(key) < 2048;
        }
        if (key instanceof ECPublicKey) {
            return keyBits(key) < 256;
        }
        return false;
    }

    /** @param certificate a certificate @return whether it is signed with SHA-1 or MD5 */
    public static boolean weakSignature(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgName().toUpperCase(java.util.Locale.ROOT);
        return algorithm.startsWith("SHA1") || algorithm.startsWith("MD5") || algorithm.startsWith("MD2");
    }

    /**
     * @param certificate a certificate
     * @return whether it names itself as issuer and its own key verifies its signature
     */
    public static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
