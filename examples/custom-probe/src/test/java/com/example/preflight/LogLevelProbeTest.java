package com.example.preflight;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.Report;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the probe through Preflight's runner with the test kit, as any probe author would. */
class LogLevelProbeTest {

    private static ProbeTestKit check(Map<String, String> variables) {
        return ProbeTestKit.forProbe(new LogLevelProbe())
                .target(Target.builder(".env.production", TargetKind.ENV).variables(variables).build());
    }

    @Test
    void debugLevelFails() {
        Result result = check(Map.of("LOG_LEVEL", "DEBUG")).run().result();

        assertThat(result).isFail().hasSummary("LOG_LEVEL is debug")
                .hasRemediationContaining("Set LOG_LEVEL=info (or warn) for production.");
    }

    @Test
    void infoLevelPasses() {
        assertThat(check(Map.of("LOG_LEVEL", "info")).run().result()).isPass();
    }

    @Test
    void noLevelIsSkipped() {
        assertThat(check(Map.of("DEBUG", "false")).run().result()).isSkip().hasSummaryContaining("LOG_LEVEL");
    }

    @Test
    void variablesSettingChangesWhichVariableIsRead() {
        Result result = check(Map.of("LOG_LEVEL", "info", "APP_LOG_LEVEL", "trace"))
                .setting("variables", "APP_LOG_LEVEL")
                .run().result();

        assertThat(result).isFail().hasSummary("APP_LOG_LEVEL is trace");
    }

    @Test
    void discoveredProbeFailsTheRunOnDebugLogging() {
        Report report = Preflight.builder()
                .target(Target.builder(".env.production", TargetKind.ENV).variables(Map.of("LOG_LEVEL", "debug")).build())
                .probes("example.*")
                .build()
                .run();

        assertThat(report).hasOutcomeCount(1).hasOutcome("example.log-level").result().isFail();
    }
}
