package dev.preflight.email.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one check found, gathered as it goes and turned into one result: the worst status (by
 * {@link Status#severity()}, so a FAIL already found outranks a later ERROR), the worst finding's
 * summary with a count of the others, every remediation, the details, and {@code problems} listing
 * every finding's summary when there is more than one. Not thread-safe: one check's.
 */
public final class Findings {
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    /**
     * @param status WARN, FAIL or ERROR
     * @param summary what was found, one line
     * @param remediation what to fix; null for an ERROR
     * @return this
     */
    public Findings add(Status status, String summary, String remediation) {
        findings.add(new Finding(status, summary, remediation));
        return this;
    }

    /**
     * @param key a camelCase name
     * @param value a detail value; null is skipped
     * @return this
     */
    public Findings detail(String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
        return this;
    }

    /** @return the worst status found so far; PASS when nothing was found */
    public Status worst() {
        return findings.stream().map(Finding::status).max(Comparator.comparingInt(Status::severity))
                .orElse(Status.PASS);
    }

    /**
     * @param subject what was checked
     * @param passSummary the summary when nothing was found
     * @return the result
     */
    public Result result(String subject, String passSummary) {
        Status status = worst();
        Result.Builder result = Result.builder(status).subject(subject);
        if (findings.isEmpty()) {
            result.summary(passSummary);
        } else {
            Finding first = findings.stream().filter(f -> f.status() == status).findFirst().orElseThrow();
            int more = findings.size() - 1;
            result.summary(first.summary() + (more > 0 ? " (and " + more + " more finding" + (more > 1 ? "s" : "")
                    + ")" : ""));
            Set<String> remediations = new LinkedHashSet<>();
            if (first.remediation() != null) {
                remediations.add(first.remediation());
            }
            findings.stream().map(Finding::remediation).filter(r -> r != null).forEach(remediations::add);
            if (!remediations.isEmpty()) {
                result.remediation(String.join(" ", remediations));
            }
            if (more > 0) {
                result.detail("problems", findings.stream().map(Finding::summary).toList());
            }
        }
        details.forEach(result::detail);
        return result.build();
    }

    private record Finding(Status status, String summary, String remediation) {
    }
}
