package dev.preflight.http.internal;

import dev.preflight.http.internal.Attempt.Outcome;
import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.net.TlsInspection;
import dev.preflight.probe.ProbeContext;
import dev.preflight.support.IpAddresses;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A full handshake by the JDK's own TLS client with one protocol version enabled and the JDK's default
 * suites, to learn whether the server accepts that version and which suite it then chooses. Any chain
 * is accepted: the certificate is {@code tls.certificate}'s business.
 */
public final class JdkHandshake {
    private final SSLContext tls;

    private JdkHandshake(SSLContext tls) {
        this.tls = tls;
    }

    /**
     * A client with its own session cache, so that no handshake resumes another one's session.
     *
     * @return a new client
     * @throws IOException if the JVM has no TLS
     */
    public static JdkHandshake client() throws IOException {
        return new JdkHandshake(TlsInspection.inspectingContext());
    }

    /**
     * @param version the version to try, TLS 1.2 or 1.3 in practice
     * @return whether this JVM offers it: not when {@code jdk.tls.disabledAlgorithms} or
     *     {@code jdk.tls.client.protocols} rule it out
     */
    public boolean offers(TlsVersion version) {
        return Arrays.asList(tls.getDefaultSSLParameters().getProtocols()).contains(version.jsseName());
    }

    /**
     * @param version a version this JVM does not offer
     * @return the attempt that was not made, saying why
     */
    public static Attempt unavailable(TlsVersion version) {
        return Attempt.ended(version.label(), how(version), Outcome.NOT_TESTED, "this JVM does not offer "
                + version.jsseName() + "; see jdk.tls.disabledAlgorithms and jdk.tls.client.protocols");
    }

    /** @param version the version tried @return how the attempt is made, for the report */
    public static String how(TlsVersion version) {
        return "JDK SSLSocket with only " + version.jsseName() + " enabled";
    }

    /**
     * @param version the version to offer, alone
     * @param host the host name, for SNI
     * @param address where to connect
     * @param port the port
     * @param context the probe's context, to register the sockets for cancellation
     * @param timeoutMillis the connect and read timeout
     * @return what came of it
     * @throws SocketTimeoutException if the server did not answer in time
     * @throws IOException if the connection could not be made
     */
    public Attempt attempt(TlsVersion version, String host, InetAddress address, int port, ProbeContext context,
            int timeoutMillis) throws IOException {
        String how = how(version);
        if (!offers(version)) {
            return unavailable(version);
        }
        Socket plain = Network.of(context).connect(address, port, Duration.ofMillis(timeoutMillis));
        // Only the plain socket is closed: closing the TLS socket would send close_notify and may wait for the peer's.
        try (plain) {
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, false);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {version.jsseName()});
            if (!IpAddresses.isLiteral(host)) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            socket.setSSLParameters(parameters);
            try {
                socket.startHandshake();
            } catch (SSLException e) {
                return failed(version, how, e);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (EOFException | SocketException e) {
                return Attempt.ended(version.label(), how, Outcome.REFUSED, closedOrReset(e));
            }
            String protocol = socket.getSession().getProtocol();
            String negotiated = TlsVersion.ofJsseName(protocol).map(TlsVersion::label).orElse(protocol);
            return Attempt.accepted(version.label(), how, negotiated, socket.getSession().getCipherSuite());
        }
    }

    private static Attempt failed(TlsVersion version, String how, SSLException e) throws SocketTimeoutException {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException timeout) {
                throw timeout;
            }
            if (cause instanceof EOFException || cause instanceof SocketException) {
                return Attempt.ended(version.label(), how, Outcome.REFUSED, closedOrReset(cause));
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String reason = NetworkFailures.tlsReason(e);
        if (reason.startsWith("alert ")) {
            return Attempt.ended(version.label(), how, Outcome.REFUSED, reason);
        }
        if (message.contains("terminated the handshake")) {
            return Attempt.ended(version.label(), how, Outcome.REFUSED, "closed the connection without answering");
        }
        if (message.contains("Unsupported or unrecognized SSL message")) {
            return Attempt.ended(version.label(), how, Outcome.UNCLEAR, "answered with something that is not TLS");
        }
        return Attempt.ended(version.label(), how, Outcome.UNCLEAR, "the JDK ended the handshake: " + message);
    }

    private static String closedOrReset(Throwable e) {
        return e instanceof EOFException ? "closed the connection without answering" : "reset the connection";
    }
}
