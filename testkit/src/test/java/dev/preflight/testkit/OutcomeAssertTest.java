package dev.preflight.testkit;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutcomeAssertTest {
    private static final ProbeOutcome FAIL = Outcomes.of("env.debug", ".env", Result.fail("DEBUG is on", "Set DEBUG=false."));
    private static final ProbeOutcome WAIVED = Outcomes.waived("env.token-lifetime", ".env", Result.warn("7d tokens", "Use 15m."));

    @Test
    void matchingOutcomePassesEveryAssertion() {
        assertThat(FAIL).hasStatus(Status.FAIL).isNotWaived().hasTarget(".env").tookLessThan(Duration.ofSeconds(1))
                .result().isFail().hasSummary("DEBUG is on");
        assertThat(WAIVED).isWaived();
    }

    @Test
    void wrongStatusShowsTheOutcomeLineAndTheResult() {
        assertThatThrownBy(() -> assertThat(FAIL).hasStatus(Status.PASS)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting PASS but was env.debug on .env: FAIL DEBUG is on — fix: Set DEBUG=false.")
                .hasMessageContaining("remediation: Set DEBUG=false.");
    }

    @Test
    void waiverMismatchesSayWhy() {
        assertThatThrownBy(() -> assertThat(FAIL).isWaived()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting a waived outcome but was env.debug on .env").hasMessageContaining("(no waiver)");
        assertThatThrownBy(() -> assertThat(WAIVED).isNotWaived()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("env.token-lifetime on .env: WARN 7d tokens — fix: Use 15m. (waived)");
    }

    @Test
    void targetAndDurationMismatchesAreNamed() {
        assertThatThrownBy(() -> assertThat(FAIL).hasTarget("shop")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting an outcome on shop but was env.debug on .env");
        assertThatThrownBy(() -> assertThat(FAIL).tookLessThan(Duration.ofMillis(1))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting env.debug to take less than 1 ms but it took 3 ms");
    }

    @Test
    void resultAssertionsAreDescribedAsTheOutcome() {
        assertThatThrownBy(() -> assertThat(FAIL).result().isPass()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("[env.debug on .env] Expecting result to be PASS but was FAIL");
    }
}
