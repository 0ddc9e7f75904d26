package dev.preflight.testkit;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import dev.preflight.testkit.internal.Describe;
import dev.preflight.testkit.internal.Leaks;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions for a {@link Report}. Failure messages list the offending outcomes one a line,
 * as {@code probe on target: STATUS summary — fix: remediation}. Waived outcomes count as a run
 * counts them: they never make {@link #hasNoFailures()} or {@link #hasNoWarnings()} fail.
 *
 * <pre>{@code
 * Report report = Preflight.builder().target(Target.web("https://staging.shop.example")).build().run();
 * assertThat(report).hasNoFailures().containsNoText(System.getenv("STRIPE_SECRET_KEY"));
 * }</pre>
 *
 * <p>Get one from {@link PreflightAssertions#assertThat(Report)}. Not thread-safe.
 *
 * @since 0.1
 */
public class ReportAssert extends AbstractAssert<ReportAssert, Report> {

    /** @param actual the report under test, may be null (the assertions then fail) */
    public ReportAssert(Report actual) {
        super(actual, ReportAssert.class);
    }

    /** @return this, if no outcome is a FAIL or ERROR that no waiver covers */
    public ReportAssert hasNoFailures() {
        return hasNone(o -> o.isProblem(false), "no FAIL or ERROR");
    }

    /** @return this, if no outcome is a WARN that no waiver covers */
    public ReportAssert hasNoWarnings() {
        return hasNone(o -> !o.waived() && o.status() == Status.WARN, "no WARN");
    }

    /**
     * The run's own verdict, as the exit code gives it.
     *
     * @param strict whether warnings count as problems
     * @return this, if {@link Report#isSuccessful(boolean)} is true
     */
    public ReportAssert isSuccessful(boolean strict) {
        return hasNone(o -> o.isProblem(strict), strict ? "no FAIL, ERROR or WARN" : "no FAIL or ERROR");
    }

    /**

     * @param expected how many outcomes the report should have

     * @return this, if it has that many

     */
    public ReportAssert hasOutcomeCount(int expected) {
        isNotNull();
        if (actual.outcomes().size() != expected) {
            fail("Expecting " + expected + " outcomes but found " + actual.outcomes().size() + lines(actual.outcomes()));
        }
        return this;
    }

    /**
     * @param probeId the id of a probe that ran on exactly one target
     * @return assertions on that outcome
     */
    public OutcomeAssert hasOutcome(String probeId) {
        return outcome(o -> o.probeId().equals(probeId), probeId);
    }

    /**
     * @param probeId a probe's id
     * @param target a target's name
     * @return assertions on that probe's outcome on that target
     */
    public OutcomeAssert hasOutcome(String probeId, String target) {
        return outcome(o -> o.probeId().equals(probeId) && o.target().equals(target), probeId + " on " + target);
    }

    /**
     * Renders the report in every {@link dev.preflight.report.ReportFormat} and checks that none
     * contains any of the strings, typically secrets the test planted. The message names the format
     * and shows the strings masked.
     *
     * @param forbidden strings no rendering may contain
     * @return this, if none does
     */
    public ReportAssert containsNoText(String... forbidden) {
        isNotNull();
        List<String> found = Leaks.inRenderings(actual, List.of(forbidden));
        if (!found.isEmpty()) {
            fail("Expecting no rendering of the report to contain the given texts but found:\n  "
                    + String.join("\n  ", found));
        }
        return this;
    }

    private ReportAssert hasNone(Predicate<ProbeOutcome> bad, String wanted) {
        isNotNull();
        List<ProbeOutcome> found = actual.outcomes().stream().filter(bad).collect(Collectors.toList());
        if (!found.isEmpty()) {
            fail("Expecting " + wanted + " outcomes (waived ones excepted) but found " + found.size() + lines(found));
        }
        return this;
    }

    private OutcomeAssert outcome(Predicate<ProbeOutcome> wanted, String what) {
        isNotNull();
        List<ProbeOutcome> found = actual.outcomes().stream().filter(wanted).collect(Collectors.toList());
        if (found.size() != 1) {
            fail("Expecting one outcome of " + what + " but found " + found.size()
                    + (found.size() > 1 ? "; name the target with hasOutcome(probeId, target)" : "")
                    + (actual.outcomes().isEmpty() ? "; the report has no outcomes" : "; the report has" + lines(actual.outcomes())));
        }
        return new OutcomeAssert(found.get(0));
    }

    private static String lines(List<ProbeOutcome> outcomes) {
        return outcomes.isEmpty() ? "" : ":\n  " + outcomes.stream().map(Describe::line).collect(Collectors.joining("\n  "));
    }

    private void fail(String message) {
        failWithMessage("%s", message);
    }
}
