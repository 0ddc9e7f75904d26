package dev.preflight.payments;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import org.junit.jupiter.api.Test;

/** {@code razorpay.key-mode}, offline: the key id's prefix against the target's stage. */
class RazorpayKeyModeProbeTest {

    private static Result check(String environment, String keyId) {
        Target.Builder b = Target.builder("rzp", TargetKind.RAZORPAY).attribute("key-id", keyId);
        if (environment != null) {
            b.attribute("environment", environment);
        }
        return ProbeTestKit.forProbe(new RazorpayKeyModeProbe()).target(b.build()).run().result();
    }

    @Test
    void liveKeyIdInProductionPasses() {
        assertThat(check("prod", RazorpayApi.KEY_ID)).isPass().hasSummary("Razorpay key id is live in production");
    }

    @Test
    void testKeyIdInProductionFails() {
        assertThat(check(null, "rzp_test_1DP5mmOlF5G5ag")).isFail().hasSummaryContaining("test key")
                .hasRemediationContaining("rzp_live_");
    }

    @Test
    void liveKeyIdInDevelopmentWarns() {
        assertThat(check("dev", RazorpayApi.KEY_ID)).isWarn().hasSummaryContaining("in development");
    }

    @Test
    void stripeKeyInTheKeyIdFails() {
        assertThat(check("production", StripeApi.SECRET_KEY)).isFail().hasSummaryContaining("not a Razorpay key id");
    }

    @Test
    void missingKeyIdSkips() {
        Result result = ProbeTestKit.forProbe(new RazorpayKeyModeProbe())
                .target(Target.builder("rzp", TargetKind.RAZORPAY).build()).run().result();
        assertThat(result).isSkip().hasSummaryContaining("key-id");
    }

    @Test
    void aTemplateKeyIdWithALivePrefixFailsAsATemplate() {
        Result result = check("production", "rzp_live_XXXXXXXXXX");

        org.assertj.core.api.Assertions.assertThat(result.status()).isEqualTo(dev.preflight.probe.Status.FAIL);
        org.assertj.core.api.Assertions.assertThat(result.summary()).contains("is a template");
    }
}
