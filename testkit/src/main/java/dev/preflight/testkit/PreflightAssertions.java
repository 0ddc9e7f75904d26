package dev.preflight.testkit;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Result;

/**
 * Entry points to the test kit's AssertJ assertions. Import them statically next to AssertJ's own;
 * overload resolution picks these for Preflight's types.
 *
 * <pre>{@code
 * import static dev.preflight.testkit.PreflightAssertions.assertThat;
 * import static org.assertj.core.api.Assertions.assertThat;
 *
 * assertThat(report).hasNoFailures();
 * assertThat(outcome.result()).isWarn().hasDetail("daysLeft", 12);
 * }</pre>
 *
 * @since 0.1
 */
public final class PreflightAssertions {

    private PreflightAssertions() {
    }

    /**

     * @param actual a report

     * @return assertions on it

     */
    public static ReportAssert assertThat(Report actual) {
        return new ReportAssert(actual);
    }

    /**

     * @param actual a result

     * @return assertions on it

     */
    public static ResultAssert assertThat(Result actual) {
        return new ResultAssert(actual);
    }

    /**

     * @param actual an outcome

     * @return assertions on it

     */
    public static OutcomeAssert assertThat(ProbeOutcome actual) {
        return new OutcomeAssert(actual);
    }
}
