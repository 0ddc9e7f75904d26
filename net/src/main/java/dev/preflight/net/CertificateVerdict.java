package dev.preflight.net;

import dev.preflight.net.internal.CertificateFacts;
import dev.preflight.net.internal.ChainJudge;
import dev.preflight.probe.Gauge;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The judgement of one certificate chain as a server sent it, the same wherever it is made: an HTTPS
 * site ({@code tls.certificate}), a mail server after STARTTLS, a database after its TLS upgrade.
 * {@link #toResult} turns it into a probe result with the same summary, remediation and details in
 * every case. Immutable. Get one from {@link TlsInspection#judge}.
 *
 * @since 0.2
 */
public final class CertificateVerdict {
    /** The gauge every certificate verdict declares: the leaf's notAfter, in seconds since the epoch. */
    public static final String EXPIRY_GAUGE = "tls_certificate_expiry_timestamp_seconds";

    private final List<X509Certificate> chain;
    private final List<CertificateProblem> problems;
    private final Instant now;

    CertificateVerdict(List<X509Certificate> chain, List<CertificateProblem> problems, Instant now) {
        this.chain = List.copyOf(chain);
        this.problems = List.copyOf(problems);
        this.now = now;
    }

    /** @return the problems found, trust first, then name, dates and strength; empty for a good chain */
    public List<CertificateProblem> problems() {
        return problems;
    }

    /**
     * @param kind a kind of problem
     * @return the problems of that kind
     */
    public List<CertificateProblem> problems(CertificateProblem.Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).toList();
    }

    /** @return PASS when there is no problem, else the worst problem's status */
    public Status status() {
        return problems.stream().map(CertificateProblem::status).max(Comparator.comparingInt(Status::severity))
                .orElse(Status.PASS);
    }

    /** @return the chain judged, leaf first, as sent */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** @return whole days until the leaf expires, negative once expired */
    public long daysLeft() {
        return ChainJudge.daysLeft(chain.get(0), now);
    }

    /**
     * The verdict as a probe result: the worst problem as the summary (with a count of the others),
     * every remediation, and the leaf's facts as details ({@code subject}, {@code issuer},
     * {@code sans}, {@code notBefore}, {@code notAfter}, {@code daysLeft}, {@code key},
     * {@code signatureAlgorithm}, {@code chain}, and {@code problems} when there are any), and the
     * leaf's expiry as the gauge {@value #EXPIRY_GAUGE}.
     *
     * @param subject what was checked, e.g. {@code shop.example.com:443}
     * @return the result
     */
    public Result toResult(String subject) {
        X509Certificate leaf = chain.get(0);
        Status status = status();
        Result.Builder result = Result.builder(status).subject(subject);
        if (problems.isEmpty()) {
            result.summary("certificate for " + String.join(", ", sans(leaf)) + " is trusted and valid for "
                    + daysLeft() + " more days");
        } else {
            List<CertificateProblem> worst = problems.stream().filter(p -> p.status() == status).toList();
            int more = problems.size() - 1;
            result.summary(worst.get(0).summary() + (more > 0 ? " (and " + more + " more problem"
                    + (more > 1 ? "s" : "") + ")" : ""));
            Set<String> remediations = new LinkedHashSet<>();
            worst.forEach(p -> remediations.add(p.remediation()));
            problems.forEach(p -> remediations.add(p.remediation()));
            result.remediation(String.join(" ", remediations));
            result.detail("problems", problems.stream().map(CertificateProblem::summary).toList());
        }
        return result.detail("subject", CertificateFacts.subject(leaf))
                .detail("issuer", CertificateFacts.issuer(leaf))
                .detail("sans", sans(leaf))
                .detail("notBefore", leaf.getNotBefore().toInstant().toString())
                .detail("notAfter", leaf.getNotAfter().toInstant().toString())
                .detail("daysLeft", daysLeft())
                .detail("key", CertificateFacts.key(leaf))
                .detail("signatureAlgorithm", leaf.getSigAlgName())
                .detail("chain", chain.stream().map(CertificateFacts::subject).toList())
                .gauge(Gauge.of(EXPIRY_GAUGE, leaf.getNotAfter().toInstant().getEpochSecond(),
                        "When the leaf certificate the server sends expires, in seconds since the epoch"))
                .build();
    }

    private static List<String> sans(X509Certificate leaf) {
        List<String> names = new ArrayList<>(CertificateFacts.dnsNames(leaf));
        names.addAll(CertificateFacts.ipAddresses(leaf));
        return names;
    }
}
