package dev.preflight.env;

import dev.preflight.env.internal.EnvUrl;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.UrlTemplates;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env.database-tls}: PostgreSQL connections require TLS. libpq's default, {@code sslmode=prefer},
 * falls back to plaintext whenever the server (or an attacker in the path) declines TLS, exposing
 * queries and the password exchange (PostgreSQL docs, "SSL Support", Table 34.1: "prefer" gives no
 * protection against eavesdropping or man-in-the-middle attacks).
 *
 * <p>Reads {@code DATABASE_URL}, {@code POSTGRES_URL} and {@code POSTGRESQL_URL} with a
 * {@code postgres}/{@code postgresql} scheme (a {@code +driver} suffix or a {@code jdbc:} prefix
 * allowed); other schemes are not this probe's. {@code sslmode=verify-full} passes;
 * {@code verify-ca} passes with a note (the host name is not checked); {@code require} WARNs, because
 * it encrypts without authenticating the server; no sslmode, {@code disable}, {@code allow},
 * {@code prefer} or an unknown mode FAILs. Without {@code sslmode}, an {@code ssl} parameter (asyncpg,
 * node-postgres, pgjdbc) is read: {@code true} counts as {@code require}, since drivers differ on
 * whether it verifies. A loopback host or Unix socket passes. A malformed URL FAILs. A
 * {@linkplain UrlTemplates template} URL FAILs as one, beside its TLS verdict: a template host
 * ({@code your-db-host}, {@code db.example.com}, {@code host}), the word {@code port} for the port,
 * {@code <…>} or {@code ${…}} parts, or a placeholder password ({@code STRONG_PASSWORD},
 * {@code password}). Applies in every stage. No Postgres URL: SKIP.
 *
 * @since 0.1
 */
public final class DatabaseTlsProbe implements Probe {
    static final List<String> VARIABLES = List.of("DATABASE_URL", "POSTGRES_URL", "POSTGRESQL_URL");

    /** Creates the probe; stateless. */
    public DatabaseTlsProbe() {
    }

    @Override
    public String id() {
        return "env.database-tls";
    }

    @Override
    public String title() {
        return "PostgreSQL connections require TLS";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> urls = Variables.named(context.target().variables(), VARIABLES);
        String file = context.target().location();
        Findings findings = new Findings();
        List<String> connections = new ArrayList<>();
        List<String> others = new ArrayList<>();
        urls.forEach((name, value) -> {
            Optional<String> scheme = EnvUrl.schemeOf(value);
            if (scheme.isPresent() && !scheme.get().equals("postgres") && !scheme.get().equals("postgresql")) {
                others.add(name + " (" + scheme.get() + ")");
                return;
            }
            String plain = value.startsWith("jdbc:") ? value.substring(5) : value;
            Optional<String> template = UrlTemplates.reason(plain, Stage.of(context.target()));
            template.ifPresent(t -> findings.fail(name, t, "Set " + name + " in " + file
                    + " to the production database's URL: its real host, port, user and a generated password."));
            EnvUrl url;
            try {
                url = EnvUrl.parse(plain);
            } catch (IllegalArgumentException e) {
                if (template.isPresent()) {
                    return;
                }
                findings.fail(name, e.getMessage(), "Fix " + name + " in " + file
                        + ": postgresql://user:password@host:5432/db?sslmode=verify-full, password percent-encoded.");
                return;
            }
            Optional<String> mode = sslMode(url);
            connections.add(name + ": " + url.display() + ", sslmode=" + mode.orElse("(none)"));
            judge(name, url, mode, file, findings);
        });
        if (findings.isEmpty()) {
            return Result.skip("no PostgreSQL URL (looked for " + Variables.list(VARIABLES) + ")"
                    + (others.isEmpty() ? "" : "; not Postgres: " + String.join(", ", others)));
        }
        findings.detail("connections", connections);
        return findings.toResult("PostgreSQL connections use verified TLS or stay on this machine");
    }

    private static void judge(String name, EnvUrl url, Optional<String> mode, String file, Findings findings) {
        String fix = "Add sslmode=verify-full (with sslrootcert pointing at your provider's CA certificate) to " + name
                + " in " + file + ".";
        String m = mode.orElse("");
        if (url.isLocal()) {
            findings.note(name, "connects over loopback, where TLS adds nothing");
        } else if (m.equals("verify-full")) {
            findings.checked(name);
        } else if (m.equals("verify-ca")) {
            findings.note(name, "uses verify-ca, which does not check the host name");
        } else if (m.equals("require")) {
            findings.warn(name, "uses sslmode=require, which encrypts but does not verify the server's certificate", fix);
        } else if (m.isEmpty()) {
            findings.fail(name, "sets no sslmode, so libpq falls back to plaintext (prefer)", fix);
        } else if (List.of("disable", "allow", "prefer").contains(m)) {
            findings.fail(name, "uses sslmode=" + m + ", which allows plaintext", fix);
        } else {
            findings.fail(name, "has an unknown sslmode " + Variables.show(m), fix);
        }
    }

    private static Optional<String> sslMode(EnvUrl url) {
        Optional<String> mode = url.param("sslmode").map(s -> s.toLowerCase(Locale.ROOT));
        if (mode.isPresent()) {
            return mode;
        }
        return url.param("ssl").map(s -> s.toLowerCase(Locale.ROOT)).map(s -> switch (s) {
            case "true", "1", "on", "yes" -> "require";
            case "false", "0", "off", "no" -> "disable";
            default -> s;
        });
    }
}
