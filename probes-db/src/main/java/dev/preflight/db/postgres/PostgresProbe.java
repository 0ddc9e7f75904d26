package dev.preflight.db.postgres;

import dev.preflight.db.postgres.internal.ConnectionFailures;
import dev.preflight.db.postgres.internal.MalformedAnswerException;
import dev.preflight.db.postgres.internal.PostgresUrl;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A probe of a PostgreSQL server: every one applies to {@code POSTGRES} targets, skips a target
 * without a URL of one TCP host, and reports a connection or statement failure the same way (ERROR
 * naming the endpoint; FAIL for an answer that is not PostgreSQL's protocol).
 */
abstract class PostgresProbe implements Probe {

    @Override
    public final TargetKind targetKind() {
        return TargetKind.POSTGRES;
    }

    @Override
    public final Result check(ProbeContext context) throws Exception {
        Optional<PostgresUrl> url;
        try {
            url = PostgresUrl.of(context.target());
        } catch (IllegalArgumentException e) {
            return Result.skip(e.getMessage());
        }
        if (url.isEmpty()) {
            return Result.skip("the target has no postgresql:// URL");
        }
        try {
            return check(context, url.get());
        } catch (MalformedAnswerException e) {
            return Result.builder(Status.FAIL).subject(url.get().endpoint())
                    .summary(url.get().endpoint() + " does not speak PostgreSQL's protocol: " + e.getMessage())
                    .remediation("Point the URL at the PostgreSQL server's port.").build();
        } catch (SQLException | IOException e) {
            return Result.builder(Status.ERROR).subject(url.get().endpoint())
                    .summary(ConnectionFailures.describe(e, url.get())).cause(e).build();
        }
    }

    /**
     * @param context the check's context
     * @param url the target's URL
     * @return the verdict
     * @throws Exception as {@link Probe#check(ProbeContext)}; SQL and I/O failures become ERROR
     */
    abstract Result check(ProbeContext context, PostgresUrl url) throws Exception;
}
