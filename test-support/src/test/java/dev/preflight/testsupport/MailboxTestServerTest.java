package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.security.KeyStore;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The mailbox over its SMTPS port with a client that trusts only the minted root, as a probe would. */
class MailboxTestServerTest {

    @Test
    void filesArrivingMailWithTheReceivingSidesHeadersOnTop() throws Exception {
        try (MailboxTestServer mailbox = MailboxTestServer.builder().spamFolder("Junk").filing("Junk")
                .authenticationResults("mx.preflight.test; spf=pass", "relay.preflight.test; spf=fail").start()) {
            send(mailbox, mailbox.password());

            assertThat(mailbox.messages("INBOX")).isEmpty();
            assertThat(mailbox.messages("Junk")).singleElement().satisfies(m -> {
                assertThat(m.getSubject()).isEqualTo("hello");
                assertThat(m.getHeader("Authentication-Results")).containsExactly("mx.preflight.test; spf=pass",
                        "relay.preflight.test; spf=fail");
            });
            assertThat(mailbox.imapsUri()).hasScheme("imaps");
            assertThat(mailbox.imapUri().getPort()).isNotEqualTo(mailbox.imapsPort());
        }
    }

    @Test
    void requiresTheLoginAndOneMintedChainServesEveryInstance() throws Exception {
        try (MailboxTestServer first = MailboxTestServer.builder().start();
                MailboxTestServer second = MailboxTestServer.builder().start()) {
            assertThatThrownBy(() -> send(first, "wrong")).isInstanceOf(AuthenticationFailedException.class);
            send(second, second.password());

            assertThat(first.messages("INBOX")).isEmpty();
            assertThat(second.messages("INBOX")).hasSize(1);
        }
    }

    private static void send(MailboxTestServer mailbox, String password) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", MailboxTestServer.root().certificate());
        TrustManagerFactory trusting = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusting.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trusting.getTrustManagers(), null);
        Properties props = new Properties();
        props.put("mail.smtps.ssl.socketFactory", tls.getSocketFactory());
        props.setProperty("mail.smtps.auth", "true");
        props.setProperty("mail.smtps.connectiontimeout", "5000");
        props.setProperty("mail.smtps.timeout", "5000");
        // Without this, a failed handshake is retried with the JVM's default trust and reported as that one.
        props.setProperty("mail.smtps.socketFactory.fallback", "false");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("shop@shop.preflight.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox.address()));
        message.setSubject("hello");
        message.setText("hello");
        try (Transport smtps = session.getTransport("smtps")) {
            smtps.connect("127.0.0.1", mailbox.smtpsPort(), mailbox.login(), password);
            smtps.sendMessage(message, message.getAllRecipients());
        }
    }
}
