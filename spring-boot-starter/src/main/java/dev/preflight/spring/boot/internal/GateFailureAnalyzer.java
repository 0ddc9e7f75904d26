package dev.preflight.spring.boot.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.spring.boot.PreflightGateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link PreflightGateException} in Spring Boot's "APPLICATION FAILED TO START" report:
 * each problem in the description, each fix in the action. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class GateFailureAnalyzer extends AbstractFailureAnalyzer<PreflightGateException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PreflightGateException cause) {
        StringBuilder description = new StringBuilder("Preflight found problems (preflight.startup.fail-on):\n");
        StringBuilder action = new StringBuilder("Fix these, or waive them in preflight.yml, or set preflight.startup.fail-on=never:\n");
        for (ProbeOutcome o : cause.problems()) {
            description.append("\n    ").append(o.status().name()).append(' ').append(o.probeId()).append(" on ")
                    .append(o.target());
            if (o.subject() != null && !o.subject().equals(o.target())) {
                description.append(" (").append(o.subject()).append(')');
            }
            description.append(": ").append(o.result().summary());
            action.append("\n    ").append(o.probeId()).append(" on ").append(o.target()).append(": ")
                    .append(o.result().remediation().orElse("see the probe's documentation"));
        }
        return new FailureAnalysis(description.toString(), action.toString(), cause);
    }
}
