package dev.preflight.email;

import dev.preflight.email.internal.SecuredConversation;
import dev.preflight.email.internal.SecuredConversation.Secured;
import dev.preflight.email.internal.SmtpEndpoint;
import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code smtp.implicit-tls}: submission over implicit TLS (RFC 8314, port 465) shakes hands with
 * TLS 1.2 or later from the first byte, presents a certificate that passes the same judgement as
 * {@code tls.certificate}, then greets with 220 and answers EHLO over TLS.
 *
 * <p>It checks an {@code smtps://} target (port 465 unless given), or, for an {@code smtp://}
 * target, the same host on the port of the setting {@code port}; otherwise it is skipped ("implicit
 * TLS not configured"). Nothing secret is sent: handshake, greeting, EHLO, QUIT.
 *
 * <p>PASS: the certificate is trusted, matches the host and is valid for more than {@code warn-days},
 * and the server greets and answers EHLO. WARN: the certificate expires within {@code warn-days} or
 * is weak. FAIL: the server speaks only TLS 1.1 or older; the certificate is untrusted, for another
 * name, expired, expires within {@code fail-days}, or missing; the greeting or EHLO is refused or is
 * not SMTP. ERROR: the server cannot be reached, the handshake fails otherwise (a plaintext server
 * on the port, for one), or no answer before the deadline. Details: those of {@code tls.certificate}
 * ({@code subject}, {@code issuer}, {@code sans}, {@code notAfter}, {@code daysLeft}, {@code chain},
 * {@code problems}, …), {@code protocol}, {@code cipherSuite}, {@code greeting} and {@code extensions}
 * (EHLO keywords).
 *
 * <p>Settings: {@code port} (none: for {@code smtp://} targets, the implicit-TLS port to check),
 * {@code warn-days} (30), {@code fail-days} (7). Stateless and thread-safe.
 *
 * @since 0.3
 */
public final class ImplicitTlsProbe extends SmtpProbe {

    @Override
    public String id() {
        return "smtp.implicit-tls";
    }

    @Override
    public String title() {
        return "Submission over implicit TLS (port 465) greets over TLS 1.2+ with a valid certificate";
    }

    @Override
    Result check(ProbeContext context, SmtpEndpoint endpoint) throws Exception {
        Optional<SmtpEndpoint> implicit = implicitEndpoint(context, endpoint);
        if (implicit.isEmpty()) {
            return Result.skip("implicit TLS not configured: give an smtps:// URL, or the setting "
                    + id() + ".port (e.g. 465) for this smtp:// target");
        }
        SmtpEndpoint tls = implicit.get();
        try (SecuredConversation smtp = SecuredConversation.open(Network.of(context), tls)) {
            String greeting = smtp.dialogue().greeting().toString();
            Secured secured = smtp.secure();
            if (!secured.ehlo().isPositive()) {
                Result.Builder refused = Result.builder(Status.FAIL).subject(tls.address())
                        .summary("EHLO over TLS is refused (" + secured.ehlo() + ")")
                        .remediation("Let the server answer EHLO on its implicit-TLS port (RFC 8314 section 3.3).");
                secured.certificate().details().forEach(refused::detail);
                return refused.detail("greeting", greeting).build();
            }
            return secured.certificate().toBuilder().detail("greeting", greeting)
                    .detail("extensions", secured.capabilities().orElseThrow().keywords()).build();
        } catch (IOException e) {
            // Named by the port actually checked, which is not the target URL's when set by 'port'.
            return verdictOn(e, tls.address());
        }
    }

    private Optional<SmtpEndpoint> implicitEndpoint(ProbeContext context, SmtpEndpoint endpoint) {
        if (endpoint.implicitTls()) {
            return Optional.of(endpoint);
        }
        if (context.settings().string("port").isEmpty()) {
            return Optional.empty();
        }
        int port = context.settings().integer("port", SmtpEndpoint.SUBMISSIONS_PORT);
        if (port < 1 || port > 65535) {
            throw context.settings().invalid("port", "must be a port number, 1 to 65535");
        }
        return Optional.of(new SmtpEndpoint(endpoint.host(), port, true, endpoint.user(), endpoint.password()));
    }
}
