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

    private ReportNodes() {
    }

    /**
     * @param report a finished run
     * @param strict whether a WARN fails its test
     * @return one container per target in report order, or one aborted test if there are no outcomes
     */
    public static List<DynamicNode> of(Report report, boolean strict) {
        if (report.outcomes().isEmpty()) {
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
        return containers;
    }
}
