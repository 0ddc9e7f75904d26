package dev.preflight.email.internal;

import dev.preflight.net.Network;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.Set;

/**
 * A mail server's TLS session judged as {@code tls.certificate} judges a web server's: the chain by
 * the network layer's shared judgement (trust path, host name, expiry, key, signature), so the
 * summary, remediation and details read the same, plus the negotiated {@code protocol} and
 * {@code cipherSuite}. A session below TLS 1.2 (possible only when this JVM was told to allow it)
 * or without a certificate is FAIL whatever the chain.
 */
public final class TlsJudgement {
    /** RFC 8996 deprecates everything older than TLS 1.2. */
    private static final Set<String> CURRENT_PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

    private TlsJudgement() {
    }

    /**
     * @param network the check's network, whose judgement reads the probe's {@code warn-days} and
     *     {@code fail-days}
     * @param host the host name the client means
     * @param subject what was checked, e.g. {@code smtp.example.com:587}
     * @param session the session established
     * @return the verdict on the session
     */
    public static Result of(Network network, String host, String subject, TlsSession session) {
        if (session.chain().isEmpty()) {
            return Result.builder(Status.FAIL).subject(subject).summary("the server sent no certificate")
                    .remediation("Configure the mail server's TLS certificate and key (e.g. Postfix"
                            + " smtpd_tls_chain_files).")
                    .detail("protocol", session.protocol()).detail("cipherSuite", session.cipherSuite()).build();
        }
        Result certificate = network.tls().judge(host, session.chain()).toResult(subject);
        if (!CURRENT_PROTOCOLS.contains(session.protocol())) {
            Result.Builder old = Result.builder(Status.FAIL).subject(subject)
                    .summary("the server negotiated " + session.protocol() + ", older than TLS 1.2")
                    .remediation("Enable TLS 1.2 and 1.3 on the mail server and turn older versions off (RFC 8996).");
            certificate.details().forEach(old::detail);
            certificate = old.build();
        }
        return certificate.toBuilder().detail("protocol", session.protocol())
                .detail("cipherSuite", session.cipherSuite()).build();
    }
}
