package dev.preflight.db.redis;

import dev.preflight.db.redis.internal.MalformedReplyException;
import dev.preflight.db.redis.internal.RedisEndpoint;
import dev.preflight.db.redis.internal.RedisSession;
import dev.preflight.db.redis.internal.Reply;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A probe of a Redis server: applies to {@code REDIS} targets, skips one without a {@code redis://}
 * URL, takes the target's shared connection, and turns a server that cannot be reached or does not
 * answer in time into ERROR, and one that answers in another protocol into FAIL, all the same way.
 */
abstract class RedisProbe implements Probe {

    @Override
    public final TargetKind targetKind() {
        return TargetKind.REDIS;
    }

    @Override
    public final Result check(ProbeContext context) throws Exception {
        Optional<RedisEndpoint> endpoint = RedisEndpoint.of(context.target());
        if (endpoint.isEmpty()) {
            return Result.skip("the target has no redis:// or rediss:// URL");
        }
        try {
            return check(context, endpoint.get());
        } catch (MalformedReplyException e) {
            return Result.builder(Status.FAIL).subject(endpoint.get().address())
                    .summary(endpoint.get().address() + " does not answer in Redis's protocol (RESP): " + e.getMessage())
                    .remediation("Point the URL at the Redis server itself: the port answers as another service.")
                    .build();
        } catch (IOException | TimeoutException e) {
            return Result.builder(Status.ERROR).subject(endpoint.get().address())
                    .summary(NetworkFailures.describe(e, endpoint.get().address())).cause(e).build();
        }
    }

    /**
     * Opens (or joins) the shared session and, unless the probe judges the login itself, refuses to
     * go on without access as the configured user.
     *
     * @param context the check's context
     * @param endpoint the target's endpoint
     * @return the verdict
     * @throws Exception an {@link IOException} or {@link TimeoutException} becomes ERROR
     */
    Result check(ProbeContext context, RedisEndpoint endpoint) throws Exception {
        RedisSession session = RedisSession.shared(context, endpoint);
        Optional<String> noAccess = judgesLogin() ? Optional.empty() : session.noAccess();
        if (noAccess.isPresent()) {
            return Result.builder(Status.ERROR).subject(endpoint.address())
                    .summary("cannot check: " + noAccess.get()).build();
        }
        return check(context, session);
    }

    /** @return whether the probe reads the session even when the configured user could not log in */
    boolean judgesLogin() {
        return false;
    }

    /**
     * @param context the check's context
     * @param session the target's shared session, logged in unless {@link #judgesLogin()}
     * @return the verdict
     * @throws Exception as {@link Probe#check(ProbeContext)}
     */
    abstract Result check(ProbeContext context, RedisSession session) throws Exception;

    /** @return e.g. {@code INFO persistence refused (NOPERM)}, naming the command and the error code */
    static String refused(Reply reply, String command) {
        return command + " refused (" + reply.code().orElse("ERR") + ")";
    }
}
