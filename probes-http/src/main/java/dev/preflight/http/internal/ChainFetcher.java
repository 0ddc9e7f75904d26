package dev.preflight.http.internal;

import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Performs one TLS handshake and returns the chain the server sent, in the order sent: the fallback
 * when the shared page fetch cannot complete. Connects to the given address, yet sends the target's
 * host name as SNI, as curl's {@code --resolve} does. Every wait is bounded by the context's deadline.
 */
public final class ChainFetcher {

    private ChainFetcher() {
    }

    /**
     * @param host the host name, for SNI
     * @param port the port
     * @param address where to connect
     * @param context the probe's context: deadline, overrides, cancellation
     * @return the certificates the server sent, leaf first
     * @throws IOException if the connection or handshake fails or times out
     */
    public static List<X509Certificate> fetch(String host, int port, InetAddress address, ProbeContext context)
            throws IOException {
        Socket plain = NoDelaySockets.unconnected();
        context.onCancel(plain);
        try (plain) {
            plain.connect(new InetSocketAddress(address, port), millisLeft(context));
            plain.setSoTimeout(millisLeft(context));
            try (SSLSocket tls = (SSLSocket) TrustAllCapture.newContext().getSocketFactory().createSocket(plain, host, port, true)) {
                context.onCancel(tls);
                SSLParameters parameters = tls.getSSLParameters();
                if (!Hosts.isIpLiteral(host)) {
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                }
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate certificate : tls.getSession().getPeerCertificates()) {
                    chain.add((X509Certificate) certificate);
                }
                return chain;
            }
        }
    }

    /** A socket timeout of 0 means "wait forever", so an exhausted budget must fail instead. */
    private static int millisLeft(ProbeContext context) throws SocketTimeoutException {
        Duration left = context.remaining();
        if (left.isZero() || left.isNegative()) {
            throw new SocketTimeoutException("no time left before the deadline");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left.toMillis()));
    }
}
