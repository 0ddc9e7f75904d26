package dev.preflight.payments;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import org.junit.jupiter.api.Test;

/** {@code stripe.key-mode}, offline: prefixes against the target's stage. */
class StripeKeyModeProbeTest {
    private static final String PK_LIVE = "pk_live_51Hx9PublishAbCdEfGhIjKl1111";
    private static final String PK_TEST = "pk_test_51Hx9PublishAbCdEfGhIjKl1111";

    private static Result check(String environment, String secretKey, String publishableKey) {
        Target.Builder b = Target.builder("shop", TargetKind.STRIPE).secret("secret-key", Secret.of(secretKey));
        if (environment != null) {
            b.attribute("environment", environment);
        }
        if (publishableKey != null) {
            b.secret("publishable-key", Secret.of(publishableKey));
        }
        return ProbeTestKit.forProbe(new StripeKeyModeProbe()).target(b.build()).run().result();
    }

    @Test
    void liveKeysInProductionPass() {
        assertThat(check("production", StripeApi.SECRET_KEY, PK_LIVE)).isPass()
                .hasSummary("Stripe keys are live in production").containsNoText(StripeApi.SECRET_KEY, PK_LIVE);
    }

    @Test
    void restrictedLiveKeyPasses() {
        assertThat(check("production", StripeApi.RESTRICTED_KEY, null)).isPass();
    }

    @Test
    void testKeyWithoutEnvironmentFailsBecauseProductionIsTheDefault() {
        assertThat(check(null, StripeApi.TEST_SECRET_KEY, null)).isFail()
                .hasSummaryContaining("secret-key is a test key (sk_test_…4242) in production")
                .hasRemediationContaining("sk_live_ or rk_live_");
    }

    @Test
    void testKeysInStagingPass() {
        assertThat(check("stg", StripeApi.TEST_SECRET_KEY, PK_TEST)).isPass().hasSummary("Stripe keys are test in staging");
    }

    @Test
    void liveKeyInStagingWarns() {
        assertThat(check("staging", StripeApi.SECRET_KEY, null)).isWarn().hasSummaryContaining("live key")
                .hasRemediationContaining("cannot charge real cards");
    }

    @Test
    void publishableKeyInTheOtherModeFails() {
        assertThat(check("production", StripeApi.SECRET_KEY, PK_TEST)).isFail()
                .hasSummaryContaining("publishable-key is test but secret-key is live");
    }

    @Test
    void publishableKeyInTheSecretSlotFailsWithTheReason() {
        assertThat(check("production", PK_LIVE, null)).isFail()
                .hasSummaryContaining("does not start with sk_live_ or rk_live_ or sk_test_ or rk_test_")
                .containsNoText(PK_LIVE);
    }

    @Test
    void truncatedKeyFails() {
        assertThat(check("production", "sk_live_", null)).isFail().hasSummaryContaining("not the letters and digits");
    }

    @Test
    void missingSecretKeySkips() {
        Result result = ProbeTestKit.forProbe(new StripeKeyModeProbe())
                .target(Target.builder("shop", TargetKind.STRIPE).build()).run().result();
        assertThat(result).isSkip().hasSummaryContaining("secret-key");
    }

    @Test
    void templateKeysWithLivePrefixesFailAsTemplates() {
        Result result = check("production", "sk_live_YOUR_LIVE_KEY", "pk_live_YOUR_KEY");

        org.assertj.core.api.Assertions.assertThat(result.status()).isEqualTo(dev.preflight.probe.Status.FAIL);
        org.assertj.core.api.Assertions.assertThat(result.summary()).contains("secret-key is a template")
                .contains("publishable-key is a template");
    }
}
