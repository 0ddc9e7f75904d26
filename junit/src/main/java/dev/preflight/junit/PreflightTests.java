package dev.preflight.junit;

import dev.preflight.Preflight;
import dev.preflight.Report;
import dev.preflight.junit.internal.ReportNodes;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * Turns a Preflight run into JUnit Jupiter dynamic tests, so that every check shows in the IDE and in
 * Surefire and Failsafe reports as a test of its own.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> shop() {
 *     return PreflightTests.run(Preflight.builder().target(Target.web("https://shop.example.com")).build());
 * }
 * }</pre>
 *
 * <p>Each target becomes a container named {@code <target> (<kind>)}, holding one test per outcome named
 * {@code <probe id> — <title>}, followed by {@code [<subject>]} when the result names one. Outcomes map
 * to tests as follows:
 * <ul>
 *   <li>PASS passes. WARN passes, or fails when {@code strict}.
 *   <li>FAIL and ERROR fail with {@link org.opentest4j.AssertionFailedError}. Its message is
 *       {@code FAIL: <summary>}, followed by one line each for {@code Fix: <remediation>},
 *       {@code Subject: <subject>} and every detail as {@code key: value}.
 *   <li>SKIP is aborted ({@link org.opentest4j.TestAbortedException}) with its reason, so it
 *       shows as skipped.
 *   <li>A waived outcome is aborted with {@code waived until <date>: <reason> (was FAIL: <summary>)}.
 * </ul>
 * Writing probes the run left out because nobody named them ({@link Report#unnamedWriters()}) yield one
 * aborted test, {@code writing probes not named}, after the containers, naming them all once. A report
 * with neither outcomes nor such probes yields one aborted test saying so, because an empty run is not
 * a green one.
 * Failures and aborts carry no stack trace, since the message says what is wrong with the target. An
 * ERROR's cause is never attached, because its message has not been through the redactor.
 *
 * <p>Stateless and thread-safe. The returned streams are built eagerly; the checks have run already.
 *
 * @since 0.1
 */
public final class PreflightTests {
    private PreflightTests() {
    }

    /**
     * Maps a report to dynamic tests in which WARN passes; {@link #of(Report, boolean)} makes
     * warnings fail.
     *
     * @param report a finished run
     * @return one container per target, in report order
     */
    public static Stream<DynamicNode> of(Report report) {
        return of(report, false);
    }

    /**
     * Maps a report to dynamic tests.
     *
     * @param report a finished run
     * @param strict whether a WARN fails its test
     * @return one container per target, in report order
     */
    public static Stream<DynamicNode> of(Report report, boolean strict) {
        return ReportNodes.of(Objects.requireNonNull(report, "'report' must not be null"), strict).stream();
    }

    /**
     * Runs Preflight, then maps the report to dynamic tests in which WARN passes.
     *
     * @param preflight the configured checks
     * @return one container per target, in report order
     */
    public static Stream<DynamicNode> run(Preflight preflight) {
        return run(preflight, false);
    }

    /**
     * Runs Preflight, then maps the report to dynamic tests.
     *
     * @param preflight the configured checks
     * @param strict whether a WARN fails its test
     * @return one container per target, in report order
     */
    public static Stream<DynamicNode> run(Preflight preflight, boolean strict) {
        return of(Objects.requireNonNull(preflight, "'preflight' must not be null").run(), strict);
    }
}
