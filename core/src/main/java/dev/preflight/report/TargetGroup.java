package dev.preflight.report;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.TargetKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcomes of one target, for formats that show a section per target.
 *
 * @param name the target's name
 * @param kind the target's kind; null for the pseudo-target of probe loading
 * @param outcomes its outcomes, in report order
 */
record TargetGroup(String name, TargetKind kind, List<ProbeOutcome> outcomes) {

    /** Groups by target name, in order of first appearance, which is the report's order. */
    static List<TargetGroup> of(Report report) {
        Map<String, List<ProbeOutcome>> byTarget = new LinkedHashMap<>();
        report.outcomes().forEach(o -> byTarget.computeIfAbsent(o.target(), t -> new ArrayList<>()).add(o));
        List<TargetGroup> groups = new ArrayList<>();
        byTarget.forEach((name, outcomes) -> groups.add(new TargetGroup(name, outcomes.get(0).targetKind(),
                List.copyOf(outcomes))));
        return groups;
    }

    /** @return the kind's label, or null for the pseudo-target of probe loading */
    String kindLabel() {
        return kind == null ? null : kind.label();
    }

    /** @return the sum of the checks' durations; more than wall-clock time, as checks run in parallel */
    Duration totalDuration() {
        return outcomes.stream().map(ProbeOutcome::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
