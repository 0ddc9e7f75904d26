package dev.preflight.payments.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.List;

/** Problems found with an account's keys, folded into one result whose status is the worst found. */
public final class KeyFindings {
    private final List<String> problems = new ArrayList<>();
    private final List<String> fixes = new ArrayList<>();
    private final List<String> modes = new ArrayList<>();
    private Status worst = Status.PASS;

    /**
     * @param status WARN or FAIL
     * @param problem what is wrong, naming the key but never quoting it
     * @param fix what to change
     */
    public void add(Status status, String problem, String fix) {
        problems.add(problem);
        fixes.add(fix);
        if (status == Status.FAIL || worst == Status.PASS) {
            worst = status;
        }
    }

    /** @param line e.g. {@code secret-key: live (sk_live_…4242)}, already masked */
    public void mode(String line) {
        modes.add(line);
    }

    /**
     * @param passSummary the summary when nothing is wrong
     * @return the result, with the detail {@code modes}
     */
    public Result toResult(String passSummary) {
        Result.Builder b = Result.builder(worst).detail("modes", List.copyOf(modes));
        if (worst == Status.PASS) {
            return b.summary(passSummary).build();
        }
        return b.summary(String.join("; ", problems)).remediation(String.join(" ", fixes)).build();
    }
}
