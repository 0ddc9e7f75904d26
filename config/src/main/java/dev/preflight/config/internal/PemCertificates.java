package dev.preflight.config.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads the CA certificates of a PEM file, which may hold several. */
public final class PemCertificates {
    private PemCertificates() {
    }

    /**
     * @param file a PEM file
     * @param shown the file name for messages
     * @return its certificates, at least one
     * @throws IllegalArgumentException saying what is wrong with the file
     */
    public static List<X509Certificate> read(Path file, String shown) {
        byte[] bytes;
        try {
            bytes = TextFiles.readBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + shown + ": " + TextFiles.problem(e, file));
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Certificate c : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
                certificates.add((X509Certificate) c);
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(shown + " is not a PEM certificate file; give one with"
                    + " -----BEGIN CERTIFICATE----- blocks");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(shown + " holds no certificate; give one with"
                    + " -----BEGIN CERTIFICATE----- blocks");
        }
        return certificates;
    }
}
