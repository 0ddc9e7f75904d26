package dev.preflight.testkit;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Status;
import dev.preflight.testkit.internal.Describe;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions for a {@link ProbeOutcome}: what the runner adds to a result (target, waiver,
 * duration). For the result itself, go on with {@link #result()}.
 *
 * <pre>{@code
 * assertThat(report).hasOutcome("env.debug")
 *         .hasStatus(Status.FAIL).isNotWaived()
 *         .result().hasRemediationContaining("DEBUG=false");
 * }</pre>
 *
 * <p>Get one from {@link PreflightAssertions#assertThat(ProbeOutcome)} or
 * {@link ReportAssert#hasOutcome(String)}. Not thread-safe.
 *
 * @since 0.1
 */
public class OutcomeAssert extends AbstractAssert<OutcomeAssert, ProbeOutcome> {

    /** @param actual the outcome under test, may be null (the assertions then fail) */
    public OutcomeAssert(ProbeOutcome actual) {
        super(actual, OutcomeAssert.class);
    }

    /**

     * @param expected the status wanted

     * @return this, if the outcome has it

     */
    public OutcomeAssert hasStatus(Status expected) {
        isNotNull();
        if (actual.status() != expected) {
            fail("Expecting " + expected + " but was " + Describe.line(actual) + "\n" + details());
        }
        return this;
    }

    /** @return this, if an active waiver covers the outcome */
    public OutcomeAssert isWaived() {
        isNotNull();
        if (!actual.waived()) {
            fail("Expecting a waived outcome but was " + Describe.line(actual)
                    + actual.waiverIfAny().map(w -> " (its waiver expired on " + w.expires() + ")").orElse(" (no waiver)"));
        }
        return this;
    }

    /** @return this, if no active waiver covers the outcome */
    public OutcomeAssert isNotWaived() {
        isNotNull();
        if (actual.waived()) {
            fail("Expecting an outcome no waiver covers but was " + Describe.line(actual));
        }
        return this;
    }

    /**

     * @param name the target's name

     * @return this, if the outcome is for that target

     */
    public OutcomeAssert hasTarget(String name) {
        isNotNull();
        if (!actual.target().equals(name)) {
            fail("Expecting an outcome on " + name + " but was " + Describe.line(actual));
        }
        return this;
    }

    /**

     * @param limit the longest acceptable duration

     * @return this, if the check took less

     */
    public OutcomeAssert tookLessThan(Duration limit) {
        isNotNull();
        if (actual.duration().compareTo(limit) >= 0) {
            fail("Expecting " + actual.probeId() + " to take less than " + limit.toMillis() + " ms but it took "
                    + actual.duration().toMillis() + " ms: " + Describe.line(actual));
        }
        return this;
    }

    /** @return assertions on the outcome's (redacted) result, described as this outcome unless described already */
    public ResultAssert result() {
        isNotNull();
        String description = descriptionText();
        ResultAssert result = new ResultAssert(actual.result());
        return description.isEmpty() ? result.as("%s on %s", actual.probeId(), actual.target()) : result.as("%s", description);
    }

    private String details() {
        return "  " + Describe.result(actual.result()).replace("\n", "\n  ");
    }

    private void fail(String message) {
        failWithMessage("%s", message);
    }
}
