package dev.preflight.http.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a probe's findings into one result: the worst status wins, its first finding is the summary
 * (with a count of the others), and the remediations are listed once each, the worst first. A
 * finding with status PASS is a note: it never lowers the verdict, and it becomes the summary only
 * when nothing is wrong.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * @param findings what the probe found, in the order found; repeated summaries count once
     * @param passSummary the summary when there is no finding at all
     * @return a builder with status, summary, remediation and, when there are problems, the
     *     {@code problems} detail (notes go to {@code notes}); add the probe's own details and build
     */
    public static Result.Builder of(List<Finding> findings, String passSummary) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        findings.forEach(f -> unique.putIfAbsent(f.summary(), f));
        List<Finding> problems = unique.values().stream().filter(f -> f.status() != Status.PASS).toList();
        List<String> notes = unique.values().stream().filter(f -> f.status() == Status.PASS).map(Finding::summary).toList();
        if (problems.isEmpty()) {
            Result.Builder pass = Result.builder(Status.PASS).summary(notes.isEmpty() ? passSummary : notes.get(0));
            return notes.isEmpty() ? pass : pass.detail("notes", notes);
        }
        Status worst = problems.stream().map(Finding::status).max(Comparator.comparingInt(Status::severity)).orElseThrow();
        List<Finding> ordered = new ArrayList<>(problems.stream().filter(f -> f.status() == worst).toList());
        problems.stream().filter(f -> f.status() != worst).forEach(ordered::add);
        int more = ordered.size() - 1;
        Set<String> remediations = new LinkedHashSet<>();
        ordered.forEach(f -> remediations.add(f.remediation()));
        remediations.remove(null);
        Result.Builder result = Result.builder(worst)
                .summary(ordered.get(0).summary() + (more > 0 ? " (and " + more + " more problem" + (more > 1 ? "s" : "")
                        + ")" : ""))
                .remediation(String.join(" ", remediations))
                .detail("problems", ordered.stream().map(f -> f.status().name() + " " + f.summary()).toList());
        return notes.isEmpty() ? result : result.detail("notes", notes);
    }
}
