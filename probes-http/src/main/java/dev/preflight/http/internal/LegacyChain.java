package dev.preflight.http.internal;

import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The chain of a server that speaks only a TLS version the JVM refuses (TLS 1.0 or 1.1): read from
 * the clear-text part of a handshake that is never finished, so that the certificate is still
 * judged, while {@code tls.protocols} reports the version.
 */
public final class LegacyChain {

    private LegacyChain() {
    }

    /**
     * @param refusal what the JVM's handshake threw
     * @param host the host name, for SNI
     * @param address where to connect
     * @param port the port
     * @param context the probe's context
     * @return the chain and the version it came with, or empty when the refusal was about something
     *     else or the server sent no readable chain
     * @throws IOException if the connection failed or timed out
     */
    public static Optional<Found> read(SSLException refusal, String host, InetAddress address, int port,
            ProbeContext context) throws IOException {
        if (NetworkFailures.refusedProtocol(refusal).isEmpty()) {
            return Optional.empty();
        }
        ClientHello hello = ClientHello.of(TlsVersion.TLS_1_2, CipherSuites.forOldProtocols(), host);
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, context.remaining().toMillis()));
        ServerCertificateReader.Read read = RawHandshake.certificates(hello, address, port, context, millis);
        if (read.chain().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Found(read.chain(), TlsVersion.describe(read.version())));
    }

    /**
     * @param chain the certificates as sent, leaf first
     * @param version the version the server chose, e.g. {@code TLSv1.0}
     */
    public record Found(List<X509Certificate> chain, String version) {
        /** Copies the chain. */
        public Found {
            chain = List.copyOf(chain);
        }
    }
}
