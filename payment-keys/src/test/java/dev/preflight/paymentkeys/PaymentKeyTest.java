package dev.preflight.paymentkeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentKeyTest {

    @Test
    void secretAndRestrictedKeysHaveTheirModes() {
        assertThat(PaymentKey.STRIPE_SECRET.mode("sk_live_51HxAbCdEfGh")).contains(KeyMode.LIVE);
        assertThat(PaymentKey.STRIPE_SECRET.mode("rk_test_51HxAbCdEfGh")).contains(KeyMode.TEST);
        assertThat(PaymentKey.RAZORPAY_KEY_ID.mode("rzp_test_1DP5mmOlF5G5ag")).contains(KeyMode.TEST);
    }

    @Test
    void malformedKeysHaveNoModeAndAReasonThatDoesNotQuoteThem() {
        assertThat(PaymentKey.STRIPE_SECRET.wellFormedMode("sk_live_short")).isEmpty();
        assertThat(PaymentKey.STRIPE_SECRET.problem(" sk_live_51HxAbCdEfGh")).contains("has spaces around it");
        assertThat(PaymentKey.STRIPE_PUBLISHABLE.problem("sk_live_51HxAbCdEfGh")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("does not start with pk_live_").doesNotContain("51HxAbCdEfGh");
        assertThat(PaymentKey.STRIPE_SECRET.problem("sk_live_51Hx-AbCd+EfGh")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("not the letters and digits");
        assertThat(PaymentKey.RAZORPAY_KEY_ID.problem("")).contains("is empty");
    }
}
