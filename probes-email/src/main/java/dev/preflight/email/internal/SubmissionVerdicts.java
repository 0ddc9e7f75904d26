package dev.preflight.email.internal;

import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Turns a failed submission into a verdict: a permanent refusal (5xx to AUTH, MAIL, RCPT or DATA), a
 * server without STARTTLS, or a certificate the run does not trust is FAIL with the server's reply; a
 * temporary refusal (4xx), an unreachable or silent server is ERROR. Never a password: only the
 * server's replies and the user name are quoted.
 */
public final class SubmissionVerdicts {

    private SubmissionVerdicts() {
    }

    /**
     * @param failure what happened
     * @param endpoint the submission server
     * @param from the envelope sender
     * @param to the recipient
     * @return the verdict, with the server's reply as a detail
     */
    public static Result of(Submission.Failure failure, SmtpEndpoint endpoint, String from, String to) {
        String address = endpoint.address();
        MessagingException e = failure.thrown();
        Optional<IOException> io = ioCause(e);
        if (io.isPresent() && !(e instanceof AuthenticationFailedException)) {
            return network(io.get(), endpoint);
        }
        if (e instanceof AuthenticationFailedException) {
            String reply = reply(failure, e);
            return Result.builder(Status.FAIL).subject(address)
                    .summary(address + " refused the login as " + endpoint.user().orElse("?") + ": " + reply)
                    .remediation("Correct the user name or password in the target's URL (or its username and"
                            + " password), or enable SMTP submission for the account (some providers want an app"
                            + " password).")
                    .detail("reply", reply).build();
        }
        if (contains(e, "STARTTLS") && contains(e, "required")) {
            return Result.builder(Status.FAIL).subject(address)
                    .summary(address + " does not offer STARTTLS, so nothing was sent: credentials and mail would"
                            + " cross the network in clear")
                    .remediation("Enable STARTTLS on the submission port (RFC 3207), or use the implicit-TLS port with"
                            + " an smtps:// URL (RFC 8314).")
                    .build();
        }
        String command;
        String what;
        if (find(e, SMTPSenderFailedException.class).isPresent()) {
            command = "MAIL FROM:<" + from + ">";
            what = "The server does not let this account send as " + from + ": verify the sender address or domain"
                    + " with the provider, or send with the From address the account owns.";
        } else if (find(e, SMTPAddressFailedException.class).isPresent()) {
            command = "RCPT TO:<" + to + ">";
            what = "Check the recipient address; a relay that refuses it ('relay access denied') wants the login"
                    + " first, or does not relay for this account.";
        } else if (find(e, SMTPSendFailedException.class).isPresent()) {
            command = "the message (DATA)";
            what = "Read the server's reason: content, size or policy; the provider's logs tell more.";
        } else if (contains(e, "bad greeting")) {
            command = "the session (greeting)";
            what = "Let the server accept connections from this network.";
        } else {
            return Result.builder(Status.ERROR).subject(address)
                    .summary("cannot submit to " + address + ": " + printable(e.getMessage())).cause(e).build();
        }
        String reply = reply(failure, e);
        int code = code(reply);
        if (code / 100 == 4) {
            return Result.builder(Status.ERROR).subject(address)
                    .summary(address + " deferred " + command + " (a temporary refusal): " + reply)
                    .detail("reply", reply).build();
        }
        return Result.builder(Status.FAIL).subject(address).summary(address + " refused " + command + ": " + reply)
                .remediation(what).detail("reply", reply).build();
    }

    private static Result network(IOException io, SmtpEndpoint endpoint) {
        String address = endpoint.address();
        if (io instanceof SSLException ssl && (hasCause(ssl, CertificateException.class)
                || NetworkFailures.refusedProtocol(ssl).isPresent())) {
            return Result.builder(Status.FAIL).subject(address)
                    .summary(NetworkFailures.describe(io, address) + "; nothing was sent")
                    .remediation("Serve a certificate for " + endpoint.host() + " that chains to a public root, over"
                            + " TLS 1.2 or later (smtp.starttls and smtp.implicit-tls show the details).")
                    .cause(io).build();
        }
        return Result.builder(Status.ERROR).subject(address).summary(NetworkFailures.describe(io, address)).cause(io)
                .build();
    }

    private static String reply(Submission.Failure failure, MessagingException e) {
        Optional<MessagingException> specific = find(e, SMTPAddressFailedException.class)
                .map(x -> (MessagingException) x).or(() -> find(e, SMTPSenderFailedException.class))
                .or(() -> find(e, SMTPSendFailedException.class));
        String text = specific.map(MessagingException::getMessage).filter(m -> code(m) > 0)
                .orElse(failure.lastReply().isEmpty() ? e.getMessage() : failure.lastReply());
        return printable(text);
    }

    private static int code(String reply) {
        if (reply != null && reply.length() >= 3 && Character.isDigit(reply.charAt(0))
                && Character.isDigit(reply.charAt(1)) && Character.isDigit(reply.charAt(2))) {
            return Integer.parseInt(reply.substring(0, 3));
        }
        return -1;
    }

    private static <T extends Exception> Optional<T> find(Exception e, Class<T> type) {
        for (Throwable t = e; t != null; t = t instanceof MessagingException m && m.getNextException() != null
                ? m.getNextException() : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<IOException> ioCause(MessagingException e) {
        return find(e, IOException.class);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(MessagingException e, String text) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** One line: servers' multi-line replies joined, control characters shown as '?'. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\r?\\n", " / ").replaceAll("\\p{Cntrl}", "?");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
