package dev.preflight.email.internal;

import dev.preflight.net.CertificateVerdict;
import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * One MX host at one address, spoken to as a sending MTA would on the way to delivering a message:
 * greeting, EHLO, STARTTLS, the TLS handshake, and the certificate judged against the MX host name
 * with the network layer's shared judgement; then QUIT. Never MAIL or RCPT.
 *
 * <p>FAIL: no STARTTLS (mail crosses the network in clear), STARTTLS advertised but refused or its
 * handshake failing, a protocol older than TLS 1.2, no certificate, a certificate the judgement fails
 * (WARN when it only expires soon), an answer that is not SMTP, no ESMTP at all. ERROR: no
 * connection, no greeting or reply in time, a session or EHLO refused to this machine (mail servers
 * turn away addresses on blocklists; that says nothing about other senders).
 */
public final class MxStartTls {
    private static final List<String> MODERN = List.of("TLSv1.2", "TLSv1.3");
    /** What senders do with a certificate that fails, so the remediation says what is at stake. */
    private static final String AT_STAKE = " Senders that enforce MTA-STS (RFC 8461) or DANE (RFC 7672) will not"
            + " deliver to this host; the others fall back to TLS without verification.";

    private MxStartTls() {
    }

    /**
     * @param network the network of this address's share of the check
     * @param host the MX host name, for SNI and the certificate's name
     * @param address the address to connect to
     * @param port the port, 25 for senders
     * @return the verdict; never throws
     */
    public static MxVerdict check(Network network, String host, InetAddress address, int port) {
        String where = address.getHostAddress();
        String endpoint = endpoint(address, port);
        Socket socket;
        try {
            socket = network.connect(address, port);
        } catch (IOException e) {
            return unconnected(host, address, port, e);
        }
        try (SmtpDialogue smtp = SmtpDialogue.open(network, host, socket)) {
            return converse(network, smtp, host, where);
        } catch (MalformedReplyException e) {
            return MxVerdict.of(host, where, Status.FAIL, "does not answer in SMTP: " + e.getMessage(),
                    "Let port " + port + " of " + host + " be served by its mail server, not another service.");
        } catch (RefusedException e) {
            return MxVerdict.error(host, where, "refuses a session from this machine (" + e.reply() + "), as mail"
                    + " servers do to addresses on a blocklist: check from another network", false, e);
        } catch (IOException e) {
            return MxVerdict.error(host, where, NetworkFailures.describe(e, endpoint), false, e);
        }
    }

    private static MxVerdict converse(Network network, SmtpDialogue smtp, String host, String where)
            throws IOException {
        SmtpReply ehlo = smtp.ehloReply();
        if (ehlo.code() == 500 || ehlo.code() == 502) {
            return MxVerdict.of(host, where, Status.FAIL, "does not know EHLO (" + ehlo + "): without ESMTP there"
                    + " is no STARTTLS, so mail to it crosses the network in clear",
                    "Run a mail server on " + host + " that speaks ESMTP and offers STARTTLS (RFC 3207).");
        }
        if (!ehlo.isPositive()) {
            return MxVerdict.error(host, where, "refuses EHLO from this machine (" + ehlo + "): check from another"
                    + " network", false, null);
        }
        if (!EhloCapabilities.of(ehlo).startTls()) {
            return MxVerdict.of(host, where, Status.FAIL, "offers no STARTTLS: mail to it crosses the network in"
                    + " clear", "Turn on STARTTLS on " + host + " (Postfix: smtpd_tls_security_level = may, with"
                    + " smtpd_tls_chain_files) with a certificate valid for " + host + ".");
        }
        TlsSession tls;
        try {
            tls = smtp.startTls();
        } catch (RefusedException e) {
            return MxVerdict.of(host, where, Status.FAIL, "advertises STARTTLS but refuses it (" + e.reply()
                    + "): senders fall back to plaintext", "Fix the TLS set-up of " + host
                    + " (its certificate and key files, their permissions) so that STARTTLS succeeds.");
        } catch (SSLException e) {
            if (NetworkFailures.isTimeout(e)) {
                throw e;
            }
            String why = NetworkFailures.refusedProtocol(e).orElseGet(() -> NetworkFailures.tlsReason(e));
            return MxVerdict.of(host, where, Status.FAIL, "offers STARTTLS but the TLS handshake fails: " + why
                    + "; senders fall back to plaintext", "Let " + host + " negotiate TLS 1.2 or 1.3 with a"
                    + " certificate valid for its name.");
        }
        if (!MODERN.contains(tls.protocol())) {
            return MxVerdict.of(host, where, Status.FAIL, "negotiates " + tls.protocol() + ", older than TLS 1.2",
                    "Turn off TLS 1.1 and older on " + host + " and offer TLS 1.2 and 1.3.");
        }
        if (tls.chain().isEmpty()) {
            return MxVerdict.of(host, where, Status.FAIL, "STARTTLS with " + tls.protocol() + " but no certificate"
                    + " (an anonymous suite)", "Serve a certificate valid for " + host + "." + AT_STAKE);
        }
        CertificateVerdict verdict = network.tls().judge(host, tls.chain());
        Result judged = verdict.toResult(host);
        Instant expiry = tls.chain().get(0).getNotAfter().toInstant();
        if (judged.status() == Status.PASS) {
            return MxVerdict.of(host, where, Status.PASS, "STARTTLS with " + tls.protocol() + ", "
                    + judged.summary(), null).withCertificateExpiry(expiry);
        }
        return MxVerdict.of(host, where, judged.status(), "STARTTLS with " + tls.protocol() + ", but "
                + judged.summary() + " (" + daysLeft(verdict.daysLeft()) + ")",
                judged.remediation().orElse("Serve a certificate valid for " + host + ".") + AT_STAKE)
                .withCertificateExpiry(expiry);
    }

    private static MxVerdict unconnected(String host, InetAddress address, int port, IOException e) {
        String where = address.getHostAddress();
        if (address instanceof Inet6Address && !(e instanceof ConnectException) && !NetworkFailures.isTimeout(e)) {
            // No IPv6 route from here says nothing about the host; senders with IPv6 still reach it.
            // Not checked, then: MxVerdicts makes it an ERROR only when it leaves its host unverified.
            return new MxVerdict(host, where, Status.SKIP, "not checked: no IPv6 route from this machine ("
                    + NetworkFailures.describe(e, endpoint(address, port)) + ")", null, true, e, null);
        }
        // With no time left the connection was never tried: that hints at nothing about the port.
        boolean tried = !(e instanceof DeadlineExceededException);
        return MxVerdict.error(host, where, NetworkFailures.describe(e, endpoint(address, port)), tried, e);
    }

    private static String daysLeft(long days) {
        return days < 0 ? "expired " + -days + " day" + (days == -1 ? "" : "s") + " ago"
                : days + " day" + (days == 1 ? "" : "s") + " left";
    }

    private static String endpoint(InetAddress address, int port) {
        String text = address.getHostAddress();
        return (address instanceof Inet6Address ? "[" + text + "]" : text) + ":" + port;
    }
}
