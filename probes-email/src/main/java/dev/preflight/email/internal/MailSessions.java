package dev.preflight.email.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Secret;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;

/**
 * Jakarta Mail sessions bound to one check: connection, read and write timeouts from the time left,
 * plain sockets from the network layer ({@link Network#socketFactory()}) and TLS from {@link VerifyingTlsSocketFactory} (the
 * run's trust, the server's name checked in the handshake), and, for the plain-text URLs
 * ({@code smtp://}, {@code imap://}), STARTTLS required before anything else is said: no password
 * ever crosses in clear.
 *
 * <p>Connections go to {@link #address}, the address Preflight's resolver gives ({@code --resolve},
 * {@code --dns-server}), not to the name, which Jakarta Mail would look up itself. SMTP runs over a
 * socket from {@link #connect}, so every read re-arms to the deadline. IMAP has no such entry point:
 * for {@code imaps://} Jakarta Mail connects a plain socket of its own (it never asks an SSL factory
 * for one), bounded by the timeouts set here and closed on cancellation through the TLS socket
 * layered on it.
 */
public final class MailSessions {

    private MailSessions() {
    }

    /**
     * A session for {@link org.eclipse.angus.mail.smtp.SMTPTransport#connect(Socket)} over a socket from
     * {@link #connect}: the endpoint's credentials are handed to Jakarta Mail only when it asks for them,
     * after TLS.
     *
     * @param context the check's context (its deadline bounds every socket)
     * @param endpoint the submission server
     * @param address the address connected to, from {@link #address}
     * @param envelopeFrom the address for {@code MAIL FROM}
     * @param connected told this side's address when STARTTLS starts, for EHLO
     * @return the session; its transport protocol is {@link #smtpProtocol}
     * @throws IOException if no time is left or the run's trust cannot be built
     */
    public static Session smtp(ProbeContext context, SmtpEndpoint endpoint, String address, String envelopeFrom,
            Consumer<InetAddress> connected) throws IOException {
        String protocol = smtpProtocol(endpoint.implicitTls());
        Properties props = common(context, endpoint.host(), protocol, endpoint.implicitTls(), connected);
        String prefix = "mail." + protocol;
        props.setProperty(prefix + ".host", address);
        props.setProperty(prefix + ".port", Integer.toString(endpoint.port()));
        props.setProperty(prefix + ".auth", Boolean.toString(endpoint.hasCredentials()));
        props.setProperty(prefix + ".from", envelopeFrom);
        props.setProperty(prefix + ".sendpartial", "false");
        if (!endpoint.hasCredentials()) {
            return Session.getInstance(props);
        }
        String user = endpoint.user().orElseThrow();
        props.setProperty(prefix + ".user", user);
        Secret password = endpoint.password().orElseThrow();
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password.reveal());
            }
        });
    }

    /**
     * Connects to a mail server for Jakarta Mail: a socket of {@link Network#socketFactory()} to the address, and for
     * implicit TLS the handshake done, so that every read of the session re-arms to the deadline.
     *
     * @param context the check's context
     * @param serverName the server's name as configured, for SNI and the certificate check
     * @param address the address, from {@link #address}
     * @param port the port
     * @param implicitTls whether TLS comes first
     * @param connected told this side's address once connected, and again when TLS starts, for EHLO
     * @return the connected socket, registered for cancellation
     * @throws IOException if the connection or the handshake fails, or the deadline comes first
     */
    public static Socket connect(ProbeContext context, String serverName, String address, int port,
            boolean implicitTls, Consumer<InetAddress> connected) throws IOException {
        Network network = Network.of(context);
        SocketFactory plain = network.socketFactory();
        Socket socket = plain.createSocket(address, port);
        connected.accept(socket.getLocalAddress());
        if (!implicitTls) {
            return socket;
        }
        try {
            SSLSocket tls = (SSLSocket) new VerifyingTlsSocketFactory(context,
                    network.tls().verifyingContext().getSocketFactory(), plain, serverName, connected)
                    .createSocket(socket, address, port, true);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * @param context the check's context
     * @param serverName the server's name as configured, for SNI and the certificate check
     * @param implicitTls {@code imaps://} rather than {@code imap://}
     * @return the session; its store protocol is {@link #imapProtocol}
     * @throws IOException if no time is left or the run's trust cannot be built
     */
    public static Session imap(ProbeContext context, String serverName, boolean implicitTls) throws IOException {
        String protocol = imapProtocol(implicitTls);
        Properties props = common(context, serverName, protocol, implicitTls, address -> { });
        // One connection for the whole watch: no pool of idle connections to leave behind.
        props.setProperty("mail." + protocol + ".connectionpoolsize", "1");
        return Session.getInstance(props);
    }

    /**
     * @param context the check's context
     * @param host the server's name or IP literal
     * @param port its port, to match {@code --resolve} overrides
     * @return the IP literal to connect Jakarta Mail to: the first address the resolver gives
     * @throws IOException if the name does not resolve in time
     */
    public static String address(ProbeContext context, String host, int port) throws IOException {
        return Network.of(context).addresses(host, port).get(0).getHostAddress();
    }

    /**
     * @param implicitTls whether TLS comes first
     * @return {@code smtps} or {@code smtp}
     */
    public static String smtpProtocol(boolean implicitTls) {
        return implicitTls ? "smtps" : "smtp";
    }

    /**
     * @param implicitTls whether TLS comes first
     * @return {@code imaps} or {@code imap}
     */
    public static String imapProtocol(boolean implicitTls) {
        return implicitTls ? "imaps" : "imap";
    }

    private static Properties common(ProbeContext context, String serverName, String protocol, boolean implicitTls,
            Consumer<InetAddress> connected) throws IOException {
        long left = context.remaining().toMillis();
        if (left <= 0) {
            throw new DeadlineExceededException("no time left for " + protocol);
        }
        Network network = Network.of(context);
        SocketFactory plain = network.socketFactory();
        VerifyingTlsSocketFactory tls = new VerifyingTlsSocketFactory(context,
                network.tls().verifyingContext().getSocketFactory(), plain, serverName, connected);
        String prefix = "mail." + protocol;
        String millis = Long.toString(Math.min(left, Integer.MAX_VALUE));
        Properties props = new Properties();
        props.setProperty(prefix + ".connectiontimeout", millis);
        props.setProperty(prefix + ".timeout", millis);
        props.setProperty(prefix + ".writetimeout", millis);
        // Objects, not class names: Jakarta Mail reads these with get(), so they must be put().
        props.put(prefix + ".socketFactory", plain);
        props.put(prefix + ".ssl.socketFactory", tls);
        props.setProperty(prefix + ".socketFactory.fallback", "false");
        // VerifyingTlsSocketFactory checks the name; Jakarta Mail would check the address it was given.
        props.setProperty(prefix + ".ssl.checkserveridentity", "false");
        props.setProperty(prefix + ".ssl.protocols", String.join(" ", VerifyingTlsSocketFactory.PROTOCOLS));
        if (implicitTls) {
            props.setProperty(prefix + ".ssl.enable", "true");
        } else {
            props.setProperty(prefix + ".starttls.enable", "true");
            props.setProperty(prefix + ".starttls.required", "true");
        }
        return props;
    }
}
