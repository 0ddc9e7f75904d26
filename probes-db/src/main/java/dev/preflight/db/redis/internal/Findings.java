package dev.preflight.db.redis.internal;

import dev.preflight.probe.Gauge;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one Redis probe found, gathered as it reads: failures, warnings (each with its remediation)
 * and the facts it could not verify for lack of a privilege, then turned into one result whose
 * summary is the worst finding. Not thread-safe; one per check.
 */
public final class Findings {
    private final List<String> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> remediations = new LinkedHashSet<>();
    private final List<String> notVerified = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<Gauge> gauges = new ArrayList<>();

    /** @param problem what is wrong @param remediation what to fix */
    public void fail(String problem, String remediation) {
        failures.add(problem);
        remediations.add(remediation);
    }

    /** @param problem what falls short @param remediation what to change */
    public void warn(String problem, String remediation) {
        warnings.add(problem);
        remediations.add(remediation);
    }

    /** @param what a fact the user's privileges kept from view, e.g. {@code protected-mode (CONFIG GET refused (NOPERM))} */
    public void notVerified(String what) {
        notVerified.add(what);
    }

    /** @param key a detail's name @param value its value; null is left out */
    public void detail(String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    /** @param gauge a number worth alerting on, for the exporter */
    public void gauge(Gauge gauge) {
        gauges.add(gauge);
    }

    /** @return whether anything failed */
    public boolean failed() {
        return !failures.isEmpty();
    }

    /**
     * @param subject what was checked, e.g. {@code cache.internal:6379}
     * @param passSummary the summary when nothing failed or warned
     * @return FAIL, WARN or PASS, with {@code problems}, then the details added, then {@code notVerified}
     */
    public Result.Builder result(String subject, String passSummary) {
        Status status = !failures.isEmpty() ? Status.FAIL : !warnings.isEmpty() ? Status.WARN : Status.PASS;
        List<String> problems = new ArrayList<>(failures);
        problems.addAll(warnings);
        Result.Builder result = Result.builder(status).subject(subject);
        if (status == Status.PASS) {
            result.summary(passSummary + (notVerified.isEmpty() ? "" : "; not verified: " + String.join(", ", notVerified)));
        } else {
            int more = problems.size() - 1;
            result.summary(problems.get(0) + (more > 0 ? " (and " + more + " more problem" + (more > 1 ? "s" : "") + ")" : ""))
                    .remediation(String.join(" ", remediations))
                    .detail("problems", problems);
        }
        details.forEach(result::detail);
        gauges.forEach(result::gauge);
        if (!notVerified.isEmpty()) {
            result.detail("notVerified", notVerified);
        }
        return result;
    }
}
