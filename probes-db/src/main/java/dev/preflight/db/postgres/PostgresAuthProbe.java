package dev.preflight.db.postgres;

import dev.preflight.db.postgres.internal.ConnectionFailures;
import dev.preflight.db.postgres.internal.PostgresSession;
import dev.preflight.db.postgres.internal.PostgresUrl;
import dev.preflight.db.postgres.internal.Row;
import dev.preflight.db.postgres.internal.StartupAnswer;
import dev.preflight.db.postgres.internal.Verdicts;
import dev.preflight.db.postgres.internal.Wire;
import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import java.io.IOException;
import java.net.Socket;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * {@code postgres.auth}: nobody logs in over TCP without a password, stored secrets are SCRAM, and
 * the application's role holds no more power than it needs.
 *
 * <p>The password test sends no password at all: on connections of its own it sends a
 * StartupMessage for the URL's role (and for {@code postgres}, the usual superuser, when that is
 * another role), over plaintext and, when the server agrees to the SSLRequest, over TLS, and reads
 * the first answer. A server that answers AuthenticationOk before asking for any credential admits
 * every password, wrong or empty: {@code trust} in {@code pg_hba.conf}. Then, on the shared
 * connection: {@code password_encryption}; the roles whose stored secret is MD5 (this needs
 * {@code pg_authid}, which only a superuser reads: otherwise the summary says it was not
 * verified); whether the connected role is a superuser; and whether it owns every table of the
 * database.
 *
 * <p>PASS: every login asks for a credential, {@code password_encryption = scram-sha-256}, no MD5
 * secret seen, and the role is neither a superuser nor the owner of every table. WARN:
 * {@code password_encryption} is not {@code scram-sha-256}; roles keep MD5 secrets; the role is a
 * superuser; the role owns every table (it may drop them). FAIL: a TCP login is admitted without a
 * password; an answer that is not PostgreSQL's protocol. ERROR: the server cannot be reached, refuses
 * the URL's login, or does not answer before the deadline (a trust finding is still a FAIL). SKIP:
 * a target without a {@code postgresql://} URL of one host. Details: {@code withoutPassword} (what
 * the server answered each attempt), {@code role}, {@code superuser}, {@code passwordEncryption},
 * {@code md5Roles}, {@code tables} and {@code tablesOwned}, {@code notVerified}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class PostgresAuthProbe extends PostgresProbe {
    private static final String SUPERUSER = "postgres";

    @Override
    public String id() {
        return "postgres.auth";
    }

    @Override
    public String title() {
        return "PostgreSQL asks every TCP login for a password, stores SCRAM secrets, and the app role is no superuser";
    }

    @Override
    Result check(ProbeContext context, PostgresUrl url) throws Exception {
        Verdicts verdicts = new Verdicts(url.endpoint());
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> roles = url.user().equals(SUPERUSER) ? List.of(SUPERUSER) : List.of(url.user(), SUPERUSER);
        for (String role : roles) {
            for (boolean tls : new boolean[] {false, true}) {
                Optional<StartupAnswer> answer = withoutPassword(context, url, role, tls);
                if (answer.isEmpty()) {
                    continue;
                }
                String path = role + " over " + (tls ? "TLS" : "plaintext");
                answers.put(path, answer.get().describe());
                if (answer.get().admitsWithoutCredentials()) {
                    verdicts.fail("the server admits " + path + " without asking for a password (trust): any"
                            + " password, wrong or empty, logs in", "Replace trust with scram-sha-256 in the host"
                            + " and hostssl lines of pg_hba.conf, then reload the server.");
                }
            }
        }
        verdicts.detail("withoutPassword", answers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .toList());
        if (!verdicts.failing()) {
            verdicts.pass("every TCP login asks for a credential");
        }
        try {
            PostgresSession.of(context, url).use(context, sql -> {
                judgeRole(verdicts, sql.row("SELECT current_user AS role, r.rolsuper AS superuser,"
                        + " current_setting('password_encryption') AS encryption FROM pg_roles r"
                        + " WHERE r.rolname = current_user"));
                judgeTables(verdicts, sql.row("SELECT count(*) AS total, count(*) FILTER (WHERE c.relowner ="
                        + " (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS owned"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                        + " AND n.nspname NOT LIKE 'pg_toast%'"));
                Optional<List<Row>> md5 = sql.rowsIfPermitted(
                        "SELECT rolname FROM pg_authid WHERE rolpassword LIKE 'md5%' ORDER BY rolname");
                judgeSecrets(verdicts, md5);
                return null;
            });
        } catch (SQLException | IOException e) {
            if (!verdicts.failing()) {
                throw e;
            }
            verdicts.detail("notVerified", "the role's settings and privileges: " + ConnectionFailures.describe(e, url));
        }
        return verdicts.result();
    }

    private static Optional<StartupAnswer> withoutPassword(ProbeContext context, PostgresUrl url, String role,
            boolean tls) throws IOException {
        Network network = Network.of(context);
        try (Socket plain = network.connect(url.host(), url.port())) {
            Socket socket = plain;
            if (tls) {
                if (!Wire.requestTls(network, plain)) {
                    return Optional.empty();
                }
                try {
                    socket = network.tls().upgrade(plain, url.host());
                } catch (SSLException e) {
                    // No TLS login is possible then, with or without a password.
                    return Optional.empty();
                }
            }
            try (Socket closing = socket) {
                return Optional.of(Wire.startup(network, closing, role, url.database()));
            }
        }
    }

    private static void judgeRole(Verdicts verdicts, Row me) {
        String role = me.get("role");
        String encryption = me.get("encryption");
        verdicts.detail("role", role).detail("superuser", me.flag("superuser")).detail("passwordEncryption", encryption);
        if ("scram-sha-256".equals(encryption)) {
            verdicts.pass("password_encryption = scram-sha-256");
        } else {
            verdicts.warn("password_encryption = " + encryption + ": new passwords are stored as MD5, which a"
                    + " leaked pg_authid turns into logins", "Set password_encryption = scram-sha-256, then set each"
                    + " role's password again so it is stored as SCRAM.");
        }
        if (me.flag("superuser")) {
            verdicts.warn("the application's role " + role + " is a superuser: a SQL injection owns the whole server",
                    "Connect the application with a role of its own that holds only the privileges it needs.");
        } else {
            verdicts.pass("role " + role + " is no superuser");
        }
    }

    private static void judgeTables(Verdicts verdicts, Row tables) {
        long total = tables.number("total");
        long owned = tables.number("owned");
        verdicts.detail("tables", total).detail("tablesOwned", owned);
        if (total > 0 && owned == total) {
            verdicts.warn("the application's role owns every table (" + total + "): it can drop or alter them all",
                    "Let a migration role own the schema and grant the application's role only SELECT, INSERT,"
                            + " UPDATE and DELETE.");
        } else {
            verdicts.pass("it owns " + owned + " of " + total + " tables");
        }
    }

    private static void judgeSecrets(Verdicts verdicts, Optional<List<Row>> md5) {
        if (md5.isEmpty()) {
            verdicts.pass("MD5 secrets not verified: pg_authid is readable by superusers only");
            verdicts.detail("notVerified", "roles with MD5 secrets (reading pg_authid needs a superuser)");
            return;
        }
        List<String> roles = md5.get().stream().map(r -> r.get("rolname")).toList();
        verdicts.detail("md5Roles", roles);
        if (roles.isEmpty()) {
            verdicts.pass("no role keeps an MD5 secret");
        } else {
            verdicts.warn("roles keep MD5 secrets: " + String.join(", ", roles), "Set password_encryption ="
                    + " scram-sha-256 and set these roles' passwords again.");
        }
    }
}
