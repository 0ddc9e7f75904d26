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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server that answers from a script, for the replies a well-behaved server such as
 * {@link SmtpTestServer} never sends: a greeting that refuses the session, EHLO unknown, STARTTLS
 * advertised and then refused, the connection dropped where the TLS handshake should start, or
 * another protocol on the port. It sends the greeting as given, then answers each command line
 * with the reply scripted for its verb ({@code 500 5.5.1 unknown command} when none is, {@code 221}
 * to {@code QUIT}), and closes the connection after the verbs marked so. Listens on a loopback
 * address and port of the test's choosing, or a free port of {@code 127.0.0.1}.
 *
 * <pre>{@code
 * try (ScriptedSmtpServer smtp = ScriptedSmtpServer.builder()
 *         .greeting("220 mx.shop.test ESMTP")
 *         .reply("EHLO", "250-mx.shop.test", "250 STARTTLS")
 *         .reply("STARTTLS", "454 4.7.0 TLS not available due to local problem")
 *         .start()) {
 *     // point the client at smtp.address()
 * }
 * }</pre>
 *
 * <p>Thread-safe once started; its threads are daemons and end on {@link #close()}.
 *
 * @since 0.3
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket server;
    private final String greeting;
    private final Map<String, List<String>> replies;
    private final Set<String> closeAfter;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer(ServerSocket server, Builder b) {
        this.server = server;
        this.greeting = b.greeting;
        this.replies = Map.copyOf(b.replies);
        this.closeAfter = Set.copyOf(b.closeAfter);
        Thread accept = new Thread(this::accept, "scripted-smtp-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    /** @return a builder of a server that greets with {@code 220 mail.preflight.test ESMTP} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the address and port it listens on */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.add(s);
                Thread t = new Thread(() -> converse(s), "scripted-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket s) {
        try (s) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            send(out, List.of(greeting));
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                if (verb.equals("QUIT")) {
                    send(out, List.of("221 2.0.0 bye"));
                    return;
                }
                send(out, replies.getOrDefault(verb, List.of("500 5.5.1 unknown command")));
                if (closeAfter.contains(verb)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void send(OutputStream out, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append("\r\n"));
        out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Builds a {@link ScriptedSmtpServer}. */
    public static final class Builder {
        private String greeting = "220 mail.preflight.test ESMTP";
        private final Map<String, List<String>> replies = new HashMap<>();
        private final Set<String> closeAfter = new HashSet<>();
        private InetAddress address = FreePorts.LOOPBACK;
        private int port;

        private Builder() {
        }

        /**
         * @param line the first line sent, as sent (a 554 refusal, or something that is not SMTP at all)
         * @return this builder
         */
        public Builder greeting(String line) {
            this.greeting = line;
            return this;
        }

        /**
         * @param verb a command verb, e.g. {@code EHLO}, any case
         * @param lines the reply's lines, each with its code and separator, e.g. {@code 250-name}, {@code 250 STARTTLS}
         * @return this builder
         */
        public Builder reply(String verb, String... lines) {
            replies.put(verb.toUpperCase(Locale.ROOT), List.of(lines));
            return this;
        }

        /**
         * @param verb a command verb after whose reply the server closes the connection, e.g.
         *     {@code STARTTLS} to drop it where the handshake should begin
         * @return this builder
         */
        public Builder closeAfter(String verb) {
            closeAfter.add(verb.toUpperCase(Locale.ROOT));
            return this;
        }

        /**
         * @param address a loopback address, e.g. {@code 127.0.0.2}
         * @param port a port, or 0 for a free one
         * @return this builder
         */
        public Builder bind(InetAddress address, int port) {
            this.address = address;
            this.port = port;
            return this;
        }

        /**
         * @return the started server, accepting connections
         * @throws IOException if it cannot listen there
         */
        public ScriptedSmtpServer start() throws IOException {
            return new ScriptedSmtpServer(new ServerSocket(port, 50, address), this);
        }
    }
}
