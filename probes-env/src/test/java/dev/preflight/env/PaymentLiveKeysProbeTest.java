package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentLiveKeysProbeTest {
    static final String SK_LIVE = "sk_live_51Hq8ZxAbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    static final String SK_TEST = "sk_test_51Hq8ZxAbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    static final String PK_LIVE = "pk_live_51Hq8ZxZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210";
    static final String PK_TEST = "pk_test_51Hq8ZxZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210";

    private static EnvCheck check() {
        return EnvCheck.of(new PaymentLiveKeysProbe());
    }

    @Test
    void liveKeysPassInProduction() {
        Result result = check().with("STRIPE_SECRET_KEY", SK_LIVE).with("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", PK_LIVE)
                .with("RAZORPAY_KEY_ID", "rzp_live_AbCdEfGhIjKlMn").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).startsWith("payment keys are live");
        assertThat(EnvCheck.list(result, "modes")).contains("STRIPE_SECRET_KEY: live (sk_live_…6789)");
    }

    @Test
    void testSecretKeyFailsInProduction() {
        Result result = check().with("STRIPE_SECRET_KEY", SK_TEST).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("STRIPE_SECRET_KEY is a test key");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Set STRIPE_SECRET_KEY to the live key (sk_live_… or rk_live_…) from the Stripe Dashboard"));
    }

    @Test
    void testPublishableKeyFailsInProduction() {
        Result result = check().with("STRIPE_SECRET_KEY", SK_LIVE).with("VITE_STRIPE_PUBLISHABLE_KEY", PK_TEST).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("VITE_STRIPE_PUBLISHABLE_KEY is a test key");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("pk_live_…"));
    }

    @Test
    void restrictedLiveKeyPasses() {
        assertThat(check().with("STRIPE_SECRET_KEY", "rk_live_51Hq8ZxAbCdEfGhIjKlMn").result().status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void razorpayTestKeyIdFailsInProduction() {
        Result result = check().with("RAZORPAY_KEY_ID", "rzp_test_AbCdEfGhIjKlMn").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("rzp_live_…", "Razorpay Dashboard"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pk_live_51Hq8ZxAbCdEf", "sk-live-123", "AKIAIOSFODNN7EXAMPLE"})
    void valueOfUnknownShapeFailsAsNotAStripeKey(String value) {
        Result result = check().with("STRIPE_SECRET_KEY", value).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo(
                "STRIPE_SECRET_KEY is not a Stripe secret key (expected sk_live_… or rk_live_… or sk_test_… or rk_test_…)");
    }

    @Test
    void emptyKeyFails() {
        Result result = check().with("STRIPE_PUBLISHABLE_KEY", "").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("STRIPE_PUBLISHABLE_KEY is empty");
    }

    @Test
    void testKeysPassOutsideProduction() {
        Result result = check().stage("staging").with("STRIPE_SECRET_KEY", SK_TEST).with("STRIPE_PUBLISHABLE_KEY", PK_TEST)
                .result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).startsWith("payment keys are test");
    }

    @Test
    void liveKeyWarnsOutsideProduction() {
        Result result = check().stage("staging").with("STRIPE_SECRET_KEY", SK_LIVE).result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("STRIPE_SECRET_KEY is a live key in staging");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("sk_test_…", "real cards"));
    }

    @Test
    void noPaymentKeyIsSkipped() {
        Result result = check().with("STRIPE_WEBHOOK_SECRET", "whsec_abc").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("STRIPE_SECRET_KEY", "RAZORPAY_KEY_ID");
    }
}
