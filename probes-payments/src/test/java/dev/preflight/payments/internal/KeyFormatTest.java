package dev.preflight.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyFormatTest {

    @Test
    void secretAndRestrictedKeysHaveTheirModes() {
        assertThat(KeyFormat.STRIPE_SECRET.mode("sk_live_51HxAbCdEfGh")).contains(KeyMode.LIVE);
        assertThat(KeyFormat.STRIPE_SECRET.mode("rk_test_51HxAbCdEfGh")).contains(KeyMode.TEST);
        assertThat(KeyFormat.RAZORPAY_KEY_ID.mode("rzp_test_1DP5mmOlF5G5ag")).contains(KeyMode.TEST);
    }

    @Test
    void malformedKeysHaveNoModeAndAReasonThatDoesNotQuoteThem() {
        assertThat(KeyFormat.STRIPE_SECRET.mode("sk_live_short")).isEmpty();
        assertThat(KeyFormat.STRIPE_SECRET.problem(" sk_live_51HxAbCdEfGh")).contains("has spaces around it");
        assertThat(KeyFormat.STRIPE_PUBLISHABLE.problem("sk_live_51HxAbCdEfGh")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("does not start with pk_live_").doesNotContain("51HxAbCdEfGh");
        assertThat(KeyFormat.STRIPE_SECRET.problem("sk_live_51Hx-AbCd+EfGh")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("not the letters and digits");
        assertThat(KeyFormat.RAZORPAY_KEY_ID.problem("")).contains("is empty");
    }
}
