package dev.preflight.email.internal;

import dev.preflight.probe.ProbeContext;
import dev.preflight.support.IpAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS for Jakarta Mail ({@code mail.<protocol>.ssl.socketFactory}), for implicit TLS and STARTTLS
 * alike: the run's trust (the system's roots and {@code --ca-file}), TLS 1.2 or 1.3 only, and the
 * server's name sent as SNI and checked against the certificate in the handshake (endpoint
 * identification, RFC 6125). Jakarta Mail is given the address Preflight's resolver chose, not the
 * name, so this factory holds the name and ignores the address it is handed; Jakarta Mail's own
 * {@code checkserveridentity}, which would compare the certificate with that address, stays off.
 * Credentials are only ever sent over a connection this accepted.
 */
final class VerifyingTlsSocketFactory extends SSLSocketFactory {
    /** RFC 8996 retires TLS 1.0 and 1.1; RFC 8314 section 4.1 asks mail clients for 1.2 or later. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final ProbeContext context;
    private final SSLSocketFactory verifying;
    private final SocketFactory plain;
    private final String serverName;
    private final Consumer<InetAddress> connected;

    /**
     * @param context the check's context
     * @param verifying the run's verifying TLS
     * @param plain plain sockets, for the rare caller that asks this factory to connect
     * @param serverName the server's name as configured, for SNI and the certificate check
     * @param connected told this side's address when TLS starts on a connection (SMTP's EHLO names it)
     */
    VerifyingTlsSocketFactory(ProbeContext context, SSLSocketFactory verifying, SocketFactory plain,
            String serverName, Consumer<InetAddress> connected) {
        this.context = context;
        this.verifying = verifying;
        this.plain = plain;
        this.serverName = serverName;
        this.connected = connected;
    }

    /**
     * Layers TLS on a connected socket: for STARTTLS (Jakarta Mail calls it), for SMTP's implicit TLS
     * ({@link MailSessions#connect}), and for IMAP's, right after Jakarta Mail connected a plain socket
     * of its own (it never asks an SSL factory for one).
     */
    @Override
    public Socket createSocket(Socket socket, String address, int port, boolean autoClose) throws IOException {
        connected.accept(socket.getLocalAddress());
        SSLSocket tls = (SSLSocket) verifying.createSocket(socket, serverName, port, autoClose);
        context.onCancel(tls);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!IpAddresses.isLiteral(serverName)) {
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
        }
        tls.setSSLParameters(parameters);
        return tls;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(plain.createSocket(host, port), host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address, port);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return verifying.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return verifying.getSupportedCipherSuites();
    }
}
