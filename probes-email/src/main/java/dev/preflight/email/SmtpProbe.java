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

/**
 * A probe of a mail submission server: applies to {@code SMTP} targets, skips one without an
 * {@code smtp://} or {@code smtps://} URL, and turns a server that cannot be reached or does not
 * answer in time into ERROR, one that answers in another protocol or refuses the conversation into
 * FAIL, all the same way.
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
        String address = endpoint.get().address();
        try {
            return check(context, endpoint.get());
        } catch (MalformedReplyException e) {
            return Result.builder(Status.FAIL).subject(address)
                    .summary(address + " does not answer in SMTP: " + e.getMessage())
                    .remediation("Point the URL at the mail submission server itself: the port answers as another"
                            + " service.")
                    .build();
        } catch (RefusedException e) {
            return Result.builder(Status.FAIL).subject(address).summary(address + ": " + e.getMessage())
                    .remediation("Let the server accept the conversation from this network, or check the one your"
                            + " application uses.")
                    .build();
        } catch (IOException e) {
            return Result.builder(Status.ERROR).subject(address)
                    .summary(NetworkFailures.describe(e, address)).cause(e).build();
        }
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
