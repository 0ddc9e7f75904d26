package dev.preflight.testkit;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultAssertTest {
    private static final Result FAIL = Result.builder(Status.FAIL)
            .summary("DEBUG is on")
            .remediation("Set DEBUG=false in .env.production.")
            .subject("DEBUG")
            .detail("checked", List.of("DEBUG", "APP_DEBUG"))
            .detail("count", 2)
            .build();

    @Test
    void matchingResultPassesEveryAssertion() {
        assertThat(FAIL).isFail().hasStatus(Status.FAIL)
                .hasSummary("DEBUG is on").hasSummaryContaining("is on")
                .hasRemediationContaining("DEBUG=false")
                .hasSubject("DEBUG")
                .hasDetailKey("checked")
                .hasDetail("checked", List.of("DEBUG", "APP_DEBUG"))
                .hasDetail("count", 2L)
                .containsNoText("hunter2");
        assertThat(Result.pass("ok")).isPass();
        assertThat(Result.warn("meh", "fix")).isWarn();
        assertThat(Result.error("could not tell", null)).isError();
        assertThat(Result.skip("not configured")).isSkip();
    }

    @Test
    void wrongStatusSaysWhatTheResultWas() {
        assertThatThrownBy(() -> assertThat(FAIL).isPass()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting result to be PASS but was FAIL: DEBUG is on")
                .hasMessageContaining("remediation: Set DEBUG=false in .env.production.")
                .hasMessageContaining("subject: DEBUG")
                .hasMessageContaining("details: {checked=[DEBUG, APP_DEBUG], count=2}");
    }

    @Test
    void eachStatusShortcutFailsForAnotherStatus() {
        Result pass = Result.pass("fine");

        assertThatThrownBy(() -> assertThat(pass).isWarn()).hasMessageContaining("to be WARN but was PASS: fine");
        assertThatThrownBy(() -> assertThat(pass).isFail()).hasMessageContaining("to be FAIL but was PASS");
        assertThatThrownBy(() -> assertThat(pass).isError()).hasMessageContaining("to be ERROR but was PASS");
        assertThatThrownBy(() -> assertThat(pass).isSkip()).hasMessageContaining("to be SKIP but was PASS");
        assertThatThrownBy(() -> assertThat(FAIL).hasStatus(Status.WARN)).hasMessageContaining("to be WARN but was FAIL");
    }

    @Test
    void summaryMismatchQuotesWhatWasExpected() {
        assertThatThrownBy(() -> assertThat(FAIL).hasSummary("DEBUG is off")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting summary to be \"DEBUG is off\" but result was FAIL: DEBUG is on");
        assertThatThrownBy(() -> assertThat(FAIL).hasSummaryContaining("APP_DEBUG")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting summary to contain \"APP_DEBUG\" but result was FAIL: DEBUG is on");
    }

    @Test
    void missingRemediationOrSubjectIsNamed() {
        Result pass = Result.pass("fine");

        assertThatThrownBy(() -> assertThat(pass).hasRemediationContaining("Set")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting remediation to contain \"Set\" but result was PASS: fine")
                .hasMessageContaining("(no remediation)");
        assertThatThrownBy(() -> assertThat(FAIL).hasRemediationContaining("APP_DEBUG")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("remediation: Set DEBUG=false");
        assertThatThrownBy(() -> assertThat(pass).hasSubject("DEBUG")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting subject \"DEBUG\"").hasMessageContaining("(no subject)");
    }

    @Test
    void detailMismatchShowsBothValues() {
        assertThatThrownBy(() -> assertThat(FAIL).hasDetail("count", 3)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting detail \"count\" to be 3 but was 2 in FAIL: DEBUG is on");
        assertThatThrownBy(() -> assertThat(FAIL).hasDetailKey("daysLeft")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting detail \"daysLeft\" but result was FAIL");
        assertThatThrownBy(() -> assertThat(Result.pass("x")).hasDetail("daysLeft", 1)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("(no details)");
    }

    @Test
    void forbiddenTextIsFoundInEveryFieldAndShownMasked() {
        Result leaky = Result.builder(Status.WARN).summary("key sk_live_abcdef0123456789 is live")
                .detail("seen sk_live_abcdef0123456789", true).build();

        assertThatThrownBy(() -> assertThat(leaky).containsNoText("sk_live_abcdef0123456789"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("#1 sk_live_…6789 in summary: …key sk_live_…6789 is live…")
                .hasMessageContaining("#1 sk_live_…6789 in a detail key")
                .hasMessageNotContaining("sk_live_abcdef");
    }

    @Test
    void nullResultFailsEveryAssertion() {
        assertThatThrownBy(() -> assertThat((Result) null).isPass()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void percentSignsInASummaryAreShownAsWritten() {
        assertThatThrownBy(() -> assertThat(Result.pass("disk 95% full")).isWarn())
                .hasMessageContaining("PASS: disk 95% full");
    }
}
