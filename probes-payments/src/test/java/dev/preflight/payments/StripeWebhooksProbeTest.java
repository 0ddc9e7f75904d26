package dev.preflight.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.preflight.payments.StripeWebhookApi.HOOK_URL;
import static dev.preflight.payments.StripeWebhookApi.list;
import static dev.preflight.payments.StripeWebhookApi.live;
import static dev.preflight.testkit.PreflightAssertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.preflight.payments.internal.RequiredEvents;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code stripe.webhooks} against WireMock standing in for {@code GET /v1/webhook_endpoints}. */
class StripeWebhooksProbeTest {
    @RegisterExtension
    static final WireMockExtension STRIPE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String[] PAYMENTS = RequiredEvents.PAYMENTS.toArray(String[]::new);

    private static MappingBuilder page(String startingAfter) {
        return get(urlPathEqualTo("/v1/webhook_endpoints")).withQueryParam("limit", equalTo("100"))
                .withQueryParam("starting_after", startingAfter == null ? absent() : equalTo(startingAfter));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_Wh00kList9").withBody(body);
    }

    private static void onePage(String... endpoints) {
        STRIPE.stubFor(page(null).willReturn(json(200, list(false, endpoints))));
    }

    private static Target.Builder target(String key, String webhookUrl) {
        Target.Builder b = Target.builder("shop", TargetKind.STRIPE).attribute("api-base", STRIPE.baseUrl())
                .secret("secret-key", Secret.of(key));
        return webhookUrl == null ? b : b.attribute("webhook-url", webhookUrl);
    }

    private static ProbeTestKit kit(Target.Builder target) {
        return ProbeTestKit.forProbe(new StripeWebhooksProbe()).target(target.build());
    }

    private static Result run(String webhookUrl) {
        return kit(target(StripeApi.SECRET_KEY, webhookUrl)).run().result();
    }

    @Test
    void readsEveryPageAndFindsTheEndpointOnTheLast() {
        STRIPE.stubFor(page(null).willReturn(json(200, list(true,
                live("we_1a", "https://a.example.com/hook", "*"), live("we_1b", "https://b.example.com/hook", "*")))));
        STRIPE.stubFor(page("we_1b").willReturn(json(200, list(true, live("we_2a", "https://c.example.com/hook", "*")))));
        STRIPE.stubFor(page("we_2a").willReturn(json(200, list(false, live("we_3a", HOOK_URL, PAYMENTS)))));

        assertThat(run(HOOK_URL)).isPass().hasSummaryContaining("we_3a").hasDetail("endpointId", "we_3a")
                .hasDetail("pages", 3).hasDetail("endpointsSeen", 4).hasDetail("missingEvents", List.of());
        STRIPE.verify(3, getRequestedFor(urlPathEqualTo("/v1/webhook_endpoints")));
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo("/v1/webhook_endpoints"))
                .withQueryParam("starting_after", equalTo("we_1b")));
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo("/v1/webhook_endpoints"))
                .withQueryParam("starting_after", equalTo("we_2a"))
                .withHeader("Authorization", equalTo("Bearer " + StripeApi.SECRET_KEY)));
    }

    @Test
    void disabledEndpointFails() {
        onePage(StripeWebhookApi.endpoint("we_off", HOOK_URL, "disabled", true, PAYMENTS));

        assertThat(run(HOOK_URL)).isFail().hasSummaryContaining("status is disabled")
                .hasDetail("status", "disabled").hasRemediationContaining("enable endpoint we_off");
    }

    @Test
    void testModeEndpointFailsWithALiveKey() {
        onePage(StripeWebhookApi.endpoint("we_test", HOOK_URL, "enabled", false, PAYMENTS));

        assertThat(run(HOOK_URL)).isFail().hasSummaryContaining("test-mode endpoint but the key is live")
                .hasDetail("livemode", false);
    }

    @Test
    void testModeEndpointPassesWithATestKey() {
        onePage(StripeWebhookApi.endpoint("we_test", HOOK_URL, "enabled", false, PAYMENTS));

        assertThat(kit(target(StripeApi.TEST_SECRET_KEY, HOOK_URL)).run().result()).isPass();
    }

    @Test
    void missingEventsFailListingThem() {
        onePage(live("we_few", HOOK_URL, "checkout.session.completed", "payment_intent.succeeded"));

        assertThat(run(HOOK_URL)).isFail()
                .hasSummaryContaining("missing events checkout.session.async_payment_succeeded")
                .hasDetail("missingEvents", List.of("checkout.session.async_payment_succeeded",
                        "checkout.session.async_payment_failed", "payment_intent.payment_failed", "charge.refunded",
                        "charge.dispute.created"))
                .hasRemediationContaining("charge.dispute.created");
    }

    @Test
    void wildcardCoversBothProfiles() {
        onePage(live("we_all", HOOK_URL, "*"));

        assertThat(kit(target(StripeApi.SECRET_KEY, HOOK_URL)).setting("profile", "payments,subscriptions").run()
                .result()).isPass().hasDetail("requiredFrom", "profile payments,subscriptions");
    }

    @Test
    void subscriptionsProfileAsksForInvoiceEvents() {
        onePage(live("we_pay", HOOK_URL, PAYMENTS));

        assertThat(kit(target(StripeApi.SECRET_KEY, HOOK_URL)).setting("profile", "subscriptions").run().result())
                .isFail().hasSummaryContaining("invoice.payment_action_required");
    }

    @Test
    void enabledFamilyPatternCoversItsEvents() {
        onePage(live("we_fam", HOOK_URL, "customer.subscription.*", "invoice.*", "checkout.session.completed"));

        assertThat(kit(target(StripeApi.SECRET_KEY, HOOK_URL)).setting("profile", "subscriptions").run().result())
                .isPass();
    }

    @Test
    void requiredFamilyPatternNeedsAnEventOfThatFamily() {
        onePage(live("we_inv", HOOK_URL, "invoice.paid"));

        assertThat(kit(target(StripeApi.SECRET_KEY, HOOK_URL)
                .attribute("required-events", "customer.subscription.*, invoice.paid")).run().result())
                .isFail().hasDetail("missingEvents", List.of("customer.subscription.*"))
                .hasDetail("requiredFrom", "required-events");
    }

    @Test
    void requiredFamilyPatternIsMetByAnEventOfThatFamily() {
        onePage(live("we_sub", HOOK_URL, "customer.subscription.updated", "invoice.paid"));

        assertThat(kit(target(StripeApi.SECRET_KEY, HOOK_URL)
                .attribute("required-events", "customer.subscription.*,invoice.paid")).run().result()).isPass();
    }

    @Test
    void urlsAreComparedNormalised() {
        onePage(live("we_norm", "https://shop.example.com/webhooks/stripe", PAYMENTS));

        assertThat(run("HTTPS://Shop.Example.COM:443/webhooks/stripe/")).isPass().hasDetail("endpointId", "we_norm");
    }

    @Test
    void anotherPathIsNoMatchAndTheUrlsFoundAreListedWithoutQueries() {
        onePage(live("we_x", "https://shop.example.com/webhooks/stripe-old?token=tok9Secret77", PAYMENTS),
                live("we_y", "https://user:pw4242xyz@hooks.example.com/in", PAYMENTS));

        Result result = run(HOOK_URL);

        assertThat(result).isFail().hasSummaryContaining("no Stripe webhook endpoint has the URL " + HOOK_URL)
                .hasSummaryContaining("https://shop.example.com/webhooks/stripe-old?…")
                .hasSummaryContaining("https://hooks.example.com/in").hasDetail("endpointsSeen", 2)
                .containsNoText("tok9Secret77", "pw4242xyz");
    }

    @Test
    void plainHttpWebhookWarns() {
        onePage(live("we_http", "http://shop.example.com/webhooks/stripe", PAYMENTS));

        assertThat(run("http://shop.example.com/webhooks/stripe")).isWarn().hasSummaryContaining("plain http")
                .hasRemediationContaining("HTTPS");
    }

    @Test
    void missingWebhookUrlSkipsWithoutARequest() {
        assertThat(run(null)).isSkip().hasSummaryContaining("set webhook-url");
        STRIPE.verify(0, getRequestedFor(urlPathEqualTo("/v1/webhook_endpoints")));
    }

    @Test
    void rejectedKeyFails() {
        STRIPE.stubFor(page(null).willReturn(json(401, StripeApi.invalidKey())));

        assertThat(run(HOOK_URL)).isFail().hasSummaryContaining("revoked, rolled or mistyped")
                .hasDetail("requestId", "req_Wh00kList9").containsNoText(StripeApi.SECRET_KEY);
    }

    @Test
    void restrictedKeyWithoutWebhookReadWarns() {
        STRIPE.stubFor(page(null).willReturn(json(403, """
                {"error": {"message": "The provided key 'rk_live_*********************9876' does not have the\
                 required permissions for this endpoint on account 'acct_1Nv0FGQ9RKHgCVdK'. Having the\
                 'rak_webhook_read' permission would allow this request to continue.",
                 "type": "invalid_request_error"}}
                """)));

        assertThat(kit(target(StripeApi.RESTRICTED_KEY, HOOK_URL)).run().result()).isWarn()
                .hasDetail("missingPermission", "rak_webhook_read").containsNoText(StripeApi.RESTRICTED_KEY);
    }

    @Test
    void serverErrorIsAnErrorWithTheRequestId() {
        STRIPE.stubFor(page(null).willReturn(json(500, StripeApi.apiError())));

        assertThat(run(HOOK_URL)).isError().hasSummaryContaining("HTTP 500").hasDetail("requestId", "req_Wh00kList9");
    }

    @Test
    void hasMoreWithAnEmptyPageIsAnError() {
        STRIPE.stubFor(page(null).willReturn(json(200, list(true, live("we_1a", "https://a.example.com/h", "*")))));
        STRIPE.stubFor(page("we_1a").willReturn(json(200, list(true))));

        assertThat(run(HOOK_URL)).isError().hasSummaryContaining("has_more on page 2")
                .hasDetail("requestId", "req_Wh00kList9");
        STRIPE.verify(2, getRequestedFor(urlPathEqualTo("/v1/webhook_endpoints")));
    }

    @Test
    void apiThatIgnoresTheCursorIsStoppedAtTheSecondPage() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/webhook_endpoints"))
                .willReturn(json(200, list(true, live("we_1a", "https://a.example.com/h", "*")))));

        assertThat(run(HOOK_URL)).isError().hasSummaryContaining("no new endpoint");
        STRIPE.verify(2, getRequestedFor(urlPathEqualTo("/v1/webhook_endpoints")));
    }

    @Test
    void bodyThatIsNotAListIsAnError() {
        STRIPE.stubFor(page(null).willReturn(json(200, StripeApi.account(true, true, true))));

        assertThat(run(HOOK_URL)).isError().hasSummaryContaining("not a list object");
    }

    @Test
    void unknownProfileIsABadSetting() {
        assertThat(kit(target(StripeApi.SECRET_KEY, HOOK_URL)).setting("profile", "donations").run().result())
                .isError().hasSummaryContaining("stripe.webhooks.profile");
    }

    @Test
    void hostOverrideSendsTheApiNameToTheGivenAddress() {
        onePage(live("we_ovr", HOOK_URL, PAYMENTS));
        String base = "http://stripe-api.invalid:" + STRIPE.getPort();
        NetworkSettings network = NetworkSettings.builder()
                .hostOverride(HostOverride.parse("stripe-api.invalid:" + STRIPE.getPort() + ":127.0.0.1")).build();

        Result result = kit(target(StripeApi.SECRET_KEY, HOOK_URL).attribute("api-base", base)).network(network)
                .run().result();

        assertThat(result).isPass();
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo("/v1/webhook_endpoints"))
                .withHeader("Host", equalTo("stripe-api.invalid:" + STRIPE.getPort())));
    }
}
