package dev.preflight.junit.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Groups a report's outcomes by target into dynamic containers of dynamic tests; the mapping
 * {@link dev.preflight.junit.PreflightTests} documents.
 *
 * <pre>{@code
 * List<DynamicNode> nodes = ReportNodes.of(report, false);
 * }</pre>
 *
 * @since 0.1
 */
public final class ReportNodes {
    private static final String NOTHING_CHECKED = "no checks ran";
    private static final String NOT_RUN = "writing probes not named";

    private ReportNodes() {
    }

    /**
     * @param report a finished run
     * @param strict whether a WARN fails its test
     * @return one container per target in report order, then one aborted test naming the writing
     *     probes the run left out, if any; or one aborted test if there is nothing at all
     */
    public static List<DynamicNode> of(Report report, boolean strict) {
        List<DynamicNode> nodes = new ArrayList<>();
        if (!report.unnamedWriters().isEmpty()) {
            // Once for the run, not once per target: they were left out by the selection, not by a target.
            String message = "not run: " + String.join(", ", report.unnamedWriters()) + " (they send requests or"
                    + " write to their targets); name their ids in the selection to run them";
            nodes.add(DynamicTest.dynamicTest(NOT_RUN, () -> {
                throw OutcomeCheck.abort(message);
            }));
        }
        if (report.outcomes().isEmpty() && nodes.isEmpty()) {
            return List.of(DynamicTest.dynamicTest(NOTHING_CHECKED, () -> {
                throw OutcomeCheck.abort("the run had no outcomes: no selected probe applies to a configured target");
            }));
        }
        Map<String, List<ProbeOutcome>> byTarget = new LinkedHashMap<>();
        report.outcomes().forEach(o -> byTarget.computeIfAbsent(o.target(), t -> new ArrayList<>()).add(o));
        List<DynamicNode> containers = new ArrayList<>();
        byTarget.forEach((target, outcomes) -> containers.add(DynamicContainer.dynamicContainer(
                DisplayNames.target(target, outcomes.get(0).targetKind()),
                outcomes.stream().map(o -> DynamicTest.dynamicTest(DisplayNames.check(o), new OutcomeCheck(o, strict))))));
        containers.addAll(nodes);
        return containers;
    }
}
