package dev.preflight.email.internal;

import dev.preflight.net.Network;
import dev.preflight.net.TlsInspection;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.Secret;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP conversation with a server, spoken directly (RFC 5321, STARTTLS per RFC 3207, AUTH per
 * RFC 4954): smaller and clearer than a mail session for inspecting what a server offers before and
 * after TLS, and it lets a probe judge the certificate before any credential is sent.
 *
 * <p>Every read is bounded by the check's deadline (re-armed before each line, so a server that
 * drips bytes cannot stretch it), and the socket is registered for cancellation by the network layer.
 * A reply that is not SMTP is a {@link MalformedReplyException} ({@link ReplyReader}). Not thread-safe: one
 * probe's conversation.
 *
 * <pre>{@code
 * try (SmtpDialogue smtp = SmtpDialogue.open(network, endpoint)) {
 *     EhloCapabilities before = smtp.ehlo();
 *     TlsSession tls = smtp.startTls();
 *     EhloCapabilities after = smtp.ehlo();
 * }
 * }</pre>
 */
public final class SmtpDialogue implements AutoCloseable {
    private final Network network;
    private final String host;
    private Socket socket;
    private ReplyReader replies;
    private OutputStream out;
    private TlsSession tls;
    private SmtpReply greeting;

    private SmtpDialogue(Network network, String host, Socket socket) throws IOException {
        this.network = network;
        this.host = host;
        use(socket);
    }

    /**
     * Connects to the endpoint's host (the first address that accepts), shakes hands first for
     * {@code smtps://}, and reads the greeting.
     *
     * @param network the check's network
     * @param endpoint where to connect
     * @return the open conversation, greeted with 220
     * @throws IOException if the server cannot be reached, does not greet with 220 in time, or does not
     *     speak SMTP; a {@link RefusedException} if it greets with 5xx (refuses the session)
     */
    public static SmtpDialogue open(Network network, SmtpEndpoint endpoint) throws IOException {
        return open(network, endpoint.host(), network.connect(endpoint.host(), endpoint.port()), endpoint.implicitTls());
    }

    /**
     * Connects to one address of a host (one MX host's address, say), for plain SMTP, and reads the
     * greeting.
     *
     * @param network the check's network
     * @param host the host name the client means, for SNI and the certificate
     * @param address where to connect
     * @param port the port
     * @return the open conversation
     * @throws IOException if the server cannot be reached, does not greet in time, or does not speak SMTP
     */
    public static SmtpDialogue open(Network network, String host, InetAddress address, int port) throws IOException {
        return open(network, host, network.connect(address, port), false);
    }

    /**
     * Speaks plain SMTP over a socket the caller connected, and reads the greeting: for a probe that
     * must tell a connection that could not be made (a port blocked on the way) from a server that
     * does not greet.
     *
     * @param network the check's network
     * @param host the host name the client means, for SNI and the certificate
     * @param connected a socket from {@link Network#connect}; closed with the dialogue, or on failure
     * @return the open conversation
     * @throws IOException if the server does not greet in time or does not speak SMTP
     */
    public static SmtpDialogue open(Network network, String host, Socket connected) throws IOException {
        return open(network, host, connected, false);
    }

    private static SmtpDialogue open(Network network, String host, Socket plain, boolean implicitTls)
            throws IOException {
        SmtpDialogue dialogue = null;
        try {
            dialogue = new SmtpDialogue(network, host, plain);
            if (implicitTls) {
                dialogue.upgrade();
            }
            SmtpReply greeting = dialogue.read();
            if (greeting.code() / 100 == 5) {
                throw new RefusedException("the session", greeting);
            }
            if (greeting.code() != 220) {
                // 421 and the like: busy or closing now, which says nothing lasting about the server.
                throw new IOException("the server greets with " + greeting + " instead of 220");
            }
            dialogue.greeting = greeting;
            return dialogue;
        } catch (IOException | RuntimeException e) {
            if (dialogue != null) {
                dialogue.close();
            } else {
                plain.close();
            }
            throw e;
        }
    }

    /** @return the server's 220 greeting */
    public SmtpReply greeting() {
        return greeting;
    }

    /** @return the TLS session, once {@link #startTls()} succeeded or from the start for {@code smtps://} */
    public Optional<TlsSession> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * Sends {@code EHLO} with this side's address literal, as RFC 5321 4.1.4 allows a client without
     * a name in DNS.
     *
     * @return the server's reply; capabilities only from a positive one
     * @throws IOException as {@link #command}
     */
    public SmtpReply ehloReply() throws IOException {
        return command("EHLO " + addressLiteral(socket.getLocalAddress()));
    }

    /**
     * @return what a positive EHLO reply advertises
     * @throws IOException as {@link #command}, or a {@link RefusedException} if EHLO is refused
     */
    public EhloCapabilities ehlo() throws IOException {
        SmtpReply reply = ehloReply();
        if (!reply.isPositive()) {
            throw new RefusedException("EHLO", reply);
        }
        return EhloCapabilities.of(reply);
    }

    /**
     * Sends STARTTLS and, on 220, shakes hands accepting any chain (judge it before sending anything
     * that matters). The server forgets the EHLO: send it again.
     *
     * @return the session established
     * @throws RefusedException if the server refuses STARTTLS
     * @throws IOException if the handshake fails or the deadline comes first
     */
    public TlsSession startTls() throws IOException {
        SmtpReply reply = command("STARTTLS");
        if (reply.code() != 220) {
            throw new RefusedException("STARTTLS", reply);
        }
        if (replies.hasUnread()) {
            // Bytes sent before the handshake would be read as if they came over TLS (CVE-2011-0411's class).
            throw new MalformedReplyException("the server sent more after its STARTTLS reply, before the TLS"
                    + " handshake");
        }
        return upgrade();
    }

    /**
     * Logs in with SASL PLAIN, or LOGIN when the server offers only that (RFC 4616; the LOGIN draft).
     * The password is sent base64-encoded only; it never appears in an exception or reply.
     *
     * @param mechanisms the mechanisms the server offers, from the EHLO after TLS
     * @param user the login name
     * @param password the password
     * @return the server's final reply: 235 when logged in
     * @throws IOException as {@link #command}; a {@link RefusedException} if neither mechanism is offered
     */
    public SmtpReply authenticate(List<String> mechanisms, String user, Secret password) throws IOException {
        if (mechanisms.contains("PLAIN")) {
            String token = base64("\0" + user + "\0" + password.reveal());
            return command("AUTH PLAIN " + token, "AUTH PLAIN");
        }
        if (mechanisms.contains("LOGIN")) {
            SmtpReply reply = command("AUTH LOGIN");
            if (reply.code() != 334) {
                return reply;
            }
            reply = command(base64(user), "AUTH LOGIN user name");
            if (reply.code() != 334) {
                return reply;
            }
            return command(base64(password.reveal()), "AUTH LOGIN password");
        }
        throw new RefusedException("AUTH", new SmtpReply(504, List.of("neither PLAIN nor LOGIN offered, only "
                + String.join(" ", mechanisms))));
    }

    /**
     * Sends one command line and reads the reply.
     *
     * @param line the command, without CRLF; never a secret (use {@link #command(String, String)})
     * @return the reply
     * @throws IOException if the connection fails, the deadline comes, or the reply is not SMTP
     */
    public SmtpReply command(String line) throws IOException {
        return command(line, line);
    }

    private SmtpReply command(String line, String shown) throws IOException {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an SMTP command is one line: " + shown);
        }
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read();
    }

    /** Says QUIT, waiting for the reply only within the deadline, and closes the connection. */
    @Override
    public void close() {
        try {
            if (out != null && !socket.isClosed()) {
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                read();
            }
        } catch (IOException | RuntimeException e) {
            // A polite goodbye only; the verdict is already made.
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }

    private TlsSession upgrade() throws IOException {
        TlsInspection inspection = network.tls();
        SSLSocket secured = inspection.upgrade(socket, host);
        use(secured);
        tls = TlsInspection.sessionOf(secured);
        return tls;
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        this.replies = new ReplyReader(new BufferedInputStream(s.getInputStream()), () -> network.armTimeout(s));
        this.out = s.getOutputStream();
    }

    private SmtpReply read() throws IOException {
        return replies.read();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 5321 4.1.3: {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]}. */
    static String addressLiteral(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
    }
}
