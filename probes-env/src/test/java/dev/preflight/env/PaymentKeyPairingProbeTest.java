package dev.preflight.env;

import static dev.preflight.env.PaymentLiveKeysProbeTest.PK_LIVE;
import static dev.preflight.env.PaymentLiveKeysProbeTest.PK_TEST;
import static dev.preflight.env.PaymentLiveKeysProbeTest.SK_LIVE;
import static dev.preflight.env.PaymentLiveKeysProbeTest.SK_TEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;

class PaymentKeyPairingProbeTest {

    private static EnvCheck check() {
        return EnvCheck.of(new PaymentKeyPairingProbe());
    }

    @Test
    void keysInTheSameModePass() {
        Result live = check().with("STRIPE_SECRET_KEY", SK_LIVE).with("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", PK_LIVE).result();
        Result test = check().with("STRIPE_SECRET_KEY", SK_TEST).with("STRIPE_PUBLISHABLE_KEY", PK_TEST).result();

        assertThat(live.status()).isEqualTo(Status.PASS);
        assertThat(live.summary()).startsWith("Stripe keys are all live");
        assertThat(test.status()).isEqualTo(Status.PASS);
        assertThat(test.summary()).startsWith("Stripe keys are all test");
    }

    @Test
    void liveSecretWithTestPublishableKeyFails() {
        Result result = check().with("STRIPE_SECRET_KEY", SK_LIVE).with("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", PK_TEST)
                .result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY is test but STRIPE_SECRET_KEY is live");
        assertThat(result.remediation()).hasValue("Set NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY to the live key (pk_live_…)"
                + " of the same Stripe account in .env.production.");
    }

    @Test
    void remediationChangesTheSideThatIsWrongForTheStage() {
        Result production = check().with("STRIPE_SECRET_KEY", SK_TEST).with("STRIPE_PUBLISHABLE_KEY", PK_LIVE).result();
        Result staging = check().stage("staging").with("STRIPE_SECRET_KEY", SK_TEST).with("STRIPE_PUBLISHABLE_KEY", PK_LIVE)
                .result();

        assertThat(production.remediation()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Set STRIPE_SECRET_KEY to the live key (sk_live_… or rk_live_…)"));
        assertThat(staging.status()).isEqualTo(Status.FAIL);
        assertThat(staging.remediation()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Set STRIPE_PUBLISHABLE_KEY to the test key (pk_test_…)"));
    }

    @Test
    void everyPublishableKeyIsCompared() {
        Result result = check().with("STRIPE_SECRET_KEY", SK_LIVE).with("STRIPE_PUBLISHABLE_KEY", PK_LIVE)
                .with("VITE_STRIPE_PUBLISHABLE_KEY", PK_TEST).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.subject()).hasValue("VITE_STRIPE_PUBLISHABLE_KEY");
    }

    @Test
    void onlyOneKindOfKeyIsSkipped() {
        Result result = check().with("STRIPE_SECRET_KEY", SK_LIVE).result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).isEqualTo(
                "needs both a Stripe secret key and a Stripe publishable key; found only STRIPE_SECRET_KEY");
    }

    @Test
    void malformedKeyIsSkippedAndLeftToTheLiveKeysProbe() {
        Result result = check().with("STRIPE_SECRET_KEY", "not-a-key").with("STRIPE_PUBLISHABLE_KEY", PK_LIVE).result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("STRIPE_SECRET_KEY", "env.payment-live-keys");
    }
}
