package dev.preflight.testkit;

import static dev.preflight.testkit.Outcomes.of;
import static dev.preflight.testkit.Outcomes.report;
import static dev.preflight.testkit.Outcomes.waived;
import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.Report;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;

class ReportAssertTest {
    private static final Report CLEAN = report(
            of("env.debug", ".env", Result.pass("DEBUG is off")),
            of("env.secrets", ".env", Result.skip("no secrets")),
            waived("env.token-lifetime", ".env", Result.fail("7d tokens", "Use 15m.")));
    private static final Report BROKEN = report(
            of("env.debug", ".env", Result.fail("DEBUG is on", "Set DEBUG=false.")),
            of("env.database-tls", ".env", Result.error("could not parse DATABASE_URL", null)),
            of("env.https-urls", ".env", Result.warn("BACKEND_URL uses http://", "Use https.")),
            of("env.secrets", ".env", Result.pass("secrets are set")));

    @Test
    void cleanReportPassesEveryAssertion() {
        assertThat(CLEAN).hasNoFailures().hasNoWarnings().isSuccessful(true).hasOutcomeCount(3);
        assertThat(CLEAN).hasOutcome("env.debug").hasStatus(Status.PASS);
        assertThat(CLEAN).hasOutcome("env.secrets", ".env").result().isSkip();
        assertThat(CLEAN).containsNoText("hunter2");
    }

    @Test
    void failuresAreListedOneALineWithTheirFix() {
        assertThatThrownBy(() -> assertThat(BROKEN).hasNoFailures()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting no FAIL or ERROR outcomes (waived ones excepted) but found 2:\n"
                        + "  env.debug on .env: FAIL DEBUG is on — fix: Set DEBUG=false.\n"
                        + "  env.database-tls on .env: ERROR could not parse DATABASE_URL")
                .hasMessageNotContaining("env.https-urls");
    }

    @Test
    void warningsAreListedOnlyByTheWarningAssertions() {
        assertThatThrownBy(() -> assertThat(BROKEN).hasNoWarnings()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting no WARN outcomes (waived ones excepted) but found 1:\n"
                        + "  env.https-urls on .env: WARN BACKEND_URL uses http:// — fix: Use https.");
    }

    @Test
    void strictSuccessCountsWarnings() {
        Report warnOnly = report(of("env.https-urls", ".env", Result.warn("BACKEND_URL uses http://", "Use https.")));

        assertThat(warnOnly).isSuccessful(false);
        assertThatThrownBy(() -> assertThat(warnOnly).isSuccessful(true)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting no FAIL, ERROR or WARN outcomes (waived ones excepted) but found 1");
        assertThatThrownBy(() -> assertThat(BROKEN).isSuccessful(false)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting no FAIL or ERROR outcomes (waived ones excepted) but found 2");
    }

    @Test
    void missingOutcomeListsWhatTheReportHas() {
        assertThatThrownBy(() -> assertThat(CLEAN).hasOutcome("env.cors-origins")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting one outcome of env.cors-origins but found 0; the report has:\n"
                        + "  env.debug on .env: PASS DEBUG is off");
        assertThatThrownBy(() -> assertThat(report()).hasOutcome("env.debug")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the report has no outcomes");
    }

    @Test
    void outcomeOnSeveralTargetsNeedsTheTargetNamed() {
        Report twoTargets = report(of("env.debug", "a.env", Result.pass("off")), of("env.debug", "b.env", Result.pass("off")));

        assertThatThrownBy(() -> assertThat(twoTargets).hasOutcome("env.debug")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("found 2; name the target with hasOutcome(probeId, target)");
        assertThat(twoTargets).hasOutcome("env.debug", "b.env").hasTarget("b.env");
    }

    @Test
    void outcomeCountMismatchListsTheOutcomes() {
        assertThatThrownBy(() -> assertThat(CLEAN).hasOutcomeCount(1)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting 1 outcomes but found 3:\n  env.debug on .env");
    }

    @Test
    void textInTheSummaryIsFoundInAllFourFormats() {
        Report leaky = report(of("env.debug", ".env", Result.fail("DEBUG is on; key sk_live_abcdef0123456789", "Fix.")));

        assertThatThrownBy(() -> assertThat(leaky).containsNoText("sk_live_abcdef0123456789"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("in TEXT").hasMessageContaining("in JSON")
                .hasMessageContaining("in JUNIT").hasMessageContaining("in MARKDOWN (escaped)")
                .hasMessageContaining("sk_live_…6789")
                .hasMessageNotContaining("sk_live_abcdef");
    }

    @Test
    void textOnlyInADetailKeyIsFoundWhereDetailsAreRendered() {
        Result warn = Result.builder(Status.WARN).summary("key is set").remediation("Rotate it.")
                .detail("seen Planted-Pa55-g7Kq2Vx9", true).build();

        assertThatThrownBy(() -> assertThat(report(of("acme.key", ".env", warn))).containsNoText("Planted-Pa55-g7Kq2Vx9"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("in JSON").hasMessageContaining("in JUNIT")
                .hasMessageNotContaining("in TEXT").hasMessageNotContaining("in MARKDOWN");
    }
}
