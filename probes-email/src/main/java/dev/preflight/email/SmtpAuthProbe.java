package dev.preflight.email;

import dev.preflight.email.internal.EhloCapabilities;
import dev.preflight.email.internal.Findings;
import dev.preflight.email.internal.RefusedException;
import dev.preflight.email.internal.SecuredConversation;
import dev.preflight.email.internal.SecuredConversation.Secured;
import dev.preflight.email.internal.SmtpDialogue;
import dev.preflight.email.internal.SmtpEndpoint;
import dev.preflight.email.internal.SmtpReply;
import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Status;
import dev.preflight.support.Placeholders;
import dev.preflight.support.Templates;
import java.util.List;
import java.util.Optional;

/**
 * {@code smtp.auth}: the submission server takes credentials only over TLS, and the target's
 * credentials log in. No message is sent.
 *
 * <p>Over {@code smtp://}, the plaintext EHLO must not advertise AUTH. When it does not, the probe
 * also asks whether AUTH would be accepted anyway: {@code AUTH PLAIN} without an initial response,
 * then {@code *}, which cancels the exchange (RFC 4954 section 4) before any credential is sent.
 * Then TLS (STARTTLS, or from the first byte for {@code smtps://}); the chain is judged as
 * {@code smtp.starttls} judges it, and when that judgement fails the credentials are not sent, as a
 * verifying client would not send them. Over TLS, the credentials (the URL's, else the target's
 * {@code username} attribute and {@code password} secret) log in with PLAIN, or LOGIN when only that
 * is offered. A user name or password that is a template or placeholder ({@code YOUR_PASSWORD},
 * {@code changeme}, {@code <password>}) is never sent. The password appears in no result: the
 * server's reply is shown with it and its encodings masked.
 *
 * <p>PASS: AUTH is neither advertised nor accepted before TLS, and the credentials log in (235).
 * WARN: AUTH is not advertised before TLS but accepted ({@code 334}); no credentials are configured,
 * so the login is not verified; the server offers only mechanisms other than PLAIN and LOGIN. FAIL:
 * AUTH is advertised before TLS (credentials may cross in clear); there is no STARTTLS (or it is
 * offered but refused), so a login could only cross in clear; the credentials are refused (the
 * server's 5xx reply); AUTH is not offered after TLS although credentials are configured; the
 * credentials are a template; EHLO over TLS is refused; the server speaks only TLS 1.1 or older,
 * or not SMTP. ERROR: the credentials were withheld because the certificate fails the judgement
 * (with no FAIL found before); a transient refusal (4xx, e.g. 454); the server cannot be reached or
 * does not answer before the deadline.
 * Details: {@code authBeforeTls} ({@code advertised}, {@code accepted, not advertised},
 * {@code refused (530)}), {@code mechanisms} (over TLS), {@code protocol}, {@code login}
 * ({@code accepted}, {@code refused (535)}, {@code deferred (454)}, {@code not verified: …},
 * {@code not attempted: …}, {@code withheld: …}),
 * {@code reply}, {@code problems}.
 *
 * <p>No settings of its own; {@code warn-days} and {@code fail-days} shape the certificate
 * judgement as for {@code smtp.starttls}. Stateless and thread-safe.
 *
 * @since 0.3
 */
public final class SmtpAuthProbe extends SmtpProbe {
    private static final String LOGIN = "login";

    @Override
    public String id() {
        return "smtp.auth";
    }

    @Override
    public String title() {
        return "The submission server takes AUTH only over TLS, and the configured credentials log in";
    }

    @Override
    Result check(ProbeContext context, SmtpEndpoint endpoint) throws Exception {
        String subject = endpoint.address();
        Findings findings = new Findings();
        try (SecuredConversation smtp = SecuredConversation.open(Network.of(context), endpoint)) {
            Optional<EhloCapabilities> plaintext = smtp.plaintext();
            if (plaintext.isPresent()) {
                judgeBeforeTls(smtp.dialogue(), plaintext.get(), findings);
            }
            if (!smtp.canSecure()) {
                findings.add(Status.FAIL, subject + " offers no STARTTLS: a login could only cross the network in"
                        + " clear", "Enable STARTTLS on the submission port and offer AUTH only after it.");
                return findings.detail(LOGIN, "not attempted: no TLS").result(subject, "");
            }
            Secured secured;
            try {
                secured = smtp.secure();
            } catch (RefusedException e) {
                findings.add(Status.FAIL, subject + " offers STARTTLS but refuses it (" + e.reply() + "): a login"
                        + " could only cross in clear", "Check the server's TLS certificate and key settings and its"
                        + " log (smtp.starttls reports the same).");
                return findings.detail(LOGIN, "not attempted: STARTTLS refused").result(subject, "");
            }
            findings.detail("protocol", secured.session().protocol());
            if (secured.certificateFails()) {
                String notSent = endpoint.hasCredentials() ? "the credentials were not sent"
                        : "the login was not checked";
                findings.add(Status.ERROR, notSent + ": the server's certificate fails the judgement a client makes ("
                        + secured.certificate().summary() + "; "
                        + (endpoint.implicitTls() ? "smtp.implicit-tls" : "smtp.starttls") + " reports it)", null);
                return findings.detail(LOGIN, "withheld: the certificate fails").result(subject, "");
            }
            Optional<EhloCapabilities> overTls = secured.capabilities();
            if (overTls.isEmpty()) {
                findings.add(Status.FAIL, "EHLO over TLS is refused (" + secured.ehlo() + ")",
                        "Let the server answer EHLO after the TLS handshake (RFC 3207 section 4.2).");
                return findings.result(subject, "");
            }
            List<String> mechanisms = overTls.get().authMechanisms();
            findings.detail("mechanisms", mechanisms);
            logIn(context, smtp.dialogue(), endpoint, mechanisms, findings);
            return findings.result(subject, "AUTH is offered only over TLS and the configured credentials log in");
        }
    }

    /** RFC 4954 section 4: no credential crosses; "*" cancels, and the server answers 501. */
    private static void judgeBeforeTls(SmtpDialogue smtp, EhloCapabilities plaintext, Findings findings)
            throws Exception {
        if (plaintext.has("AUTH")) {
            findings.add(Status.FAIL, "AUTH is advertised before TLS (" + String.join(" ", plaintext.authMechanisms())
                    + "): credentials may cross the network in clear", "Offer AUTH only after STARTTLS (Postfix:"
                    + " smtpd_tls_auth_only = yes; Exim: auth_advertise_hosts = ${if eq{$tls_in_cipher}{}{}{*}}).");
            findings.detail("authBeforeTls", "advertised");
            return;
        }
        SmtpReply reply = smtp.command("AUTH PLAIN");
        if (reply.isIntermediate() || reply.isPositive()) {
            if (reply.isIntermediate()) {
                smtp.command("*");
            }
            findings.add(Status.WARN, "AUTH is not advertised before TLS but is accepted (AUTH PLAIN answered "
                    + reply.code() + "): a client that skips STARTTLS would send its credentials in clear",
                    "Refuse AUTH before STARTTLS rather than only hiding it (Postfix: smtpd_tls_auth_only = yes).");
            findings.detail("authBeforeTls", "accepted, not advertised");
        } else {
            findings.detail("authBeforeTls", "refused (" + reply.code() + ")");
        }
    }

    private static void logIn(ProbeContext context, SmtpDialogue smtp, SmtpEndpoint endpoint, List<String> mechanisms,
            Findings findings) throws Exception {
        Optional<String> template = templateReason(endpoint);
        if (template.isPresent()) {
            findings.add(Status.FAIL, "the configured " + template.get() + ", so it was not sent and the login is"
                    + " not verified", "Put the application's real SMTP credentials in the target (the URL, or the"
                    + " username attribute and password secret).");
            findings.detail(LOGIN, "not attempted: template credentials");
            return;
        }
        if (!endpoint.hasCredentials()) {
            String missing = endpoint.user().isPresent() ? "no password" : endpoint.password().isPresent()
                    ? "no user name" : "no credentials";
            findings.add(Status.WARN, "the login is not verified: the target gives " + missing
                    + (mechanisms.isEmpty() ? " (and the server offers no AUTH over TLS)" : ""),
                    "Give the application's credentials: smtp://user:password@host:587, or the target's username"
                            + " attribute and password secret.");
            findings.detail(LOGIN, "not verified: " + missing);
            return;
        }
        if (mechanisms.isEmpty()) {
            findings.add(Status.FAIL, "AUTH is not offered over TLS, though the target has credentials: the"
                    + " application cannot log in", "Enable SMTP AUTH on the submission port (Postfix:"
                    + " smtpd_sasl_auth_enable = yes), or drop the credentials if the server relays by address.");
            findings.detail(LOGIN, "not attempted: no AUTH offered");
            return;
        }
        if (!mechanisms.contains("PLAIN") && !mechanisms.contains("LOGIN")) {
            findings.add(Status.WARN, "the login is not verified: the server offers only "
                    + String.join(" ", mechanisms) + ", and Preflight logs in with PLAIN or LOGIN",
                    "Check the login with the application itself.");
            findings.detail(LOGIN, "not verified: no PLAIN or LOGIN");
            return;
        }
        String user = endpoint.user().orElseThrow();
        Secret password = endpoint.password().orElseThrow();
        SmtpReply reply = smtp.authenticate(mechanisms, user, password);
        if (reply.code() == 235) {
            findings.detail(LOGIN, "accepted");
            return;
        }
        // A server that echoes what it got must not carry the password (or the PLAIN token) into the result.
        String shown = context.redactor().with(List.of(password.reveal(), user + ":" + password.reveal(),
                "\0" + user + "\0" + password.reveal())).redact(reply.toString());
        findings.detail("reply", shown);
        if (reply.code() / 100 == 5) {
            findings.add(Status.FAIL, "the server refuses the configured credentials: " + shown,
                    "Correct the user name or password in the target (URL, or the password secret); with a mail"
                            + " provider, check that SMTP access is enabled for the account (an app password or"
                            + " SMTP credentials, not the web login).");
            findings.detail(LOGIN, "refused (" + reply.code() + ")");
        } else if (reply.code() / 100 == 4) {
            findings.add(Status.ERROR, "the login could not be checked now: the server answers " + shown
                    + " (a temporary refusal)", null);
            findings.detail(LOGIN, "deferred (" + reply.code() + ")");
        } else {
            findings.add(Status.ERROR, "unexpected reply to AUTH: " + shown, null);
            findings.detail(LOGIN, "unexpected (" + reply.code() + ")");
        }
    }

    /** @return why the user name or password stands in for a real one; never quotes the password */
    private static Optional<String> templateReason(SmtpEndpoint endpoint) {
        Optional<String> user = endpoint.user().flatMap(Templates::reason).map(r -> "user name " + r);
        if (user.isPresent()) {
            return user;
        }
        return endpoint.password().flatMap(p -> Placeholders.reason(p.reveal())).map(r -> "password " + r);
    }
}
