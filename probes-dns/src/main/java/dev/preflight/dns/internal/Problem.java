package dev.preflight.dns.internal;

import dev.preflight.probe.Status;
import java.util.List;

/**
 * One thing wrong with a published record: how bad it is (WARN or FAIL), what it is, and how to fix it.
 *
 * @param status WARN or FAIL
 * @param text one line naming the problem, e.g. {@code pct=150 is not 0-100}
 * @param fix one sentence of concrete advice
 */
public record Problem(Status status, String text, String fix) {

    /** @param text the problem @param fix the advice @return a failing problem */
    public static Problem fail(String text, String fix) {
        return new Problem(Status.FAIL, text, fix);
    }

    /** @param text the problem @param fix the advice @return a warning */
    public static Problem warn(String text, String fix) {
        return new Problem(Status.WARN, text, fix);
    }

    /** @param problems any problems @return FAIL if one fails, WARN if one warns, else PASS */
    public static Status worst(List<Problem> problems) {
        if (problems.stream().anyMatch(p -> p.status() == Status.FAIL)) {
            return Status.FAIL;
        }
        return problems.isEmpty() ? Status.PASS : Status.WARN;
    }

    /** @param problems any problems @return the worst ones first, then the rest, in order */
    public static List<Problem> worstFirst(List<Problem> problems) {
        return problems.stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList();
    }

    private static int rank(Problem p) {
        return p.status() == Status.FAIL ? 0 : 1;
    }
}
