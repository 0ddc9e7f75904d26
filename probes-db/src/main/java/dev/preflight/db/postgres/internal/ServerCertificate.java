package dev.preflight.db.postgres.internal;

import dev.preflight.net.CertificateProblem;
import dev.preflight.net.CertificateVerdict;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The network layer's verdict on a server's certificate, read with the URL that asked
 * {@code verify-full}. A URL naming {@code sslrootcert} trusts that file's CA, which the verdict
 * (system roots and {@code --ca-file}) does not know: its trust problems then stand only if pgjdbc,
 * which checks the chain against that file, cannot connect either. Immutable.
 */
public final class ServerCertificate {
    private final CertificateVerdict verdict;
    private final String rootCert;

    /**
     * @param verdict net's judgement of the chain the server sent
     * @param url the URL, for {@code sslrootcert}
     */
    public ServerCertificate(CertificateVerdict verdict, PostgresUrl url) {
        this.verdict = verdict;
        this.rootCert = url.parameter("sslrootcert").orElse(null);
    }

    /** @return whether the verdict fails for a reason {@code sslrootcert} cannot explain away */
    public boolean failsOutright() {
        if (verdict.status() != Status.FAIL) {
            return false;
        }
        return rootCert == null || !failingProblems().stream().allMatch(p -> p.kind() == CertificateProblem.Kind.TRUST);
    }

    /**
     * @param subject e.g. {@code db.internal:5432}
     * @return the verdict as {@code tls.certificate} words it
     */
    public Result judged(String subject) {
        return verdict.toResult(subject);
    }

    /**
     * The verdict once pgjdbc has connected under {@code verify-full}, which checked the chain against
     * {@code sslrootcert} when the URL names one.
     *
     * @param subject e.g. {@code db.internal:5432}
     * @return net's result, or, when only the trust problems of a chain vouched for by
     *     {@code sslrootcert} were found, the remaining problems' status with both facts in the summary
     */
    public Result afterConnecting(String subject) {
        Result judged = verdict.toResult(subject);
        if (rootCert == null || verdict.problems(CertificateProblem.Kind.TRUST).isEmpty()) {
            return judged;
        }
        List<CertificateProblem> rest = verdict.problems().stream()
                .filter(p -> p.kind() != CertificateProblem.Kind.TRUST).toList();
        Status status = rest.stream().map(CertificateProblem::status).reduce(Status.PASS, Status::worst);
        String vouched = "the chain leads to the CA of the URL's sslrootcert, which pgjdbc checked (not to the"
                + " system's roots or --ca-file)";
        Result.Builder result = Result.builder(status).subject(subject).summary(rest.isEmpty()
                ? vouched + "; the certificate is valid for " + verdict.daysLeft() + " more days"
                : vouched + "; " + String.join("; ", rest.stream().map(CertificateProblem::summary).toList()));
        // net's problems name the trust problem this result sets aside; only the others are listed.
        judged.details().forEach((key, value) -> {
            if (!key.equals("problems")) {
                result.detail(key, value);
            }
        });
        result.detail("sslrootcert", rootCert);
        if (!rest.isEmpty()) {
            result.detail("problems", rest.stream().map(CertificateProblem::summary).toList());
            Set<String> remediations = new LinkedHashSet<>();
            rest.forEach(p -> remediations.add(p.remediation()));
            result.remediation(String.join(" ", remediations));
        }
        return result.build();
    }

    private List<CertificateProblem> failingProblems() {
        return verdict.problems().stream().filter(p -> p.status() == Status.FAIL).toList();
    }
}
