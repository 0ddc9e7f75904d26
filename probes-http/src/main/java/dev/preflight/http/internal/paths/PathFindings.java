package dev.preflight.http.internal.paths;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds the findings of a probe that checks a list of paths into one result: the worst path's
 * verdict leads the summary, every path has its line in the details, and each distinct remedy is
 * given once.
 */
public final class PathFindings {

    private PathFindings() {
    }

    /**
     * @param findings one per path asked, in order
     * @param unasked paths the deadline left unasked, shown
     * @param passSummary the summary when every path passed, e.g. {@code all 3 paths refuse anonymous requests}
     * @return the result, with {@code paths} (and {@code unasked}) in its details
     */
    public static Result.Builder fold(List<PathFinding> findings, List<String> unasked, String passSummary) {
        return fold("paths", findings, unasked, passSummary);
    }

    /**
     * @param what what the findings are about, plural: the details key and the word in summaries, e.g. {@code assets}
     * @param findings one per thing asked, in order
     * @param unasked things the deadline left unasked, shown
     * @param passSummary the summary when everything passed
     * @return the result, with {@code what} (and {@code unasked}) in its details
     */
    public static Result.Builder fold(String what, List<PathFinding> findings, List<String> unasked,
            String passSummary) {
        Status worst = findings.stream().map(PathFinding::status).max(Comparator.comparingInt(Status::severity))
                .orElse(Status.PASS);
        Result.Builder result;
        if (!unasked.isEmpty() && findings.isEmpty()) {
            result = Result.builder(Status.ERROR).summary("the deadline came before any of " + unasked.size() + " "
                    + what + " was asked");
        } else if (!unasked.isEmpty() && worst.severity() < Status.ERROR.severity()) {
            result = Result.builder(Status.ERROR).summary("the deadline came after " + findings.size() + " of "
                    + (findings.size() + unasked.size()) + " " + what + (worst == Status.PASS ? ", each as required"
                    : "; " + first(findings, worst).describe()));
        } else if (worst == Status.PASS) {
            result = Result.builder(Status.PASS).summary(passSummary);
        } else {
            List<PathFinding> bad = findings.stream().filter(f -> f.status() == worst).toList();
            int more = bad.size() - 1;
            result = Result.builder(worst).summary(bad.get(0).describe()
                    + (more > 0 ? " (and " + more + " more " + (more > 1 ? what : what.substring(0, what.length() - 1))
                    + ")" : ""));
        }
        Set<String> remedies = new LinkedHashSet<>();
        findings.stream().filter(f -> f.status() != Status.PASS && f.remediation() != null)
                .sorted(Comparator.comparingInt((PathFinding f) -> -f.status().severity()))
                .forEach(f -> remedies.add(f.remediation()));
        if (!remedies.isEmpty()) {
            result.remediation(String.join(" ", remedies));
        }
        result.detail(what, findings.stream().map(f -> f.status().name() + " " + f.describe()).toList());
        if (!unasked.isEmpty()) {
            result.detail("unasked", unasked);
        }
        return result;
    }

    private static PathFinding first(List<PathFinding> findings, Status status) {
        return findings.stream().filter(f -> f.status() == status).findFirst().orElseThrow();
    }
}
