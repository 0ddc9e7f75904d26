package dev.preflight.net;

import dev.preflight.net.internal.ChainJudge;
import dev.preflight.net.internal.ChainTrust;
import dev.preflight.net.internal.Deadlines;
import dev.preflight.net.internal.TrustAllCapture;
import dev.preflight.net.internal.TrustStores;
import dev.preflight.probe.ProbeContext;
import dev.preflight.support.IpAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * TLS as a probe needs it: a handshake over any connected socket (directly, or after a protocol's
 * upgrade such as SMTP's STARTTLS or PostgreSQL's SSLRequest) that accepts whatever chain the server
 * sends and keeps it as sent, then one judgement of that chain: trust path, host name, expiry, key
 * size, signature algorithm and self-signed, each reported apart.
 *
 * <p>The handshake never decides trust, so an untrusted chain becomes a FAIL with its reason rather
 * than a handshake ERROR; never send credentials over such a connection before judging it. Each
 * handshake has a session cache of its own, so no session resumes and the chain judged is the one
 * served now. Get one from {@link Network#tls()}; it belongs to one check.
 *
 * <pre>{@code
 * TlsInspection tls = Network.of(context).tls();
 * try (Socket socket = network.connect("mail.example.com", 587)) {
 *     smtpStartTls(socket);                                  // the protocol's own upgrade
 *     TlsSession session = tls.handshake(socket, "mail.example.com");
 *     return tls.judge("mail.example.com", session.chain()).toResult("mail.example.com:587");
 * }
 * }</pre>
 *
 * @since 0.2
 */
public final class TlsInspection {
    private static final int DEFAULT_WARN_DAYS = 30;
    private static final int DEFAULT_FAIL_DAYS = 7;

    private final ProbeContext context;
    private final Network network;

    TlsInspection(ProbeContext context, Network network) {
        this.context = context;
        this.network = network;
    }

    /**
     * A TLS context that accepts any chain and has a session cache of its own: for probes that speak
     * TLS themselves (a protocol scan) and judge the chain separately.
     *
     * @return a new context
     * @throws IOException if the JVM has no TLS
     */
    public static SSLContext inspectingContext() throws IOException {
        return TrustAllCapture.newContext();
    }

    /**
     * A TLS context that trusts what the run trusts: the system's roots and the certificates of
     * {@code --ca-file}. For a client library that speaks TLS itself and must refuse a server whose
     * chain does not check out (a database driver before it sends the password). It does not check
     * the host name; the library does.
     *
     * @return a new context
     * @throws IOException if the trust store cannot be built or the JVM has no TLS
     */
    public SSLContext verifyingContext() throws IOException {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {TrustStores.manager(context.network().extraTrustedCertificates())},
                    null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the run's TLS trust: " + e.getMessage(), e);
        }
    }

    /**
     * Upgrades a connected socket to TLS, sending {@code host} as SNI unless it is an IP literal.
     * Reads are bounded by the deadline; the returned socket is registered for cancellation and,
     * when closed, closes {@code plain} too.
     *
     * @param plain a connected socket, past any protocol upgrade
     * @param host the host name the client means
     * @return the socket after a completed handshake
     * @throws IOException if the handshake fails or the deadline comes first
     */
    public SSLSocket upgrade(Socket plain, String host) throws IOException {
        return upgrade(plain, host, List.of());
    }

    /**
     * As {@link #upgrade(Socket, String)}, offering application protocols through ALPN (RFC 7301);
     * read the server's choice from {@link SSLSocket#getApplicationProtocol()} (empty when it chose
     * none).
     *
     * @param plain a connected socket, past any protocol upgrade
     * @param host the host name the client means
     * @param applicationProtocols the ALPN names to offer in order of preference, e.g. {@code h2},
     *     {@code http/1.1}; none to leave ALPN out
     * @return the socket after a completed handshake
     * @throws IOException if the handshake fails (a server that supports none of them answers with
     *     the alert {@code no_application_protocol}) or the deadline comes first
     * @since 0.4
     */
    public SSLSocket upgrade(Socket plain, String host, List<String> applicationProtocols) throws IOException {
        plain.setSoTimeout(Deadlines.millisLeft(context, "a TLS handshake with " + host));
        SSLSocket tls = (SSLSocket) inspectingContext().getSocketFactory().createSocket(plain, host,
                plain.getPort(), true);
        context.onCancel(tls);
        SSLParameters parameters = tls.getSSLParameters();
        if (!IpAddresses.isLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        if (!applicationProtocols.isEmpty()) {
            parameters.setApplicationProtocols(applicationProtocols.toArray(String[]::new));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    /**
     * @param plain a connected socket, past any protocol upgrade; left open
     * @param host the host name the client means, for SNI
     * @return the protocol, suite and chain as sent
     * @throws IOException if the handshake fails or the deadline comes first
     */
    public TlsSession handshake(Socket plain, String host) throws IOException {
        return sessionOf(upgrade(plain, host));
    }

    /**
     * Connects to one address, shakes hands with {@code host} as SNI (as curl's {@code --resolve}
     * does), and closes the connection.
     *
     * @param host the host name, for SNI
     * @param address where to connect
     * @param port the port
     * @return the protocol, suite and chain as sent
     * @throws IOException if the connection or handshake fails or the deadline comes first
     */
    public TlsSession handshake(String host, InetAddress address, int port) throws IOException {
        Socket plain = network.connect(address, port);
        try (plain) {
            return handshake(plain, host);
        }
    }

    /**
     * @param socket a socket after a completed handshake
     * @return its protocol, suite and the chain as sent (empty if the server sent none)
     */
    public static TlsSession sessionOf(SSLSocket socket) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (Certificate certificate : socket.getSession().getPeerCertificates()) {
                chain.add((X509Certificate) certificate);
            }
        } catch (SSLPeerUnverifiedException e) {
            // An anonymous suite: no certificate at all, which the judgement cannot pass.
        }
        return new TlsSession(socket.getSession().getProtocol(), socket.getSession().getCipherSuite(), chain);
    }

    /**
     * Judges a chain with the thresholds of the calling probe's settings {@code warn-days} (30) and
     * {@code fail-days} (7), on the context's clock, against the system's roots and {@code --ca-file}.
     * Unless either setting is given, a leaf that lives less than 90 days has both thresholds scaled to
     * its lifetime: a 45-day certificate warns with 15 days left, a 6-day one with 2.
     *
     * @param host the host name the client means
     * @param chain the chain as sent, leaf first, not empty
     * @return the verdict
     */
    public CertificateVerdict judge(String host, List<X509Certificate> chain) {
        boolean defaults = context.settings().string("warn-days").isEmpty()
                && context.settings().string("fail-days").isEmpty();
        return judge(host, chain, context.settings().integer("warn-days", DEFAULT_WARN_DAYS),
                context.settings().integer("fail-days", DEFAULT_FAIL_DAYS), defaults);
    }

    /**
     * @param host the host name the client means
     * @param chain the chain as sent, leaf first, not empty
     * @param warnDays fewer days left than this warns
     * @param failDays fewer days left than this fails
     * @return the verdict
     */
    public CertificateVerdict judge(String host, List<X509Certificate> chain, int warnDays, int failDays) {
        return judge(host, chain, warnDays, failDays, false);
    }

    private CertificateVerdict judge(String host, List<X509Certificate> chain, int warnDays, int failDays,
            boolean scaledToLifetime) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("an empty chain cannot be judged; report that no certificate was sent");
        }
        ChainTrust trust = new ChainTrust(TrustStores.roots(context.network().extraTrustedCertificates()));
        java.time.Instant now = context.clock().instant();
        List<CertificateProblem> problems = new ChainJudge(host, chain, trust, now, warnDays, failDays,
                scaledToLifetime).problems();
        return new CertificateVerdict(chain, problems, now);
    }
}
