package dev.preflight.email;

import dev.preflight.email.internal.EhloCapabilities;
import dev.preflight.email.internal.RefusedException;
import dev.preflight.email.internal.SecuredConversation;
import dev.preflight.email.internal.SecuredConversation.Secured;
import dev.preflight.email.internal.SmtpEndpoint;
import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;

/**
 * {@code smtp.starttls}: an {@code smtp://} submission server (port 587 unless given) offers STARTTLS,
 * negotiates TLS 1.2 or later, presents a certificate that passes the same judgement as
 * {@code tls.certificate} (trust path to the system's roots or {@code --ca-file}, host name, expiry,
 * key size, signature algorithm), and answers EHLO over TLS.
 *
 * <p>Nothing secret is sent: greeting, EHLO, STARTTLS, the handshake (any chain is accepted for it;
 * the judgement decides), EHLO, QUIT. An {@code smtps://} target is skipped: {@code smtp.implicit-tls}
 * checks it.
 *
 * <p>PASS: the certificate is trusted, matches the host and is valid for more than {@code warn-days}.
 * WARN: it expires within {@code warn-days} or is weak. FAIL: STARTTLS is not offered (mail and
 * credentials cross in clear), or offered but refused; the server speaks only TLS 1.1 or older; the
 * certificate is untrusted, for another name, expired, expires within {@code fail-days}, or missing;
 * EHLO over TLS is refused; the server does not speak SMTP or refuses the session. ERROR: the server cannot be
 * reached, the handshake fails otherwise, or no answer before the deadline. Details: those of
 * {@code tls.certificate} ({@code subject}, {@code issuer}, {@code sans}, {@code notAfter},
 * {@code daysLeft}, {@code chain}, {@code problems}, …), {@code protocol}, {@code cipherSuite} and
 * {@code extensions} (EHLO keywords over TLS); without STARTTLS, {@code extensions} before TLS.
 *
 * <p>Settings: {@code warn-days} (30), {@code fail-days} (7). Stateless and thread-safe.
 *
 * @since 0.3
 */
public final class StartTlsProbe extends SmtpProbe {

    @Override
    public String id() {
        return "smtp.starttls";
    }

    @Override
    public String title() {
        return "The submission server offers STARTTLS with TLS 1.2+ and a valid certificate";
    }

    @Override
    Result check(ProbeContext context, SmtpEndpoint endpoint) throws Exception {
        String subject = endpoint.address();
        if (endpoint.implicitTls()) {
            return Result.skip("an smtps:// server speaks TLS from the first byte: smtp.implicit-tls checks it");
        }
        try (SecuredConversation smtp = SecuredConversation.open(Network.of(context), endpoint)) {
            EhloCapabilities plaintext = smtp.plaintext().orElseThrow();
            if (!smtp.canSecure()) {
                return Result.builder(Status.FAIL).subject(subject)
                        .summary(subject + " does not offer STARTTLS: mail and credentials cross the network in"
                                + " clear")
                        .remediation("Enable STARTTLS on the submission port (e.g. Postfix smtpd_tls_security_level"
                                + " = encrypt on 587) with a certificate for " + endpoint.host() + ".")
                        .detail("extensions", plaintext.keywords()).build();
            }
            Secured secured;
            try {
                secured = smtp.secure();
            } catch (RefusedException e) {
                return Result.builder(Status.FAIL).subject(subject)
                        .summary(subject + " offers STARTTLS but refuses it (" + e.reply() + "): no client can switch"
                                + " to TLS")
                        .remediation("Check the server's TLS certificate and key settings and its log: a server that"
                                + " cannot load them often still offers STARTTLS.")
                        .detail("extensions", plaintext.keywords()).build();
            }
            if (!secured.ehlo().isPositive()) {
                Result.Builder refused = Result.builder(Status.FAIL).subject(subject)
                        .summary("EHLO after STARTTLS is refused (" + secured.ehlo() + "): no client can go on over"
                                + " TLS")
                        .remediation("Let the server answer EHLO after the TLS handshake (RFC 3207 section 4.2).");
                secured.certificate().details().forEach(refused::detail);
                return refused.build();
            }
            return secured.certificate().toBuilder()
                    .detail("extensions", secured.capabilities().orElseThrow().keywords()).build();
        }
    }
}
