package dev.preflight.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {
    @Test
    void targetIsNamedWithItsKind() {
        assertThat(DisplayNames.target("production.env", TargetKind.ENV)).isEqualTo("production.env (env)");
    }

    @Test
    void preflightsOwnEntriesHaveNoKindToShow() {
        assertThat(DisplayNames.target("preflight", null)).isEqualTo("preflight");
    }

    @Test
    void checkIsNamedByIdTitleAndTheResultsSubject() {
        Result result = Result.builder(Status.FAIL).summary("DEBUG is on").subject("DEBUG").build();

        assertThat(DisplayNames.check(outcome("Debug mode is off", result))).isEqualTo("env.debug — Debug mode is off [DEBUG]");
    }

    @Test
    void checkWithoutTitleOrSubjectIsNamedByIdAlone() {
        assertThat(DisplayNames.check(outcome(null, Result.pass("fine")))).isEqualTo("env.debug");
    }

    @Test
    void targetLocationIsNotMistakenForASubject() {
        // The outcome's subject falls back to the target's location; the name shows only what the probe named.
        assertThat(DisplayNames.check(outcome("Debug mode is off", Result.pass("fine")))).isEqualTo("env.debug — Debug mode is off");
    }

    private static ProbeOutcome outcome(String title, Result result) {
        return new ProbeOutcome("env.debug", title, "production.env", TargetKind.ENV, "production.env", result,
                Duration.ZERO, null, false);
    }
}
