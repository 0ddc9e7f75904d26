package dev.preflight.db.redis;

import dev.preflight.db.redis.internal.Findings;
import dev.preflight.db.redis.internal.RedisSession;
import dev.preflight.db.redis.internal.Reply;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.List;
import java.util.Optional;

/**
 * {@code redis.auth}: the server refuses clients without a password, and the target's credentials log
 * in.
 *
 * <p>On the target's shared connection (see the module README), one {@code PING} goes out before any
 * login; then {@code AUTH} with the URL's credentials ({@code redis://user:password@host}, else the
 * target's {@code password} secret and {@code username} attribute). Logged in, it reads the
 * {@code default} user's flags ({@code ACL GETUSER default}) and {@code protected-mode}
 * ({@code CONFIG GET}). The password is never put in a result, nor is what {@code CONFIG} would
 * tell about it: only error codes such as {@code WRONGPASS} are.
 *
 * <p>PASS: the unauthenticated {@code PING} is refused with {@code NOAUTH} and the credentials log
 * in. WARN: {@code protected-mode no}; the server requires a password but the target gives none
 * (nothing else can be checked). FAIL: the unauthenticated {@code PING} is answered (anyone who
 * reaches the port reads and writes everything), or refused only by ACL rules ({@code NOPERM}: the
 * {@code default} user is on without a password); {@code ACL GETUSER default} shows {@code on} and
 * {@code nopass}; the credentials are refused, named by the server's error code. ERROR: the server
 * cannot be reached or does not answer before the deadline; an unexpected answer to {@code PING};
 * credentials withheld because the certificate of a {@code rediss://} server fails
 * ({@code redis.tls}). What the user may not read ({@code NOPERM} on {@code ACL} or {@code CONFIG}) is
 * listed in {@code notVerified} and does not change the verdict. Details: {@code unauthenticatedPing},
 * {@code login}, {@code user}, {@code defaultUserFlags}, {@code protectedMode}, {@code problems},
 * {@code notVerified}.
 *
 * <p>No settings. Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class RedisAuthProbe extends RedisProbe {

    @Override
    public String id() {
        return "redis.auth";
    }

    @Override
    public String title() {
        return "Redis refuses clients without a password, and the configured credentials log in";
    }

    @Override
    boolean judgesLogin() {
        return true;
    }

    @Override
    Result check(ProbeContext context, RedisSession session) throws Exception {
        String subject = session.endpoint().address();
        Reply ping = session.anonymousPing();
        Findings findings = new Findings();
        String pingFinding;
        if (ping.ok()) {
            pingFinding = "answered";
            findings.fail("the server answers PING without a password: anyone who reaches the port can read and"
                    + " change every key", "Set a password (requirepass, or an ACL user and 'user default off')"
                    + " and give it to the application.");
        } else if (ping.is("NOPERM")) {
            pingFinding = "refused by ACL rules (NOPERM)";
            findings.fail("clients without a password are logged in as the default user, whose ACL rules alone"
                    + " limit them (PING got NOPERM, not NOAUTH)", "Give the default user a password or turn it"
                    + " off ('user default off') so that every client must log in.");
        } else if (ping.is("NOAUTH")) {
            pingFinding = "refused (NOAUTH)";
        } else {
            return Result.error("unexpected answer to an unauthenticated PING from " + subject + ": "
                    + ping.code().orElse("ERR"), null);
        }
        findings.detail("unauthenticatedPing", pingFinding);
        Result.Builder withheld = judgeLogin(session, findings);
        if (withheld != null) {
            return withheld.build();
        }
        String user = session.endpoint().user().orElse("default");
        findings.detail("login", session.login().map(r -> r.ok() ? "accepted" : "refused (" + r.code().orElse("ERR")
                + ")").orElse("no credentials given"));
        findings.detail("user", session.endpoint().hasCredentials() ? user : null);
        if (session.noAccess().isEmpty()) {
            readSettings(context, session, findings);
        }
        return findings.result(subject, "unauthenticated clients are refused (NOAUTH) and the configured"
                + " credentials log in as " + user).build();
    }

    /** @return the verdict when the credentials were withheld, FAIL if already known, else ERROR; null to go on */
    private static Result.Builder judgeLogin(RedisSession session, Findings findings) {
        String subject = session.endpoint().address();
        if (session.credentialsWithheld()) {
            if (findings.failed()) {
                return findings.result(subject, "");
            }
            return Result.builder(Status.ERROR).subject(subject)
                    .summary("cannot check the login: " + session.noAccess().orElse("the credentials were not sent"));
        }
        Optional<Reply> login = session.login();
        if (login.isPresent() && !login.get().ok()) {
            String code = login.get().code().orElse("ERR");
            findings.fail("the configured credentials were refused (" + code + ")", "Correct the password"
                    + (session.endpoint().user().isPresent() ? " or user name" : "") + " in the target's URL, or"
                    + " the user's ACL entry on the server.");
        } else if (login.isEmpty() && session.anonymousPing().is("NOAUTH")) {
            findings.warn("the server requires a password but the target gives none, so nothing else could be"
                    + " checked", "Put the application's credentials in the target's URL"
                    + " (redis://user:password@host:6379).");
        }
        return null;
    }

    private static void readSettings(ProbeContext context, RedisSession session, Findings findings)
            throws Exception {
        Reply user = session.call(context, "ACL", "GETUSER", "default");
        if (user.ok()) {
            List<Object> fields = user.list();
            // A flat list of names and values; only the flags are read, never the password hashes.
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("flags".equals(fields.get(i)) && fields.get(i + 1) instanceof List<?> flags) {
                    findings.detail("defaultUserFlags", flags);
                    if (flags.contains("on") && flags.contains("nopass")) {
                        findings.fail("the ACL default user is on with nopass: any client is logged in without a"
                                + " password", "Run 'ACL SETUSER default off' (or give it a password) and persist"
                                + " it in the ACL file or redis.conf.");
                    }
                }
            }
        } else if (user.is("NOPERM")) {
            findings.notVerified("the default user's ACL flags (" + refused(user, "ACL GETUSER") + ")");
        }
        Reply protectedMode = session.call(context, "CONFIG", "GET", "protected-mode");
        if (protectedMode.ok()) {
            List<Object> pair = protectedMode.list();
            findings.detail("protectedMode", pair.size() >= 2 ? pair.get(1) : null);
            if (pair.size() >= 2 && "no".equals(pair.get(1))) {
                findings.warn("protected-mode is off", "Set 'protected-mode yes': should the password ever be"
                        + " removed, Redis then still refuses clients from other hosts.");
            }
        } else {
            findings.notVerified("protected-mode (" + refused(protectedMode, "CONFIG GET") + ")");
        }
    }
}
