package dev.preflight.http.internal;

import dev.preflight.probe.Status;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Judges a chain as the server sent it: trust, host name, validity dates, key sizes and signature
 * algorithms. Each problem becomes a {@link Finding}; an empty list means the chain is good.
 *
 * <p>Dates are judged on the probe's clock, separately from trust: the path is validated at an
 * instant when every certificate was valid, so that an expired certificate is reported once, as
 * expired, and does not hide an untrusted root behind it. Revocation is not checked: it needs the
 * network to reach CRL and OCSP servers the deadline does not cover.
 */
public final class ChainJudge {
    private final String host;
    private final List<X509Certificate> chain;
    private final Set<TrustAnchor> anchors;
    private final Instant now;
    private final int warnDays;
    private final int failDays;

    /**
     * @param host the host name the client asked for
     * @param chain the certificates as sent, leaf first, not empty
     * @param anchors the trusted roots
     * @param now the instant to judge dates at
     * @param warnDays fewer days left than this warns
     * @param failDays fewer days left than this fails
     */
    public ChainJudge(String host, List<X509Certificate> chain, Set<TrustAnchor> anchors, Instant now,
            int warnDays, int failDays) {
        this.host = host;
        this.chain = List.copyOf(chain);
        this.anchors = anchors;
        this.now = now;
        this.warnDays = warnDays;
        this.failDays = failDays;
    }

    /** @return the problems found, most fundamental first */
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        trust(findings);
        hostname(findings);
        dates(findings);
        strength(findings);
        return findings;
    }

    private void trust(List<Finding> findings) {
        X509Certificate leaf = chain.get(0);
        if (chain.size() == 1 && CertificateFacts.selfSigned(leaf)) {
            findings.add(new Finding(Status.FAIL, "the certificate is self-signed",
                    "Replace the self-signed certificate with one issued by a public CA (e.g. Let's Encrypt via"
                            + " certbot or your platform's managed certificates)."));
            return;
        }
        if (chain.size() == 1 && !issuedByAnchor(leaf)) {
            findings.add(new Finding(Status.FAIL, "the server sends only its certificate; the intermediate for "
                    + CertificateFacts.issuer(leaf) + " is missing",
                    "Configure the full chain: serve the leaf followed by its intermediate certificate(s)"
                            + " (nginx ssl_certificate fullchain.pem, Apache SSLCertificateFile with the chain)."));
            return;
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(validationInstant()));
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(withoutAnchors()), parameters);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED && weakAnywhere()) {
                return;
            }
            findings.add(new Finding(Status.FAIL, "the chain does not lead to a trusted root: " + e.getMessage(),
                    "Serve a certificate from a publicly trusted CA with its full chain, or, for an internal CA,"
                            + " pass its root with --ca-file."));
        } catch (InvalidAlgorithmParameterException e) {
            findings.add(new Finding(Status.FAIL, "no trusted root is available to validate the chain",
                    "Pass the CA's root certificate with --ca-file."));
        } catch (GeneralSecurityException e) {
            findings.add(new Finding(Status.FAIL, "the chain cannot be parsed: " + e.getMessage(),
                    "Serve well-formed X.509 certificates, leaf first, then intermediates."));
        }
    }

    private boolean issuedByAnchor(X509Certificate certificate) {
        for (TrustAnchor anchor : anchors) {
            X509Certificate root = anchor.getTrustedCert();
            if (root.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(root.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    // Same name, other key: keep looking.
                }
            }
        }
        return false;
    }

    /** Servers may append the root; PKIX wants the path without its anchor. */
    private List<X509Certificate> withoutAnchors() {
        List<X509Certificate> path = new ArrayList<>(chain);
        while (path.size() > 1 && isAnchor(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        return path;
    }

    private boolean isAnchor(X509Certificate certificate) {
        return anchors.stream().anyMatch(a -> a.getTrustedCert().equals(certificate));
    }

    private Instant validationInstant() {
        Instant latestStart = chain.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElse(now);
        Instant earliestEnd = chain.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElse(now);
        if (!now.isBefore(latestStart) && !now.isAfter(earliestEnd)) {
            return now;
        }
        return latestStart.isAfter(earliestEnd) ? now : latestStart;
    }

    private boolean weakAnywhere() {
        return chain.stream().anyMatch(c -> CertificateFacts.weakKey(c) || CertificateFacts.weakSignature(c));
    }

    private void hostname(List<Finding> findings) {
        X509Certificate leaf = chain.get(0);
        List<String> dnsNames = CertificateFacts.dnsNames(leaf);
        List<String> ipAddresses = CertificateFacts.ipAddresses(leaf);
        if (!HostnameMatcher.matches(host, dnsNames, ipAddresses)) {
            List<String> names = new ArrayList<>(dnsNames);
            names.addAll(ipAddresses);
            findings.add(new Finding(Status.FAIL, "the certificate is not valid for " + host + " (it names "
                    + (names.isEmpty() ? "no subjectAltName" : String.join(", ", names)) + ")",
                    "Issue a certificate whose subjectAltName includes " + host + ", or serve the right one for"
                            + " this host name (check the server's SNI configuration)."));
        }
    }

    private void dates(List<Finding> findings) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            String which = describe(i, certificate);
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (now.isBefore(notBefore)) {
                findings.add(new Finding(Status.FAIL, which + " is not valid until " + day(notBefore),
                        "Check the server's clock and the certificate's issue date; serve a certificate that is"
                                + " valid now."));
            } else if (now.isAfter(notAfter)) {
                findings.add(new Finding(Status.FAIL, which + " expired on " + day(notAfter),
                        renew(i, notAfter)));
            } else {
                long daysLeft = daysLeft(certificate, now);
                if (daysLeft < failDays) {
                    findings.add(new Finding(Status.FAIL, which + " expires in " + daysLeft + " days, on "
                            + day(notAfter), renew(i, notAfter)));
                } else if (daysLeft < warnDays) {
                    findings.add(new Finding(Status.WARN, which + " expires in " + daysLeft + " days, on "
                            + day(notAfter), renew(i, notAfter)));
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

    private void strength(List<Finding> findings) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            // A root the server appends is judged by clients from their own store, not from this copy.
            if (i > 0 && CertificateFacts.selfSigned(certificate)) {
                continue;
            }
            String which = describe(i, certificate);
            if (CertificateFacts.weakKey(certificate)) {
                findings.add(new Finding(Status.FAIL, which + " has a weak " + CertificateFacts.key(certificate)
                        + " key", "Reissue it with an RSA 2048+ or EC P-256 key."));
            }
            if (CertificateFacts.weakSignature(certificate)) {
                findings.add(new Finding(Status.FAIL, which + " is signed with " + certificate.getSigAlgName()
                        + ", which is broken", "Reissue it signed with SHA-256 or stronger."));
            }
        }
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
