package dev.preflight.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookUrlTest {

    @Test
    void schemeHostDefaultPortAndTrailingSlashDoNotMatter() {
        assertThat(WebhookUrl.of("HTTPS://Shop.Example.com:443/hooks/stripe/")
                .sameAs(WebhookUrl.of("https://shop.example.com/hooks/stripe"))).isTrue();
    }

    @Test
    void pathCaseOtherPortsAndQueriesDo() {
        WebhookUrl url = WebhookUrl.of("https://shop.example.com/hooks/stripe");
        assertThat(url.sameAs(WebhookUrl.of("https://shop.example.com/Hooks/Stripe"))).isFalse();
        assertThat(url.sameAs(WebhookUrl.of("https://shop.example.com:8443/hooks/stripe"))).isFalse();
        assertThat(url.sameAs(WebhookUrl.of("https://shop.example.com/hooks/stripe?v=2"))).isFalse();
        assertThat(url.sameAs(WebhookUrl.of("http://shop.example.com/hooks/stripe"))).isFalse();
    }

    @Test
    void shownFormHidesQueryAndUserInformation() {
        assertThat(WebhookUrl.of("https://u:pw@shop.example.com:8443/h/?token=abc").shown())
                .isEqualTo("https://shop.example.com:8443/h?…");
        assertThat(WebhookUrl.of("not a url").shown()).isEqualTo("(not a URL)");
    }
}
