package dev.preflight.db.redis;

import dev.preflight.db.redis.internal.RedisEndpoint;
import dev.preflight.db.redis.internal.RedisSession;
import dev.preflight.net.Network;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;

/**
 * {@code redis.tls}: a {@code rediss://} target negotiates TLS and its certificate passes the same
 * judgement as {@code tls.certificate} (trust path to the system's roots or {@code --ca-file}, host
 * name, expiry, key size, signature algorithm), so the verdict, summary and details read alike.
 *
 * <p>The chain is the one the target's shared connection received (any chain is accepted for the
 * handshake; the judgement decides). A {@code redis://} URL is judged by where it points: a loopback
 * host ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}, by the URL's name, not by where
 * {@code --resolve} sends the check) keeps the traffic on the machine; any other host receives
 * commands, data and the password in clear.
 *
 * <p>PASS: the certificate is trusted, matches the host and is valid for more than
 * {@code warn-days}; {@code redis://} to a loopback host. WARN: {@code redis://} to any other host;
 * the certificate expires within {@code warn-days} or is weak. FAIL: the certificate is untrusted,
 * for another name, expired, expires within {@code fail-days}, or missing. ERROR: the server cannot be
 * reached, the handshake fails, or no answer before the deadline. Details: those of
 * {@code tls.certificate} ({@code subject}, {@code issuer}, {@code sans}, {@code notAfter},
 * {@code daysLeft}, {@code chain}, {@code problems}, …) and {@code protocol}, {@code cipherSuite}; for
 * plaintext, {@code tls} false.
 *
 * <p>Settings: {@code warn-days} (30), {@code fail-days} (7). Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class RedisTlsProbe extends RedisProbe {

    @Override
    public String id() {
        return "redis.tls";
    }

    @Override
    public String title() {
        return "Redis is reached over TLS with a valid certificate, unless it is on this machine";
    }

    @Override
    boolean judgesLogin() {
        return true;
    }

    @Override
    Result check(ProbeContext context, RedisEndpoint endpoint) throws Exception {
        if (endpoint.tls()) {
            return super.check(context, endpoint);
        }
        if (endpoint.isLoopbackName()) {
            return Result.builder(Status.PASS).subject(endpoint.address()).detail("tls", false)
                    .summary("plaintext to a loopback host: the traffic never leaves this machine").build();
        }
        return Result.builder(Status.WARN).subject(endpoint.address()).detail("tls", false)
                .summary("plaintext to a remote host: commands, data"
                        + (endpoint.hasCredentials() ? " and the password" : "") + " cross the network in clear")
                .remediation("Enable TLS on the server (tls-port, tls-cert-file, tls-key-file; or the provider's"
                        + " in-transit encryption) and connect with a rediss:// URL.")
                .build();
    }

    @Override
    Result check(ProbeContext context, RedisSession session) {
        String subject = session.endpoint().address();
        TlsSession tls = session.tls().orElseThrow();
        if (tls.chain().isEmpty()) {
            return Result.fail("the server sent no certificate", "Configure tls-cert-file with the server's"
                    + " certificate chain.");
        }
        return Network.of(context).tls().judge(session.endpoint().host(), tls.chain()).toResult(subject).toBuilder()
                .detail("protocol", tls.protocol())
                .detail("cipherSuite", tls.cipherSuite())
                .build();
    }
}
