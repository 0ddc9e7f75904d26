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
class FeatureFlagsProbeTest {

    private static ProbeTestKit check(Map<String, String> variables) {
        return ProbeTestKit.forProbe(new FeatureFlagsProbe())
                .target(Target.builder(".env.production", TargetKind.ENV).variables(variables).build());
    }

    @Test
    void experimentalFeatureOnFails() {
        Result result = check(Map.of("FEATURE_EXPERIMENTAL_CHECKOUT", "true")).run().result();

        assertThat(result).isFail().hasSummary("FEATURE_EXPERIMENTAL_CHECKOUT is on, but the feature is not released")
                .hasRemediationContaining("Set FEATURE_EXPERIMENTAL_CHECKOUT=false until the feature ships.");
    }

    @Test
    void releasedFeaturesOnAndExperimentsOffPass() {
        assertThat(check(Map.of("FEATURE_WISHLIST", "true", "FEATURE_EXPERIMENTAL_CHECKOUT", "false")).run().result())
                .isPass().hasSummary("2 feature flags, no unreleased feature on");
    }

    @Test
    void aFlagThatIsNeitherOnNorOffFails() {
        assertThat(check(Map.of("FEATURE_WISHLIST", "50%")).run().result()).isFail()
                .hasSummary("FEATURE_WISHLIST is neither on nor off");
    }

    @Test
    void noFlagIsSkipped() {
        assertThat(check(Map.of("DEBUG", "false")).run().result()).isSkip().hasSummaryContaining("FEATURE_*");
    }

    @Test
    void unreleasedSettingNamesFurtherFlags() {
        Result result = check(Map.of("FEATURE_WISHLIST", "true", "FEATURE_GIFT_CARDS", "on"))
                .setting("unreleased", "FEATURE_GIFT_CARDS")
                .run().result();

        assertThat(result).isFail().hasSummary("FEATURE_GIFT_CARDS is on, but the feature is not released");
    }

    @Test
    void discoveredProbeFailsTheRunOnAnExperimentSwitchedOn() {
        Report report = Preflight.builder()
                .target(Target.builder(".env.production", TargetKind.ENV)
                        .variables(Map.of("FEATURE_EXPERIMENTAL_CHECKOUT", "1")).build())
                .probes("example.*")
                .build()
                .run();

        assertThat(report).hasOutcomeCount(1).hasOutcome("example.feature-flags").result().isFail();
    }
}
