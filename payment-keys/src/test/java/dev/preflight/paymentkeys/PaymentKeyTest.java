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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sk_live_YOUR_LIVE_KEY", "sk_live_yourkeyhere",
        "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "sk_live_XXXXXXXXXXXXXXXX", "sk_live_<your-key>", "sk_live_****************"})
    void aTemplateAfterARealPrefixIsNoKeyAndHasNoMode(String template) {
        assertThat(PaymentKey.STRIPE_SECRET.problem(template)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("is a template");
        assertThat(PaymentKey.STRIPE_SECRET.wellFormedMode(template)).isEmpty();
    }

    @Test
    void wholeKeysAreNotTemplates() {
        assertThat(PaymentKey.STRIPE_SECRET.problem("sk_live_51Hq8ZxAbCdEfGhIjKlMnOpQr")).isEmpty();
        assertThat(PaymentKey.RAZORPAY_KEY_ID.problem("rzp_live_1DP5mmOlF5G5ag")).isEmpty();
        assertThat(PaymentKey.RAZORPAY_KEY_ID.problem("rzp_live_XXXXXXXXXX")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("is a template");
    }
}
