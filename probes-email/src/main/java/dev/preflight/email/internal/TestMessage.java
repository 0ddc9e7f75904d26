package dev.preflight.email.internal;

import dev.preflight.support.RandomTokens;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;

/**
 * The message {@code smtp.send} delivers: plain text saying what it is, a unique token in the subject
 * and in its own header (so that the mailbox can be searched for it on the server), a Message-ID and
 * a Date (RFC 5322 section 3.6).
 *
 * @param token the token, e.g. {@code pf-3f9a0c2e7b1d4a6f}
 * @param message the composed message
 */
public record TestMessage(String token, MimeMessage message) {
    /** The header that carries the token. */
    public static final String TOKEN_HEADER = "X-Preflight-Token";

    /**
     * @param session the mail session
     * @param from the From address as configured
     * @param to the recipient
     * @param now the Date to give it
     * @return the message, ready to send
     * @throws MessagingException if an address cannot be written into a header
     */
    public static TestMessage compose(Session session, InternetAddress from, InternetAddress to, Instant now)
            throws MessagingException {
        String token = "pf-" + RandomTokens.hex(8);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setSubject("Preflight delivery test " + token, "UTF-8");
        message.setSentDate(Date.from(now));
        message.setText("This message was sent by Preflight's smtp.send check to confirm that mail from "
                + from.getAddress() + " reaches " + to.getAddress() + ".\r\n\r\n"
                + "Token: " + token + "\r\n\r\n"
                + "Nobody needs to read or answer it, and it can be deleted.\r\n", "UTF-8");
        message.setHeader(TOKEN_HEADER, token);
        message.saveChanges();
        // After saveChanges, which would put a Message-ID of its own: one that names the token and the From domain.
        message.setHeader("Message-ID", "<" + token + "@" + domainOf(from) + ">");
        return new TestMessage(token, message);
    }

    private static String domainOf(InternetAddress address) {
        String a = address.getAddress();
        return a.substring(a.lastIndexOf('@') + 1);
    }
}
