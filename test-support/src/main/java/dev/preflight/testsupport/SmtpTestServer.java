package dev.preflight.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An in-process SMTP server (subethasmtp) on a free port of {@code 127.0.0.1}, or of an address and
 * port given: STARTTLS with a chain the test minted, AUTH PLAIN and LOGIN with one user, offered
 * only after TLS unless asked otherwise, and every message it accepts kept for the test to read.
 *
 * <pre>{@code
 * try (SmtpTestServer smtp = SmtpTestServer.builder()
 *         .startTls(leaf, intermediate)       // offers STARTTLS with this chain
 *         .credentials("app", "app-pw")       // AUTH after TLS
 *         .start()) {
 *     URI uri = smtp.uri();                   // smtp://127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>Without {@link Builder#startTls} the server offers no STARTTLS; with {@link Builder#credentials}
 * and no STARTTLS, AUTH is offered in plaintext, as a misconfigured server does. With
 * {@link Builder#implicitTls} it speaks TLS from the first byte (SMTPS) instead. It answers each
 * message as Postfix does, {@code 250 2.0.0 Ok: queued as 4F2C1} (the id counts up), and refuses
 * recipients not listed with {@link Builder#recipients} when any are. {@link #close()}
 * stops it. Thread-safe once started.
 *
 * @since 0.3
 */
public final class SmtpTestServer implements AutoCloseable {
    private final SMTPServer server;
    private final List<Message> messages;
    private final AtomicInteger failedLogins;
    private final AtomicInteger logins;
    private final boolean implicitTls;

    private SmtpTestServer(SMTPServer server, List<Message> messages, AtomicInteger logins,
            AtomicInteger failedLogins, boolean implicitTls) {
        this.server = server;
        this.implicitTls = implicitTls;
        this.messages = messages;
        this.logins = logins;
        this.failedLogins = failedLogins;
    }

    /** @return a builder for a server without STARTTLS or AUTH */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the port it listens on */
    public int port() {
        return server.getPortAllocated();
    }

    /** @return the address and port it listens on */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getBindAddress().orElse(FreePorts.LOOPBACK), port());
    }

    /** @return {@code smtp://ADDRESS:PORT}, or {@code smtps://…} for {@link Builder#implicitTls} */
    public URI uri() {
        return URI.create((implicitTls ? "smtps" : "smtp") + "://" + address().getAddress().getHostAddress() + ":"
                + port());
    }

    /** @return the messages accepted so far, oldest first */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** @return how many logins succeeded */
    public int logins() {
        return logins.get();
    }

    /** @return how many logins were refused */
    public int failedLogins() {
        return failedLogins.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * One accepted message.
     *
     * @param from the envelope sender
     * @param to the envelope recipient
     * @param data the message as sent, headers and body
     * @param queueId the id the server's reply to DATA gave it ({@code 250 2.0.0 Ok: queued as ID})
     */
    public record Message(String from, String to, byte[] data, String queueId) {
    }

    /** Builds an {@link SmtpTestServer}. */
    public static final class Builder {
        private HeldCertificate leaf;
        private final List<HeldCertificate> intermediates = new ArrayList<>();
        private String user;
        private String password;
        private boolean authBeforeTls;
        private boolean implicitTls;
        private boolean requireTls;
        private InetAddress bindAddress = FreePorts.LOOPBACK;
        private int port;
        private String hostName = "mail.preflight.test";
        private final List<String> recipients = new ArrayList<>();

        private Builder() {
        }

        /**
         * Offers STARTTLS with this chain.
         *
         * @param leaf the server's certificate and key
         * @param intermediates sent after the leaf, in order
         * @return this builder
         */
        public Builder startTls(HeldCertificate leaf, HeldCertificate... intermediates) {
            this.leaf = leaf;
            this.intermediates.addAll(List.of(intermediates));
            return this;
        }

        /**
         * Accepts AUTH PLAIN and LOGIN for one user; after STARTTLS only, when STARTTLS is offered (the
         * server then refuses MAIL before TLS too, as {@link #requireTls()}).
         *
         * @param user the login name
         * @param password the password
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** @return this builder, advertising AUTH before STARTTLS too (credentials may cross in clear) */
        public Builder authBeforeTls() {
            this.authBeforeTls = true;
            return this;
        }

        /**
         * Speaks TLS from the first byte (SMTPS, RFC 8314) with this chain instead of offering STARTTLS;
         * AUTH, with {@link #credentials}, is then offered from the start.
         *
         * @param leaf the server's certificate and key
         * @param intermediates sent after the leaf, in order
         * @return this builder
         */
        public Builder implicitTls(HeldCertificate leaf, HeldCertificate... intermediates) {
            startTls(leaf, intermediates);
            this.implicitTls = true;
            return this;
        }

        /** @return this builder, refusing every command but EHLO, STARTTLS and QUIT before TLS */
        public Builder requireTls() {
            this.requireTls = true;
            return this;
        }

        /**
         * Accepts mail only for these addresses, as a server that knows its users or relays for none:
         * any other recipient is refused at RCPT with {@code 550 5.1.1}. Every recipient by default.
         *
         * @param addresses the addresses accepted, compared without case
         * @return this builder
         */
        public Builder recipients(String... addresses) {
            this.recipients.addAll(List.of(addresses));
            return this;
        }

        /**
         * @param name the name the server greets with
         * @return this builder
         */
        public Builder hostName(String name) {
            this.hostName = name;
            return this;
        }

        /**
         * @param address a loopback address, e.g. {@code 127.0.0.2}
         * @param port a port, or 0 for a free one
         * @return this builder
         */
        public Builder bind(InetAddress address, int port) {
            this.bindAddress = address;
            this.port = port;
            return this;
        }

        /**
         * @return the started server, accepting connections
         * @throws IOException if it cannot listen
         */
        public SmtpTestServer start() throws IOException {
            List<Message> messages = new CopyOnWriteArrayList<>();
            AtomicInteger logins = new AtomicInteger();
            AtomicInteger failedLogins = new AtomicInteger();
            SMTPServer.Builder b = SMTPServer.port(port).bindAddress(bindAddress).hostName(hostName)
                    .softwareName("preflight-test ESMTP")
                    .messageHandlerFactory(context -> new Recording(messages, List.copyOf(recipients)));
            if (implicitTls) {
                b.serverSocketFactory(ServerTls.context(leaf, intermediates));
            } else if (leaf != null) {
                // subethasmtp hides AUTH before STARTTLS only by requiring TLS for every mail command.
                b.enableTLS().startTlsSocketFactory(ServerTls.context(leaf, intermediates))
                        .requireTLS(requireTls || user != null && !authBeforeTls);
            }
            if (user != null) {
                b.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((u, p, context) -> {
                    if (!user.equals(u) || !password.equals(p)) {
                        failedLogins.incrementAndGet();
                        throw new LoginFailedException("535 5.7.8 Authentication credentials invalid");
                    }
                    logins.incrementAndGet();
                }));
                b.showAuthCapabilitiesBeforeSTARTTLS(authBeforeTls || leaf == null || implicitTls);
            }
            SMTPServer server = b.build();
            try {
                server.start();
            } catch (RuntimeException e) {
                throw new IOException("cannot start the SMTP server on " + bindAddress.getHostAddress() + ":" + port,
                        e);
            }
            return new SmtpTestServer(server, messages, logins, failedLogins, implicitTls);
        }
    }

    /** One mail transaction: refuses recipients not listed, keeps each message, and answers DATA with a queue id. */
    private static final class Recording implements MessageHandler {
        private final List<Message> messages;
        private final List<String> accepted;
        private String from;
        private final List<String> to = new ArrayList<>();

        Recording(List<Message> messages, List<String> accepted) {
            this.messages = messages;
            this.accepted = accepted;
        }

        @Override
        public void from(String address) {
            this.from = address;
        }

        @Override
        public void recipient(String address) throws RejectException {
            if (!accepted.isEmpty() && accepted.stream().noneMatch(address::equalsIgnoreCase)) {
                throw new RejectException(550, "5.1.1 <" + address + ">: Recipient address rejected: User unknown");
            }
            to.add(address);
        }

        @Override
        public String data(InputStream data) throws IOException {
            byte[] bytes = data.readAllBytes();
            String queueId;
            synchronized (messages) {
                queueId = String.format(Locale.ROOT, "4F2C%X", messages.size() + 1);
                for (String recipient : to) {
                    messages.add(new Message(from, recipient, bytes, queueId));
                }
            }
            return "2.0.0 Ok: queued as " + queueId;
        }

        @Override
        public void done() {
            // nothing held
        }
    }
}
