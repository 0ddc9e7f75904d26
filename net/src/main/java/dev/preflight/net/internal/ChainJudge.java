package dev.preflight.net.internal;

import dev.preflight.net.CertificateProblem.Kind;
import dev.preflight.net.CertificateProblem;
import dev.preflight.probe.Status;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a chain as the server sent it: trust, host name, validity dates, key sizes and signature
 * algorithms, each kind apart. Revocation is not checked: it needs the network to reach CRL and OCSP
 * servers the deadline does not cover.
 */
public final class ChainJudge {
    /** The lifetime the default thresholds are made for: the 90 days of Let's Encrypt and most ACME CAs. */
    public static final Duration REFERENCE_LIFETIME = Duration.ofDays(90);
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private final String host;
    private final List<X509Certificate> chain;
    private final ChainTrust trust;
    private final Instant now;
    private final int warnDays;
    private final int failDays;
    private final boolean scaledToLifetime;

    /**
     * @param host the host name the client asked for
     * @param chain the certificates as sent, leaf first, not empty
     * @param trust the trusted roots
     * @param now the instant to judge dates at
     * @param warnDays fewer days left than this warns
     * @param failDays fewer days left than this fails
     * @param scaledToLifetime whether a leaf that lives shorter than {@link #REFERENCE_LIFETIME} has both
     *     thresholds shrunk in proportion (the defaults are made for 90-day certificates; a 6-day one would
     *     otherwise fail from its first day)
     */
    public ChainJudge(String host, List<X509Certificate> chain, ChainTrust trust, Instant now, int warnDays,
            int failDays, boolean scaledToLifetime) {
        this.host = host;
        this.chain = List.copyOf(chain);
        this.trust = trust;
        this.now = now;
        this.warnDays = warnDays;
        this.failDays = failDays;
        this.scaledToLifetime = scaledToLifetime;
    }

    /** @return the problems found, most fundamental first */
    public List<CertificateProblem> problems() {
        List<CertificateProblem> problems = new ArrayList<>(trust.problems(chain, now));
        hostname(problems);
        dates(problems);
        strength(problems);
        return problems;
    }

    private void hostname(List<CertificateProblem> problems) {
        X509Certificate leaf = chain.get(0);
        List<String> dnsNames = CertificateFacts.dnsNames(leaf);
        List<String> ipAddresses = CertificateFacts.ipAddresses(leaf);
        if (!HostnameMatcher.matches(host, dnsNames, ipAddresses)) {
            List<String> names = new ArrayList<>(dnsNames);
            names.addAll(ipAddresses);
            problems.add(new CertificateProblem(Kind.NAME, Status.FAIL, "the certificate is not valid for " + host
                    + " (it names " + (names.isEmpty() ? "no subjectAltName" : String.join(", ", names)) + ")",
                    "Issue a certificate whose subjectAltName includes " + host + ", or serve the right one for"
                            + " this host name (check the server's SNI configuration)."));
        }
    }

    private void dates(List<CertificateProblem> problems) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            String which = describe(i, certificate);
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (now.isBefore(notBefore)) {
                problems.add(new CertificateProblem(Kind.DATE, Status.FAIL, which + " is not valid until "
                        + day(notBefore), "Check the server's clock and the certificate's issue date; serve a"
                                + " certificate that is valid now."));
            } else if (now.isAfter(notAfter)) {
                problems.add(new CertificateProblem(Kind.DATE, Status.FAIL, which + " expired on " + day(notAfter),
                        i == 0 ? "Renew the certificate now, and automate renewal (certbot, ACME, or your provider's"
                                + " managed certificates): clients refuse it." : renew(i, notAfter)));
            } else {
                Duration left = Duration.between(now, notAfter);
                double scale = i == 0 && scaledToLifetime ? lifetimeScale(certificate) : 1;
                // With scale 1 this is the whole-days comparison it always was: floor(d) < n iff d < n.
                String expires = which + " expires in " + inWords(left) + ", on " + day(notAfter)
                        + (scale < 1 ? " (a " + Duration.between(notBefore, notAfter).toDays() + "-day certificate:"
                                + " the " + warnDays + "/" + failDays + "-day thresholds are scaled to its lifetime)" : "");
                if (left.toMillis() < failDays * scale * DAY_MILLIS) {
                    problems.add(new CertificateProblem(Kind.DATE, Status.FAIL, expires, renew(i, notAfter)));
                } else if (left.toMillis() < warnDays * scale * DAY_MILLIS) {
                    problems.add(new CertificateProblem(Kind.DATE, Status.WARN, expires, renew(i, notAfter)));
                }
            }
        }
    }

    private static String renew(int index, Instant notAfter) {
        return index == 0
                ? "Renew the certificate before " + day(notAfter) + " and automate renewal (certbot, ACME,"
                        + " or your provider's managed certificates)."
                : "Update the intermediate certificate in the served chain to the CA's current one.";
    }

    private void strength(List<CertificateProblem> problems) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            // A root the server appends is judged by clients from their own store, not from this copy.
            if (i > 0 && CertificateFacts.selfSigned(certificate)) {
                continue;
            }
            String which = describe(i, certificate);
            if (CertificateFacts.weakKey(certificate)) {
                problems.add(new CertificateProblem(Kind.STRENGTH, Status.FAIL, which + " has a weak "
                        + CertificateFacts.key(certificate) + " key", "Reissue it with an RSA 2048+ or EC P-256 key."));
            }
            if (CertificateFacts.weakSignature(certificate)) {
                problems.add(new CertificateProblem(Kind.STRENGTH, Status.FAIL, which + " is signed with "
                        + certificate.getSigAlgName() + ", which is broken", "Reissue it signed with SHA-256 or stronger."));
            }
        }
    }

    /**
     * The share of {@link #REFERENCE_LIFETIME} a certificate lives, at most 1: a 45-day certificate
     * warns with 15 days left instead of 30 and fails with 3.5 instead of 7.
     */
    private static double lifetimeScale(X509Certificate certificate) {
        Duration lifetime = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        return Math.max(0, Math.min(1, (double) lifetime.toMillis() / REFERENCE_LIFETIME.toMillis()));
    }

    /** Whole days, or hours under two days (a short-lived certificate's last day matters). */
    private static String inWords(Duration left) {
        return left.toDays() >= 2 ? left.toDays() + " days" : left.toHours() + " hours";
    }

    /**
     * @param certificate a certificate
     * @param now the instant to count from
     * @return whole days until it expires, negative once expired
     */
    public static long daysLeft(X509Certificate certificate, Instant now) {
        return Duration.between(now, certificate.getNotAfter().toInstant()).toDays();
    }

    private static String describe(int index, X509Certificate certificate) {
        return index == 0 ? "the certificate" : "intermediate " + CertificateFacts.subject(certificate);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
