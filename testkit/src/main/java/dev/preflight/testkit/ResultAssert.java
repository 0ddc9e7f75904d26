package dev.preflight.testkit;

import dev.preflight.probe.Gauge;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.testkit.internal.DetailValues;
import dev.preflight.testkit.internal.Describe;
import dev.preflight.testkit.internal.Leaks;
import java.util.List;
import java.util.Objects;
import java.util.function.DoublePredicate;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions for a {@link Result}. Every failure message shows the whole result (status,
 * summary, remediation, subject, details), so a failing test says what the probe found.
 *
 * <pre>{@code
 * assertThat(result).isFail()
 *         .hasSummaryContaining("DEBUG is on")
 *         .hasRemediationContaining("DEBUG=false")
 *         .hasSubject("DEBUG");
 * }</pre>
 *
 * <p>Get one from {@link PreflightAssertions#assertThat(Result)}. Not thread-safe. Not final, so
 * that AssertJ's soft assertions can proxy it.
 *
 * @since 0.1
 */
public class ResultAssert extends AbstractAssert<ResultAssert, Result> {

    /** @param actual the result under test, may be null (the assertions then fail) */
    public ResultAssert(Result actual) {
        super(actual, ResultAssert.class);
    }

    /** @return this, if the status is PASS */
    public ResultAssert isPass() {
        return hasStatus(Status.PASS);
    }

    /** @return this, if the status is WARN */
    public ResultAssert isWarn() {
        return hasStatus(Status.WARN);
    }

    /** @return this, if the status is FAIL */
    public ResultAssert isFail() {
        return hasStatus(Status.FAIL);
    }

    /** @return this, if the status is ERROR */
    public ResultAssert isError() {
        return hasStatus(Status.ERROR);
    }

    /** @return this, if the status is SKIP */
    public ResultAssert isSkip() {
        return hasStatus(Status.SKIP);
    }

    /**

     * @param expected the status wanted

     * @return this, if the result has it

     */
    public ResultAssert hasStatus(Status expected) {
        isNotNull();
        if (actual.status() != expected) {
            fail("Expecting result to be " + expected + " but was " + Describe.result(actual));
        }
        return this;
    }

    /**

     * @param expected the whole summary

     * @return this, if the summary equals it

     */
    public ResultAssert hasSummary(String expected) {
        isNotNull();
        if (!actual.summary().equals(expected)) {
            fail("Expecting summary to be \"" + expected + "\" but result was " + Describe.result(actual));
        }
        return this;
    }

    /**

     * @param part text the summary should contain

     * @return this, if it does

     */
    public ResultAssert hasSummaryContaining(String part) {
        isNotNull();
        if (!actual.summary().contains(part)) {
            fail("Expecting summary to contain \"" + part + "\" but result was " + Describe.result(actual));
        }
        return this;
    }

    /**

     * @param part text the remediation should contain

     * @return this, if there is one and it does

     */
    public ResultAssert hasRemediationContaining(String part) {
        isNotNull();
        if (!actual.remediation().map(r -> r.contains(part)).orElse(false)) {
            fail("Expecting remediation to contain \"" + part + "\" but result was " + Describe.result(actual)
                    + (actual.remediation().isEmpty() ? "\n  (no remediation)" : ""));
        }
        return this;
    }

    /**

     * @param expected the subject wanted

     * @return this, if the result names it

     */
    public ResultAssert hasSubject(String expected) {
        isNotNull();
        if (!actual.subject().map(expected::equals).orElse(false)) {
            fail("Expecting subject \"" + expected + "\" but result was " + Describe.result(actual)
                    + (actual.subject().isEmpty() ? "\n  (no subject)" : ""));
        }
        return this;
    }

    /**

     * @param key a detail key

     * @return this, if the result has a detail with that key

     */
    public ResultAssert hasDetailKey(String key) {
        isNotNull();
        if (!actual.details().containsKey(key)) {
            fail("Expecting detail \"" + key + "\" but result was " + Describe.result(actual)
                    + (actual.details().isEmpty() ? "\n  (no details)" : ""));
        }
        return this;
    }

    /**
     * Compares as the result stores details: numbers by value ({@code 12} equals {@code 12L}),
     * iterables as lists, anything else as its {@code toString()}.
     *
     * @param key a detail key
     * @param expected the value wanted, not null
     * @return this, if the detail has that value
     */
    public ResultAssert hasDetail(String key, Object expected) {
        Objects.requireNonNull(expected, "'expected' must not be null; use hasDetailKey for presence");
        hasDetailKey(key);
        if (!DetailValues.same(key, expected, actual.details().get(key))) {
            fail("Expecting detail \"" + key + "\" to be " + expected + " but was " + actual.details().get(key)
                    + " in " + Describe.result(actual));
        }
        return this;
    }

    /**
     * Checks that the result declares a gauge of that name (with any labels) whose value satisfies a
     * condition, e.g. {@code hasGauge("backup_age_seconds", age -> age < 3600)}.
     *
     * @param name the gauge's name, without {@code preflight_}
     * @param condition what its value must satisfy
     * @return this assertion
     * @since 0.3
     */
    public ResultAssert hasGauge(String name, DoublePredicate condition) {
        isNotNull();
        List<Gauge> named = actual.gauges().stream().filter(g -> g.name().equals(name)).toList();
        if (named.isEmpty()) {
            fail("Expecting gauge \"" + name + "\" but result declared " + (actual.gauges().isEmpty() ? "none"
                    : actual.gauges().stream().map(Gauge::name).toList()) + " in "
                    + Describe.result(actual));
        }
        if (named.stream().noneMatch(g -> condition.test(g.value()))) {
            fail("Expecting gauge \"" + name + "\" to satisfy the condition but its values were "
                    + named.stream().map(Gauge::value).toList() + " in " + Describe.result(actual));
        }
        return this;
    }

    /**
     * Checks the texts the probe wrote (summary, remediation, subject, detail keys and values) for
     * strings that must never appear, such as secrets. The message shows them masked.
     *
     * @param forbidden strings none of the texts may contain
     * @return this, if none does
     */
    public ResultAssert containsNoText(String... forbidden) {
        isNotNull();
        List<String> found = Leaks.inResult(actual, List.of(forbidden));
        if (!found.isEmpty()) {
            fail("Expecting the result to contain none of the given texts but found:\n  "
                    + String.join("\n  ", found));
        }
        return this;
    }

    private void fail(String message) {
        // Through "%s": summaries may contain '%', which failWithMessage would read as a format.
        failWithMessage("%s", message);
    }
}
