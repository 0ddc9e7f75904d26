package dev.preflight.testsupport;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * PEM encoding (RFC 7468) of certificates and keys, as tools such as {@code curl --cacert} read it.
 *
 * <pre>{@code
 * String pem = Pem.certificate(root.certificate());
 * }</pre>
 *
 * @since 0.1
 */
public final class Pem {

    private Pem() {
    }

    /**
     * @param certificate a certificate
     * @return its PEM block
     */
    public static String certificate(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    /**
     * @param label the label, e.g. {@code CERTIFICATE}
     * @param der the DER bytes
     * @return the PEM block, lines of 64 characters, ending in a newline
     */
    public static String block(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
