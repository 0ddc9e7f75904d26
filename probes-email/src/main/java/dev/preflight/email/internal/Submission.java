package dev.preflight.email.internal;

import dev.preflight.probe.ProbeContext;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Hands one message to the submission server with Jakarta Mail's {@link SMTPTransport}: TLS first
 * (implicit, or STARTTLS required), then AUTH with the endpoint's credentials when it has them, then
 * {@code MAIL FROM}, {@code RCPT TO} and {@code DATA}. The transport is closed when done or when the
 * check is cancelled.
 */
public final class Submission {

    private Submission() {
    }

    /**
     * The server's acceptance.
     *
     * @param reply its reply to the end of DATA, e.g. {@code 250 2.0.0 Ok: queued as 4F2C1}
     * @param queueId the queue id in it, if any
     * @param authenticated whether the session logged in
     */
    public record Acceptance(String reply, Optional<String> queueId, boolean authenticated) {
    }

    /**
     * Why the message was not accepted (a refusal, no STARTTLS, a failed handshake, a timeout), with the
     * server's last reply when there was one.
     */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient MessagingException thrown;
        private final String lastReply;

        Failure(MessagingException thrown, String lastReply) {
            super(thrown.getMessage(), thrown);
            this.thrown = thrown;
            this.lastReply = lastReply;
        }

        /** @return what Jakarta Mail threw */
        public MessagingException thrown() {
            return thrown;
        }

        /** @return the server's last reply, e.g. {@code 535 5.7.8 Authentication credentials invalid}; may be empty */
        public String lastReply() {
            return lastReply;
        }
    }

    /**
     * @param context the check's context (its deadline bounds every socket)
     * @param endpoint the submission server
     * @param message the message
     * @param from the envelope sender
     * @param to the recipient
     * @return the acceptance
     * @throws Failure if Jakarta Mail fails: a refusal, a missing STARTTLS, a failed handshake or a timeout
     * @throws IOException if no time is left or the run's trust cannot be built
     */
    public static Acceptance send(ProbeContext context, SmtpEndpoint endpoint, MimeMessage message,
            InternetAddress from, InternetAddress to) throws Failure, IOException {
        AtomicReference<SMTPTransport> transport = new AtomicReference<>();
        // EHLO names this side by its address literal (RFC 5321 4.1.4), not a host name looked up in DNS.
        Consumer<InetAddress> ehloName = local -> transport.get().setLocalHost(SmtpDialogue.addressLiteral(local));
        String address = MailSessions.address(context, endpoint.host(), endpoint.port());
        Session session = MailSessions.smtp(context, endpoint, address, from.getAddress(), ehloName);
        try {
            transport.set((SMTPTransport) session.getTransport(MailSessions.smtpProtocol(endpoint.implicitTls())));
        } catch (MessagingException e) {
            throw new IOException("Jakarta Mail has no SMTP transport: " + e.getMessage(), e);
        }
        SMTPTransport smtp = transport.get();
        context.onCancel(smtp);
        try {
            Socket socket;
            try {
                socket = MailSessions.connect(context, endpoint.host(), address, endpoint.port(),
                        endpoint.implicitTls(), ehloName);
            } catch (IOException e) {
                throw new MessagingException("cannot connect: " + e.getMessage(), e);
            }
            smtp.connect(socket);
            boolean authenticated = endpoint.hasCredentials() && smtp.supportsExtension("AUTH");
            smtp.sendMessage(message, new Address[] {to});
            String reply = Optional.ofNullable(smtp.getLastServerResponse()).orElse("").strip();
            return new Acceptance(reply, QueueIds.of(reply), authenticated);
        } catch (MessagingException e) {
            throw new Failure(e, Optional.ofNullable(smtp.getLastServerResponse()).orElse("").strip());
        } finally {
            try {
                smtp.close();
            } catch (MessagingException e) {
                // QUIT only; the verdict is made.
            }
        }
    }
}
