package dev.preflight.spring.boot.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One target's health, from the cached report: DOWN for a FAIL not waived; else UNKNOWN for an ERROR
 * (the check could not tell, which is no reason to take the application out of routing, and no
 * reason to claim UP either) or when no probe applied; else UP, warnings included. The details list
 * each outcome with the text the runner already redacted.
 */
public final class TargetHealthIndicator implements HealthIndicator {
    private final String target;
    private final CachedRuns runs;

    /**
     * @param target the target's name
     * @param runs the shared cache of runs
     */
    public TargetHealthIndicator(String target, CachedRuns runs) {
        this.target = target;
        this.runs = runs;
    }

    @Override
    public Health health() {
        Report report;
        try {
            report = runs.current();
        } catch (RuntimeException e) {
            // The runner converts every probe failure; this is a bug of ours. Its message is not
            // shown: it could quote configuration.
            return Health.unknown().withDetail("error", "the run failed: " + e.getClass().getName()).build();
        }
        List<ProbeOutcome> outcomes = report.outcomes().stream().filter(o -> o.target().equals(target)).toList();
        return new Health.Builder(statusOf(outcomes))
                .withDetail("target", target)
                .withDetail("checkedAt", report.startedAt().toString())
                .withDetail("outcomes", outcomes.stream().map(TargetHealthIndicator::detailOf).toList())
                .build();
    }

    static org.springframework.boot.health.contributor.Status statusOf(List<ProbeOutcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> !o.waived() && o.status() == Status.FAIL)) {
            return org.springframework.boot.health.contributor.Status.DOWN;
        }
        if (outcomes.isEmpty() || outcomes.stream().anyMatch(o -> !o.waived() && o.status() == Status.ERROR)) {
            return org.springframework.boot.health.contributor.Status.UNKNOWN;
        }
        return org.springframework.boot.health.contributor.Status.UP;
    }

    private static Map<String, Object> detailOf(ProbeOutcome o) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("probe", o.probeId());
        d.put("status", o.status().name());
        d.put("summary", o.result().summary());
        o.result().remediation().ifPresent(r -> d.put("remediation", r));
        if (o.subject() != null) {
            d.put("subject", o.subject());
        }
        if (o.waived()) {
            d.put("waived", true);
        }
        return d;
    }
}
