package dev.preflight.db.postgres.internal;

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
 * Collects the findings of a probe that checks several things, and makes one result of them: the
 * worst status, its findings first in the summary, every remediation once. Not thread-safe.
 */
public final class Verdicts {
    private final String subject;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> passed = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<Gauge> gauges = new ArrayList<>();

    /** @param subject what was checked, e.g. {@code db.internal:5432} */
    public Verdicts(String subject) {
        this.subject = subject;
    }

    /** @param fact what is right, for the summary when nothing is wrong @return this */
    public Verdicts pass(String fact) {
        passed.add(fact);
        return this;
    }

    /** @param problem what is wrong @param remediation what to do @return this */
    public Verdicts warn(String problem, String remediation) {
        findings.add(new Finding(Status.WARN, problem, remediation));
        return this;
    }

    /** @param problem what is wrong @param remediation what to do @return this */
    public Verdicts fail(String problem, String remediation) {
        findings.add(new Finding(Status.FAIL, problem, remediation));
        return this;
    }

    /** @param key a detail's name @param value its value @return this */
    public Verdicts detail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    /** @param gauge a number worth alerting on, for the exporter @return this */
    public Verdicts gauge(Gauge gauge) {
        gauges.add(gauge);
        return this;
    }

    /** @return whether a finding so far fails */
    public boolean failing() {
        return findings.stream().anyMatch(f -> f.status() == Status.FAIL);
    }

    /** @return the result: PASS with the facts, or the worst findings first */
    public Result result() {
        Status status = findings.stream().map(Finding::status).reduce(Status.PASS, Status::worst);
        Result.Builder result = Result.builder(status).subject(subject);
        if (status == Status.PASS) {
            result.summary(String.join("; ", passed));
        } else {
            List<Finding> ordered = new ArrayList<>(findings.stream().filter(f -> f.status() == status).toList());
            findings.stream().filter(f -> f.status() != status).forEach(ordered::add);
            result.summary(String.join("; ", ordered.stream().map(Finding::problem).toList()));
            Set<String> remediations = new LinkedHashSet<>();
            ordered.forEach(f -> remediations.add(f.remediation()));
            result.remediation(String.join(" ", remediations));
            if (!passed.isEmpty()) {
                result.detail("passed", List.copyOf(passed));
            }
        }
        details.forEach(result::detail);
        gauges.forEach(result::gauge);
        return result.build();
    }

    private record Finding(Status status, String problem, String remediation) {
    }
}
