package dev.preflight.net.internal;

import dev.preflight.net.CertificateProblem.Kind;
import dev.preflight.net.CertificateProblem;
import dev.preflight.probe.Status;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a chain leads to a trusted root, judged apart from its dates: PKIX checks both at one
 * instant, so the path is validated at an instant when every certificate was valid, and an expired
 * leaf on a good chain is reported as expired (by {@link ChainJudge}), never as untrusted. When the
 * certificates were never all valid at once, trust cannot be shown, and that is a problem of its own.
 */
public final class ChainTrust {
    private final TrustRoots roots;

    /** @param roots the trusted roots */
    public ChainTrust(TrustRoots roots) {
        this.roots = roots;
    }

    /**
     * @param chain the certificates as sent, leaf first, not empty
     * @param now the instant dates are judged at
     * @return the trust problems, at most one
     */
    public List<CertificateProblem> problems(List<X509Certificate> chain, Instant now) {
        X509Certificate leaf = chain.get(0);
        if (chain.size() == 1 && CertificateFacts.selfSigned(leaf)) {
            return List.of(problem("the certificate is self-signed", "Replace the self-signed certificate with one"
                    + " issued by a public CA (e.g. Let's Encrypt via certbot or your platform's managed certificates)."));
        }
        List<X509Certificate> path = withoutAnchors(chain);
        X509Certificate last = path.get(path.size() - 1);
        // The only roots PKIX would try: those named as the last certificate's issuer.
        List<TrustAnchor> candidates = roots.named(last.getIssuerX500Principal());
        if (!issuedByOneOf(candidates, last)) {
            return List.of(untrustedEnd(chain, last));
        }
        CertPathValidatorException dateOnly = null;
        for (Instant at : instants(chain, now)) {
            try {
                validate(path, candidates, at);
                return List.of();
            } catch (CertPathValidatorException e) {
                if (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID) {
                    dateOnly = e;
                    continue;
                }
                if (e.getReason() == BasicReason.ALGORITHM_CONSTRAINED && weakAnywhere(chain)) {
                    // The weak key or signature is reported as such by the strength check.
                    return List.of();
                }
                return List.of(problem("the chain does not lead to a trusted root: " + e.getMessage(),
                        "Serve a certificate from a publicly trusted CA with its full chain, or, for an internal CA,"
                                + " pass its root with --ca-file."));
            } catch (InvalidAlgorithmParameterException e) {
                return List.of(problem("no trusted root is available to validate the chain",
                        "Pass the CA's root certificate with --ca-file."));
            } catch (GeneralSecurityException e) {
                return List.of(problem("the chain cannot be parsed: " + e.getMessage(),
                        "Serve well-formed X.509 certificates, leaf first, then intermediates."));
            }
        }
        return List.of(problem("the chain cannot be validated: its certificates were never all valid at the same"
                + " time (" + (dateOnly == null ? "no instant fits" : dateOnly.getMessage()) + ")",
                "Serve a leaf and intermediates whose validity periods overlap, from the CA's current chain."));
    }

    private CertificateProblem untrustedEnd(List<X509Certificate> chain, X509Certificate last) {
        String issuer = CertificateFacts.issuer(last);
        if (chain.size() == 1) {
            // Only the leaf was sent: its issuer may be a public CA's intermediate the server omits, or a
            // private CA; nothing in the leaf says which, so both are named.
            return problem("the server sends only its certificate, and its issuer " + issuer + " is not a trusted"
                    + " root (the intermediate for " + issuer + " is missing, or " + issuer + " is a private CA"
                    + " that is not trusted)", "Configure the full chain: serve the leaf followed by its intermediate"
                            + " certificate(s) (nginx ssl_certificate fullchain.pem, Apache SSLCertificateFile with the"
                            + " chain). For a private CA, pass its root with --ca-file.");
        }
        if (CertificateFacts.selfSigned(last)) {
            return problem("the chain does not lead to a trusted root: it ends at " + CertificateFacts.subject(last)
                    + ", a root that is not trusted", "Serve a certificate from a publicly trusted CA, or, for a"
                            + " private CA, pass its root with --ca-file.");
        }
        return problem("the chain does not lead to a trusted root: it ends at " + CertificateFacts.subject(last)
                + ", whose issuer " + issuer + " is neither sent nor trusted", "Serve the full chain up to a publicly"
                        + " trusted root, or, for a private CA, pass its root with --ca-file.");
    }

    private static CertificateProblem problem(String summary, String remediation) {
        return new CertificateProblem(Kind.TRUST, Status.FAIL, summary, remediation);
    }

    private static void validate(List<X509Certificate> path, List<TrustAnchor> anchors, Instant at)
            throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(new HashSet<>(anchors));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
    }

    /** Now first, then every instant at which some certificate starts or is about to end. */
    private static List<Instant> instants(List<X509Certificate> chain, Instant now) {
        Set<Instant> candidates = new TreeSet<>();
        for (X509Certificate c : chain) {
            candidates.add(c.getNotBefore().toInstant());
            candidates.add(c.getNotAfter().toInstant().minusSeconds(1));
        }
        List<Instant> ordered = new ArrayList<>();
        ordered.add(now);
        candidates.stream().filter(i -> !i.equals(now)).forEach(ordered::add);
        return ordered;
    }

    private static boolean issuedByOneOf(List<TrustAnchor> anchors, X509Certificate certificate) {
        for (TrustAnchor anchor : anchors) {
            try {
                certificate.verify(anchor.getTrustedCert().getPublicKey());
                return true;
            } catch (GeneralSecurityException e) {
                // Same name, other key: keep looking.
            }
        }
        return false;
    }

    /** Servers may append the root; PKIX wants the path without its anchor. */
    private List<X509Certificate> withoutAnchors(List<X509Certificate> chain) {
        List<X509Certificate> path = new ArrayList<>(chain);
        while (path.size() > 1 && roots.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        return path;
    }

    private static boolean weakAnywhere(List<X509Certificate> chain) {
        return chain.stream().anyMatch(c -> CertificateFacts.weakKey(c) || CertificateFacts.weakSignature(c));
    }
}
