package com.example.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the probe the way users get it: discovered through its services file. */
class LogLevelProbeTest {

    private static ProbeOutcome check(Map<String, String> variables) {
        Report report = Preflight.builder()
                .target(Target.builder(".env.production", TargetKind.ENV).variables(variables).build())
                .probes("example.*")
                .build()
                .run();
        assertThat(report.outcomes()).hasSize(1);
        return report.outcomes().get(0);
    }

    @Test
    void isDiscoveredThroughItsServicesFile() {
        assertThat(Preflight.builder().build().catalog().ids()).contains("example.log-level");
    }

    @Test
    void debugLevelFails() {
        ProbeOutcome outcome = check(Map.of("LOG_LEVEL", "DEBUG"));

        assertThat(outcome.status()).isEqualTo(Status.FAIL);
        assertThat(outcome.result().remediation()).hasValue("Set LOG_LEVEL=info (or warn) for production.");
    }

    @Test
    void infoLevelPasses() {
        assertThat(check(Map.of("LOG_LEVEL", "info")).status()).isEqualTo(Status.PASS);
    }

    @Test
    void noLevelIsSkipped() {
        assertThat(check(Map.of("DEBUG", "false")).status()).isEqualTo(Status.SKIP);
    }
}
