package dev.preflight.net;

import dev.preflight.probe.Status;

/**
 * One thing wrong with a certificate chain, of one kind, so that a date problem never reads as a
 * trust problem: an expired leaf on a good chain says "expired", a private root says "not trusted".
 *
 * @param kind what sort of problem it is
 * @param status FAIL, or WARN for a certificate expiring soon
 * @param summary one line, e.g. {@code the certificate expired on 2026-05-30}
 * @param remediation what to do about it
 * @since 0.2
 */
public record CertificateProblem(Kind kind, Status status, String summary, String remediation) {

    /** The sorts of problem, reported apart. */
    public enum Kind {
        /** The chain does not lead to a trusted root: untrusted, self-signed, incomplete. */
        TRUST,
        /** The certificate does not name the host. */
        NAME,
        /** A certificate is expired, not yet valid, or expires soon. */
        DATE,
        /** A weak key or a broken signature algorithm. */
        STRENGTH
    }
}
