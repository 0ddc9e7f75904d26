package dev.preflight.http;

import dev.preflight.http.internal.CertificateFacts;
import dev.preflight.http.internal.ChainFetcher;
import dev.preflight.http.internal.ChainJudge;
import dev.preflight.http.internal.Finding;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.TlsSession;
import dev.preflight.http.internal.TrustAnchors;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code tls.certificate}: the certificate an HTTPS site presents is trusted, names the host, is not
 * about to expire, and uses a strong key and signature.
 *
 * <p>The probe completes one handshake (with SNI, honouring {@code --resolve} overrides), keeps the
 * chain exactly as sent, and judges it itself against the JDK's trust store plus {@code --ca-file}:
 * an untrusted, self-signed or incomplete chain is a FAIL with its reason, never a handshake ERROR.
 * FAIL for: an untrusted chain, a self-signed certificate, a missing intermediate, a host-name
 * mismatch, a certificate expired, not yet valid or expiring in fewer than {@code fail-days} (7)
 * days, an RSA key under 2048 bits or an EC key under 256, a SHA-1 or MD5 signature on the leaf or an
 * intermediate. WARN for fewer than {@code warn-days} (30) days left. SKIP for {@code http://}
 * targets. ERROR when the server cannot be reached or the handshake fails or times out. Revocation
 * is not checked.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TlsCertificateProbe implements Probe {
    private static final int DEFAULT_WARN_DAYS = 30;
    private static final int DEFAULT_FAIL_DAYS = 7;

    @Override
    public String id() {
        return "tls.certificate";
    }

    @Override
    public String title() {
        return "TLS certificate is trusted, matches the host and is not about to expire";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        URI uri = context.target().uri().orElse(null);
        if (uri == null || uri.getHost() == null) {
            return Result.skip("the target has no URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            return Result.skip("not an https:// URL, so there is no certificate to check");
        }
        int warnDays = context.settings().integer("warn-days", DEFAULT_WARN_DAYS);
        int failDays = context.settings().integer("fail-days", DEFAULT_FAIL_DAYS);
        Site site = Site.of(context).orElseThrow();
        return PerAddress.check(site, address -> judge(site, address, warnDays, failDays));
    }

    private static Result judge(Site site, InetAddress address, int warnDays, int failDays) throws Exception {
        ProbeContext context = site.context();
        String endpoint = site.endpoint();
        List<X509Certificate> chain = chain(site, address);
        if (chain.isEmpty()) {
            return Result.fail(endpoint + " sent no certificate", "Configure a certificate for " + site.host() + ".");
        }
        Instant now = context.clock().instant();
        List<Finding> findings = new ChainJudge(site.host(), chain,
                TrustAnchors.of(context.network().extraTrustedCertificates()), now, warnDays, failDays).findings();
        return verdict(findings, chain, endpoint, now);
    }

    /**
     * The chain from the handshake the site's probes share; a handshake of its own only when that
     * fetch failed after or outside the handshake (a server that speaks TLS but not HTTP).
     */
    private static List<X509Certificate> chain(Site site, InetAddress address) throws Exception {
        try {
            TlsSession tls = site.landing(address).tls();
            if (tls != null) {
                return tls.chain();
            }
        } catch (ConnectException | SocketTimeoutException | UnknownHostException e) {
            throw e;
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
        }
        return ChainFetcher.fetch(site.host(), site.port(), address, site.context());
    }

    private static Result verdict(List<Finding> findings, List<X509Certificate> chain, String endpoint, Instant now) {
        X509Certificate leaf = chain.get(0);
        Status status = findings.stream().map(Finding::status).max(Comparator.comparingInt(Status::severity)).orElse(Status.PASS);
        long daysLeft = ChainJudge.daysLeft(leaf, now);
        Result.Builder result = Result.builder(status).subject(endpoint);
        if (findings.isEmpty()) {
            result.summary("certificate for " + String.join(", ", sans(leaf)) + " is trusted and valid"
                    + " for " + daysLeft + " more days");
        } else {
            List<Finding> worst = findings.stream().filter(f -> f.status() == status).toList();
            int more = findings.size() - 1;
            result.summary(worst.get(0).summary() + (more > 0 ? " (and " + more + " more problem" + (more > 1 ? "s" : "")
                    + ")" : ""));
            Set<String> remediations = new LinkedHashSet<>();
            worst.forEach(f -> remediations.add(f.remediation()));
            findings.forEach(f -> remediations.add(f.remediation()));
            result.remediation(String.join(" ", remediations));
            result.detail("problems", findings.stream().map(Finding::summary).toList());
        }
        return result.detail("subject", CertificateFacts.subject(leaf))
                .detail("issuer", CertificateFacts.issuer(leaf))
                .detail("sans", sans(leaf))
                .detail("notBefore", leaf.getNotBefore().toInstant().toString())
                .detail("notAfter", leaf.getNotAfter().toInstant().toString())
                .detail("daysLeft", daysLeft)
                .detail("key", CertificateFacts.key(leaf))
                .detail("signatureAlgorithm", leaf.getSigAlgName())
                .detail("chain", chain.stream().map(CertificateFacts::subject).toList())
                .build();
    }

    private static List<String> sans(X509Certificate leaf) {
        List<String> names = new java.util.ArrayList<>(CertificateFacts.dnsNames(leaf));
        names.addAll(CertificateFacts.ipAddresses(leaf));
        return names;
    }
}
