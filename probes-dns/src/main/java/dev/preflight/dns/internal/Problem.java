package dev.preflight.dns.internal;

import dev.preflight.probe.Status;
import java.util.List;

/**
 * One thing wrong with a published record: how bad it is (WARN or FAIL), what it is, and how to fix it;
 * or one thing that could not be told (ERROR), such as a server that did not answer.
 *
 * @param status WARN, FAIL or ERROR
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

    /** @param text what could not be told @param fix the advice @return an error */
    public static Problem error(String text, String fix) {
        return new Problem(Status.ERROR, text, fix);
    }

    /**
     * @param problems any problems
     * @return FAIL if one fails, else ERROR if one could not be told, WARN if one warns, else PASS: a
     *     failure found is a verdict even when another part could not be checked
     */
    public static Status worst(List<Problem> problems) {
        return problems.stream().map(Problem::status).reduce(Status.PASS, Status::worst);
    }

    /** @param problems any problems @return the worst ones first, then the rest, in order */
    public static List<Problem> worstFirst(List<Problem> problems) {
        return problems.stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList();
    }

    private static int rank(Problem p) {
        return -p.status().severity();
    }
}
