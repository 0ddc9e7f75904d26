package dev.preflight.email;

import dev.preflight.email.internal.MalformedReplyException;
import dev.preflight.email.internal.RefusedException;
import dev.preflight.email.internal.SmtpEndpoint;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * A probe of a mail submission server: applies to {@code SMTP} targets, skips one without an
 * {@code smtp://} or {@code smtps://} URL, and turns a server that cannot be reached or does not
 * answer in time into ERROR, one that answers in another protocol, refuses the conversation or speaks
 * only a TLS version older than 1.2 into FAIL, all the same way.
 */
abstract class SmtpProbe implements Probe {

    @Override
    public final TargetKind targetKind() {
        return TargetKind.SMTP;
    }

    @Override
    public final Result check(ProbeContext context) throws Exception {
        Optional<SmtpEndpoint> endpoint = SmtpEndpoint.of(context.target());
        if (endpoint.isEmpty()) {
            return Result.skip("the target has no smtp:// or smtps:// URL");
        }
        try {
            return check(context, endpoint.get());
        } catch (IOException e) {
            return verdictOn(e, endpoint.get().address());
        }
    }

    /**
     * The verdict on a conversation that ended in an exception: a reply that is not SMTP, a refusal,
     * or a TLS handshake that finds no protocol version in common with this JVM is FAIL; anything else
     * (refused connection, timeout, reset, another handshake failure) is ERROR.
     *
     * @param e what the conversation threw
     * @param address the {@code host:port} it was with
     * @return the verdict
     */
    static Result verdictOn(IOException e, String address) {
        if (e instanceof MalformedReplyException) {
            return Result.builder(Status.FAIL).subject(address)
                    .summary(address + " does not answer in SMTP: " + e.getMessage())
                    .remediation("Point the URL at the mail submission server itself: the port answers as another"
                            + " service.")
                    .build();
        }
        if (e instanceof RefusedException) {
            return Result.builder(Status.FAIL).subject(address).summary(address + ": " + e.getMessage())
                    .remediation("Let the server accept the conversation from this network, or check the one your"
                            + " application uses.")
                    .build();
        }
        Optional<String> oldProtocol = e instanceof SSLException ssl ? NetworkFailures.refusedProtocol(ssl)
                : Optional.empty();
        if (oldProtocol.isPresent()) {
            // A verdict on the server: every client that insists on TLS 1.2 or later fails the same way.
            return Result.builder(Status.FAIL).subject(address)
                    .summary("TLS handshake with " + address + " failed: " + oldProtocol.get())
                    .remediation("Enable TLS 1.2 and 1.3 on the mail server (RFC 8996 retired TLS 1.0 and 1.1).")
                    .build();
        }
        return Result.builder(Status.ERROR).subject(address).summary(NetworkFailures.describe(e, address)).cause(e)
                .build();
    }

    /**
     * @param context the check's context
     * @param endpoint the target's endpoint
     * @return the verdict
     * @throws Exception an {@link IOException} becomes ERROR, a {@link MalformedReplyException} or
     *     {@link RefusedException} FAIL
     */
    abstract Result check(ProbeContext context, SmtpEndpoint endpoint) throws Exception;
}
