package dev.preflight.net;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What one TLS handshake established.
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param chain the certificates the server sent, in the order sent, leaf first
 */
public record TlsSession(String protocol, String cipherSuite, List<X509Certificate> chain) {

    /** Copies the chain. */
    public TlsSession {
        chain = List.copyOf(chain);
    }
}
