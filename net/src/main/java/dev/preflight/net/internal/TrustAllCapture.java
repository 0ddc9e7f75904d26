package dev.preflight.net.internal;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any server chain, so that the handshake completes and the probe can judge the chain
 * itself: an untrusted chain is then a FAIL with its reason, not a handshake ERROR. Never use it to
 * send data. Extends {@link X509ExtendedTrustManager} because the JDK wraps a plain
 * {@code X509TrustManager} in one that still applies algorithm constraints, which would abort the
 * handshake on the very SHA-1 chains the probe must report.
 */
public final class TrustAllCapture extends X509ExtendedTrustManager {
    /** The one instance: it holds no state. */
    public static final TrustAllCapture INSTANCE = new TrustAllCapture();

    private TrustAllCapture() {
    }

    /**
     * A TLS context that accepts any chain, with a session cache of its own. Nothing shares it
     * across checks or runs, so no handshake resumes an older session: the chain judged is the one
     * the server presents now, even in a long-running application that checks again after a
     * certificate was replaced.
     *
     * @return a new context
     * @throws IOException if the JVM has no TLS
     */
    public static SSLContext newContext() throws IOException {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {INSTANCE}, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is unavailable in this JVM", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
