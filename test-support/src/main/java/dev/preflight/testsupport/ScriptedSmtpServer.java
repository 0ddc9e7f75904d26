package dev.preflight.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP server that answers each command as the test scripts it, before and after a real STARTTLS
 * handshake with a minted chain (or, from STARTTLS on, relays to a TLS server of the test's): for the behaviours real servers rarely show on demand and that
 * {@link SmtpTestServer} cannot be told to show (AUTH hidden but accepted before TLS, STARTTLS
 * refused after being offered, a temporary AUTH failure, a reply that echoes what it was sent). It
 * records every line it receives, so a test can assert what a client sent and when.
 *
 * <pre>{@code
 * try (ScriptedSmtpServer smtp = ScriptedSmtpServer.builder().startTls(leaf)
 *         .before("EHLO", "250-mail.preflight.test", "250 STARTTLS")
 *         .before("AUTH PLAIN", "334 ")
 *         .after("EHLO", "250-mail.preflight.test", "250 AUTH PLAIN")
 *         .after("AUTH", "454 4.7.0 Temporary authentication failure")
 *         .start()) {
 *     smtp.received();   // ["EHLO [127.0.0.1]", "AUTH PLAIN", "*", "STARTTLS", ...]
 * }
 * }</pre>
 *
 * <p>A command is answered by the script whose key is the longest prefix of it (case aside), from
 * the scripts for its phase (before or after TLS); otherwise {@code QUIT} by 221 and a close,
 * {@code STARTTLS} by 220 and a handshake when a chain is given, anything else by
 * {@code 502 5.5.2 not scripted}. After a command marked with {@link Builder#closeAfter} is answered,
 * the connection is dropped (e.g. where the TLS handshake should begin). It greets with
 * {@code 220 mail.preflight.test ESMTP scripted} unless told otherwise (a 554 refusal, or another
 * protocol's first line), on a free port of {@code 127.0.0.1} or an address and port of the test's,
 * one connection at a time. Thread-safe once started.
 *
 * @since 0.3
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket server;
    private final Builder script;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Socket current;

    private ScriptedSmtpServer(ServerSocket server, Builder script) {
        this.server = server;
        this.script = script;
    }

    /** @return a builder for a server with no scripted reply */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the port it listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the address and port it listens on */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** @return every line received so far, oldest first, without CRLF; lines after TLS too */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Stops accepting, closes the listening socket and ends a conversation in progress. */
    @Override
    public void close() {
        try {
            server.close();
            Socket client = current;
            if (client != null) {
                client.close();
            }
        } catch (IOException e) {
            // already closed
        }
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                current = client;
                converse(client);
            } catch (IOException e) {
                // the client went away, or the server was closed
            }
        }
    }

    private void converse(Socket plain) throws IOException {
        Socket socket = plain;
        Map<String, List<String>> phase = script.before;
        write(socket, List.of(script.greeting));
        BufferedReader in = reader(socket);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            received.add(line);
            String command = line.toUpperCase(Locale.ROOT);
            List<String> reply = scripted(phase, command);
            if (reply != null) {
                write(socket, reply);
                if (script.closeAfter.stream().anyMatch(command::startsWith)) {
                    return;
                }
            } else if (command.equals("QUIT")) {
                write(socket, List.of("221 2.0.0 bye"));
                return;
            } else if (command.equals("STARTTLS") && script.relayPort > 0 && phase == script.before) {
                write(socket, List.of("220 2.0.0 ready to start TLS"));
                relay(socket, script.relayPort);
                return;
            } else if (command.equals("STARTTLS") && script.tls != null && phase == script.before) {
                write(socket, List.of("220 2.0.0 ready to start TLS"));
                SSLSocket tls = (SSLSocket) script.tls.getSocketFactory().createSocket(socket, null, socket.getPort(),
                        true);
                tls.setUseClientMode(false);
                tls.startHandshake();
                socket = tls;
                in = reader(socket);
                phase = script.after;
            } else {
                write(socket, List.of("502 5.5.2 not scripted"));
            }
        }
    }

    /** Hands the connection, from the TLS handshake on, to a TLS server of the test's, byte for byte. */
    private static void relay(Socket client, int port) throws IOException {
        try (Socket upstream = new Socket(FreePorts.LOOPBACK, port)) {
            Thread back = new Thread(() -> copy(upstream, client), "scripted-smtp-relay-" + port);
            back.setDaemon(true);
            back.start();
            copy(client, upstream);
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed: the conversation is over
        }
    }

    private static List<String> scripted(Map<String, List<String>> phase, String command) {
        String best = null;
        for (String key : phase.keySet()) {
            if (command.startsWith(key) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best == null ? null : phase.get(best);
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void write(Socket socket, List<String> lines) throws IOException {
        OutputStream out = socket.getOutputStream();
        for (String line : lines) {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    /** Builds a {@link ScriptedSmtpServer}. */
    public static final class Builder {
        private final Map<String, List<String>> before = new LinkedHashMap<>();
        private final Map<String, List<String>> after = new LinkedHashMap<>();
        private final Set<String> closeAfter = new HashSet<>();
        private SSLContext tls;
        private int relayPort;
        private String greeting = "220 mail.preflight.test ESMTP scripted";
        private InetAddress address = FreePorts.LOOPBACK;
        private int port;

        private Builder() {
        }

        /**
         * @param line the first line sent, as sent: a 554 refusal, or something that is not SMTP at all
         * @return this builder
         */
        public Builder greeting(String line) {
            this.greeting = line;
            return this;
        }

        /**
         * @param command a command or its start after whose scripted reply the server drops the
         *     connection, e.g. {@code STARTTLS} to drop it where the handshake should begin
         * @return this builder
         */
        public Builder closeAfter(String command) {
            closeAfter.add(command.toUpperCase(Locale.ROOT));
            return this;
        }

        /**
         * @param address a loopback address, e.g. {@code 127.0.0.2} for a second mail host
         * @param port a port, or 0 for a free one
         * @return this builder
         */
        public Builder bind(InetAddress address, int port) {
            this.address = address;
            this.port = port;
            return this;
        }

        /**
         * Answers STARTTLS with 220 and then relays the connection to a TLS server on this port of
         * {@link FreePorts#LOOPBACK}, e.g. an {@link OpenSslServer} speaking a version the JDK will not
         * serve; the conversation ends with the relay.
         *
         * @param port the TLS server's port
         * @return this builder
         */
        public Builder startTlsRelayedTo(int port) {
            this.relayPort = port;
            return this;
        }

        /**
         * Answers STARTTLS (before TLS, unless scripted otherwise) with 220 and a handshake presenting
         * this chain.
         *
         * @param leaf the server's certificate and key
         * @param intermediates sent after the leaf, in order
         * @return this builder
         */
        public Builder startTls(HeldCertificate leaf, HeldCertificate... intermediates) {
            this.tls = ServerTls.context(leaf, List.of(intermediates));
            return this;
        }

        /**
         * @param command a command or its start, e.g. {@code EHLO} or {@code AUTH PLAIN}; any case
         * @param reply the reply's lines, each with its code, e.g. {@code "250-name", "250 STARTTLS"}
         * @return this builder
         */
        public Builder before(String command, String... reply) {
            before.put(command.toUpperCase(Locale.ROOT), List.of(reply));
            return this;
        }

        /**
         * @param command a command or its start, answered so after the TLS handshake
         * @param reply the reply's lines
         * @return this builder
         */
        public Builder after(String command, String... reply) {
            after.put(command.toUpperCase(Locale.ROOT), List.of(reply));
            return this;
        }

        /**
         * @return the started server
         * @throws IOException if it cannot listen
         */
        public ScriptedSmtpServer start() throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(address, port), 8);
            Builder copy = new Builder();
            copy.before.putAll(before);
            copy.after.putAll(after);
            copy.closeAfter.addAll(closeAfter);
            copy.tls = tls;
            copy.relayPort = relayPort;
            copy.greeting = greeting;
            ScriptedSmtpServer server = new ScriptedSmtpServer(socket, copy);
            Thread accept = new Thread(server::acceptForever, "scripted-smtp-" + socket.getLocalPort());
            accept.setDaemon(true);
            accept.start();
            return server;
        }
    }
}
