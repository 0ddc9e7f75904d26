package dev.preflight.db.postgres;

import dev.preflight.db.postgres.internal.PostgresSession;
import dev.preflight.db.postgres.internal.PostgresUrl;
import dev.preflight.db.postgres.internal.Row;
import dev.preflight.db.postgres.internal.ServerCertificate;
import dev.preflight.db.postgres.internal.Wire;
import dev.preflight.net.Network;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.net.Socket;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/**
 * {@code postgres.tls}: the server has {@code ssl = on}, the shared connection itself is encrypted
 * (its row of {@code pg_stat_ssl}), and the URL does not let the client fall back to plaintext.
 *
 * <p>When the URL asks {@code sslmode=verify-full}, the server's certificate is judged as
 * {@code tls.certificate} judges a site's (chain to the system's roots or {@code --ca-file}, host
 * name, expiry, key, signature), on a connection of its own: an SSLRequest, then a TLS handshake
 * that accepts any chain, with no credential sent. A URL that names {@code sslrootcert} trusts that
 * file's CA, which Preflight does not read: a chain that leads to no root Preflight knows is then
 * accepted when pgjdbc, checking it against that file, connects (the summary says so), and fails
 * when it does not. Settings: {@code warn-days} (30) and
 * {@code fail-days} (7), as {@code tls.certificate}'s.
 *
 * <p>PASS: TLS in use (its version in the summary), on a URL of {@code verify-ca} or
 * {@code verify-full}; for {@code verify-full}, a certificate without problems. WARN: the URL's
 * {@code sslmode} is {@code prefer} (pgjdbc's and libpq's default when absent) or {@code allow}, so a
 * client falls back to plaintext whenever TLS fails or is stripped; {@code require}, which encrypts
 * but accepts any certificate (as {@code env.database-tls} judges it); a certificate that expires
 * within {@code warn-days}. FAIL: the server has {@code ssl = off}; this connection is plaintext
 * ({@code sslmode=disable}); the server refuses the SSLRequest; the certificate is untrusted,
 * for another name, expired or weak (verify-full only); an answer that is not PostgreSQL's protocol.
 * ERROR: the server cannot be reached, refuses the login, or does not answer before the deadline.
 * SKIP: a target without a {@code postgresql://} URL of one host. Details: {@code sslmode},
 * {@code serverSsl}, {@code version}, {@code cipher}, and for verify-full the certificate's
 * ({@code subject}, {@code issuer}, {@code sans}, {@code notAfter}, {@code daysLeft}, …, as
 * {@code tls.certificate}).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class PostgresTlsProbe extends PostgresProbe {

    @Override
    public String id() {
        return "postgres.tls";
    }

    @Override
    public String title() {
        return "PostgreSQL connections use TLS, and the URL does not allow plaintext";
    }

    @Override
    Result check(ProbeContext context, PostgresUrl url) throws Exception {
        ServerCertificate certificate = null;
        if (url.sslMode().equals("verify-full")) {
            Network network = Network.of(context);
            try (Socket socket = network.connect(url.host(), url.port())) {
                if (!Wire.requestTls(network, socket)) {
                    return Result.builder(Status.FAIL).subject(url.endpoint()).detail("sslmode", url.sslMode())
                            .summary("the server refuses TLS (it answers N to the SSLRequest), yet the URL asks"
                                    + " verify-full")
                            .remediation("Turn TLS on in postgresql.conf: ssl = on with ssl_cert_file and"
                                    + " ssl_key_file.").build();
                }
                TlsSession tls = network.tls().handshake(socket, url.host());
                if (tls.chain().isEmpty()) {
                    return Result.fail("the server sent no certificate", "Configure ssl_cert_file on the server.");
                }
                certificate = new ServerCertificate(network.tls().judge(url.host(), tls.chain()), url);
            }
            if (certificate.failsOutright()) {
                return withSslMode(certificate.judged(url.endpoint()), url);
            }
        }
        Row row;
        try {
            row = PostgresSession.of(context, url).use(context, sql -> sql.row(
                    "SELECT current_setting('ssl') AS server, s.ssl AS used, s.version, s.cipher"
                            + " FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()"));
        } catch (SQLException e) {
            if (certificate != null && certificate.judged(url.endpoint()).status() == Status.FAIL && isTls(e)) {
                // pgjdbc refused the chain against sslrootcert too: the trust problem stands.
                return withSslMode(certificate.judged(url.endpoint()), url);
            }
            throw e;
        }
        Result own = connectionVerdict(url, row);
        if (certificate == null) {
            return own;
        }
        Result judged = certificate.afterConnecting(url.endpoint());
        Result.Builder merged = Result.builder(own.status().worst(judged.status())).subject(url.endpoint())
                .summary(own.summary() + "; " + judged.summary());
        judged.details().forEach(merged::detail);
        own.details().forEach(merged::detail);
        own.remediation().or(judged::remediation).ifPresent(merged::remediation);
        return merged.build();
    }

    private static boolean isTls(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static Result withSslMode(Result result, PostgresUrl url) {
        return result.toBuilder().detail("sslmode", url.sslMode()).build();
    }

    private static Result connectionVerdict(PostgresUrl url, Row row) {
        String mode = url.sslMode() + (url.setsSslMode() ? "" : " (absent: pgjdbc's and libpq's default)");
        String uses = "the connection uses " + row.get("version");
        Status status;
        String summary;
        String remediation = null;
        if (!"on".equals(row.get("server"))) {
            status = Status.FAIL;
            summary = "the server has ssl = off: every connection is plaintext";
            remediation = "Turn TLS on in postgresql.conf (ssl = on, ssl_cert_file, ssl_key_file), require it with"
                    + " hostssl lines in pg_hba.conf, and set sslmode=verify-full in the URL.";
        } else if (!row.flag("used")) {
            status = Status.FAIL;
            summary = "this connection is plaintext (sslmode=" + url.sslMode() + ") although the server offers TLS";
            remediation = "Set sslmode=verify-full (or at least require) in the URL, and hostssl lines in"
                    + " pg_hba.conf so the server refuses plaintext.";
        } else if (url.allowsPlaintext()) {
            status = Status.WARN;
            summary = uses + ", but sslmode=" + mode + " falls back to plaintext when TLS fails or is stripped";
            remediation = "Set sslmode=verify-full in the URL (with the server's CA as sslrootcert, or a publicly"
                    + " trusted certificate), and hostssl lines in pg_hba.conf.";
        } else if (url.sslMode().equals("require")) {
            // As env.database-tls judges the same URL: encrypted, but anyone in the path can pose as the server.
            status = Status.WARN;
            summary = uses + ", but sslmode=require encrypts without verifying the server's certificate";
            remediation = "Set sslmode=verify-full in the URL, with the server's CA as sslrootcert (managed"
                    + " providers publish theirs) or a publicly trusted certificate.";
        } else if (!url.sslMode().equals("verify-full")) {
            status = Status.PASS;
            summary = uses + "; the certificate is not judged, as sslmode=" + url.sslMode()
                    + " does not check the server's name";
        } else {
            status = Status.PASS;
            summary = uses;
        }
        Result.Builder result = Result.builder(status).subject(url.endpoint()).summary(summary).detail("sslmode", mode)
                .detail("serverSsl", row.get("server"));
        if (row.flag("used")) {
            result.detail("version", row.get("version")).detail("cipher", row.get("cipher"));
        }
        if (remediation != null) {
            result.remediation(remediation);
        }
        return result.build();
    }
}
