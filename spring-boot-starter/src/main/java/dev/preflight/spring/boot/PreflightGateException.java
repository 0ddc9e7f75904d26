package dev.preflight.spring.boot;

import dev.preflight.ProbeOutcome;
import java.util.List;

/**
 * Thrown when the start-up gate ({@code preflight.startup.fail-on}) finds problems, which stops
 * Spring Boot's start-up; its failure analyzer then prints each problem with its fix. Carries no
 * stack trace: the problems are in the targets, not in the code that found them. The outcomes' text
 * is redacted by the runner.
 *
 * @since 0.3
 */
public final class PreflightGateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ProbeOutcome> problems;

    /**
     * @param problems the outcomes that stopped start-up, at least one
     */
    public PreflightGateException(List<ProbeOutcome> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found by Preflight at start-up",
                null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** @return the outcomes that stopped start-up, in report order */
    public List<ProbeOutcome> problems() {
        return problems;
    }
}
