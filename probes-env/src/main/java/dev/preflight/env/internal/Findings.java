package dev.preflight.env.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects what a probe found variable by variable and folds it into one {@link Result}, so every
 * offender is reported in a single run rather than one per fix-and-rerun.
 *
 * <p>The result's status is the worst finding (PASS when there is none); its summary lists each
 * problem as {@code NAME reason}; its remediation joins the distinct remediations; its subject is the
 * variable when exactly one is concerned. Details: {@code checked} (names looked at), {@code failures}
 * and {@code warnings} ({@code NAME: reason}), {@code notes}, plus any added with {@link #detail}.
 * Reasons, notes and details must not contain secret values. Not thread-safe: one per check.
 *
 * @since 0.1
 */
public final class Findings {
    private final List<String> checked = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    /**
     * Records that a variable was looked at.
     *
     * @param variable the name
     * @return this
     */
    public Findings checked(String variable) {
        if (!checked.contains(variable)) {
            checked.add(variable);
        }
        return this;
    }

    /**
     * @param variable the offending variable
     * @param reason what is wrong, read after the name: {@code "is on"}
     * @param remediation what to do, a sentence
     * @return this
     */
    public Findings fail(String variable, String reason, String remediation) {
        return add(Status.FAIL, variable, reason, remediation);
    }

    /**
     * @param variable the variable that falls short of good practice
     * @param reason what is wrong, read after the name
     * @param remediation what to do, a sentence
     * @return this
     */
    public Findings warn(String variable, String reason, String remediation) {
        return add(Status.WARN, variable, reason, remediation);
    }

    /**
     * A remark on a variable that passes, e.g. why a plaintext URL is acceptable.
     *
     * @param variable the variable
     * @param note read after the name: {@code "points at loopback"}
     * @return this
     */
    public Findings note(String variable, String note) {
        checked(variable);
        notes.add(variable + " " + note);
        return this;
    }

    /**
     * @param key a camelCase detail name
     * @param value a string, number, boolean or list; never a secret
     * @return this
     */
    public Findings detail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    /** @return whether no variable has been looked at */
    public boolean isEmpty() {
        return checked.isEmpty();
    }

    /**
     * @param passSummary the summary when nothing is wrong
     * @return the folded result
     */
    public Result toResult(String passSummary) {
        Status status = problems.stream().map(Problem::status).reduce(Status.PASS, Status::worst);
        Result.Builder b = Result.builder(status);
        List<String> concerned;
        if (problems.isEmpty()) {
            b.summary(notes.isEmpty() ? passSummary : passSummary + "; " + String.join("; ", notes));
            concerned = checked;
        } else {
            b.summary(problems.stream().map(p -> p.variable + " " + p.reason).collect(Collectors.joining("; ")));
            b.remediation(problems.stream().map(Problem::remediation).distinct().collect(Collectors.joining(" ")));
            concerned = problems.stream().map(Problem::variable).distinct().collect(Collectors.toList());
        }
        if (concerned.size() == 1) {
            b.subject(concerned.get(0));
        }
        b.detail("checked", checked);
        detailIfAny(b, "failures", lines(Status.FAIL));
        detailIfAny(b, "warnings", lines(Status.WARN));
        detailIfAny(b, "notes", notes);
        details.forEach(b::detail);
        return b.build();
    }

    private Findings add(Status status, String variable, String reason, String remediation) {
        checked(variable);
        problems.add(new Problem(status, variable, reason, remediation));
        return this;
    }

    private List<String> lines(Status status) {
        return problems.stream().filter(p -> p.status == status).map(p -> p.variable + ": " + p.reason)
                .collect(Collectors.toList());
    }

    private static void detailIfAny(Result.Builder b, String key, List<String> values) {
        if (!values.isEmpty()) {
            b.detail(key, values);
        }
    }

    private record Problem(Status status, String variable, String reason, String remediation) {
    }
}
