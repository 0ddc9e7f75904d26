package dev.preflight.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code stripe.key-valid} against WireMock standing in for {@code GET /v1/account}. */
class StripeKeyValidProbeTest {
    @RegisterExtension
    static final WireMockExtension STRIPE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static MappingBuilder account(String key) {
        // Bearer auth: https://docs.stripe.com/api/authentication
        return get(urlPathEqualTo("/v1/account")).withHeader("Authorization", equalTo("Bearer " + key));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_7Xq2Lm9vTz4Kp1").withBody(body);
    }

    private static ProbeTestKit kit(String key) {
        return ProbeTestKit.forProbe(new StripeKeyValidProbe()).target(Target.builder("shop", TargetKind.STRIPE)
                .attribute("api-base", STRIPE.baseUrl()).secret("secret-key", Secret.of(key)).build());
    }

    @Test
    void readyAccountPassesAndSendsTheKeyAsBearer() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY).willReturn(json(200, StripeApi.account(true, true, true))));

        assertThat(kit(StripeApi.SECRET_KEY).run().result()).isPass()
                .hasSummaryContaining("acct_1Nv0FGQ9RKHgCVdK").hasDetail("account", "acct_1Nv0FGQ9RKHgCVdK");
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo("/v1/account"))
                .withHeader("Authorization", equalTo("Bearer " + StripeApi.SECRET_KEY)));
    }

    @Test
    void accountWithoutPayoutsFailsNamingTheFlags() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY).willReturn(json(200, StripeApi.account(false, false, true))));

        assertThat(kit(StripeApi.SECRET_KEY).run().result()).isFail()
                .hasSummaryContaining("charges_enabled, payouts_enabled false")
                .hasDetail("disabledReason", "requirements.past_due").hasRemediationContaining("Dashboard");
    }

    @Test
    void undetailedAccountFails() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY).willReturn(json(200, StripeApi.account(true, true, false))));

        assertThat(kit(StripeApi.SECRET_KEY).run().result()).isFail().hasSummaryContaining("details_submitted false");
    }

    @Test
    void rejectedKeyFailsWithoutShowingIt() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY).willReturn(json(401, StripeApi.invalidKey())));

        Result result = kit(StripeApi.SECRET_KEY).run().result();

        assertThat(result).isFail().hasSummaryContaining("revoked, rolled or mistyped")
                .hasSummaryContaining("sk_live_…4242").hasDetail("requestId", "req_7Xq2Lm9vTz4Kp1")
                .containsNoText(StripeApi.SECRET_KEY);
    }

    @Test
    void restrictedKeyWithoutAccountReadWarnsNamingThePermission() {
        STRIPE.stubFor(account(StripeApi.RESTRICTED_KEY).willReturn(json(403, StripeApi.missingPermission())));

        assertThat(kit(StripeApi.RESTRICTED_KEY).run().result()).isWarn()
                .hasSummaryContaining("rak_accounts_kyc_basic_read")
                .hasDetail("missingPermission", "rak_accounts_kyc_basic_read")
                .containsNoText(StripeApi.RESTRICTED_KEY);
    }

    @Test
    void rateLimitIsRetriedOnceThenPasses() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, StripeApi.rateLimited()).withHeader("Retry-After", "0"))
                .willSetStateTo("lifted"));
        STRIPE.stubFor(account(StripeApi.SECRET_KEY).inScenario("rate").whenScenarioStateIs("lifted")
                .willReturn(json(200, StripeApi.account(true, true, true))));

        assertThat(kit(StripeApi.SECRET_KEY).run().result()).isPass();
        STRIPE.verify(2, getRequestedFor(urlPathEqualTo("/v1/account")));
    }

    @Test
    void rateLimitTwiceIsAnError() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY).willReturn(json(429, StripeApi.rateLimited())));

        assertThat(kit(StripeApi.SECRET_KEY).run().result()).isError().hasSummaryContaining("429")
                .hasDetail("requestId", "req_7Xq2Lm9vTz4Kp1");
        STRIPE.verify(2, getRequestedFor(urlPathEqualTo("/v1/account")));
    }

    @Test
    void longRetryAfterIsNotWaitedFor() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY)
                .willReturn(json(429, StripeApi.rateLimited()).withHeader("Retry-After", "60")));

        assertThat(kit(StripeApi.SECRET_KEY).run().result()).isError().hasSummaryContaining("429");
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo("/v1/account")));
    }

    @Test
    void retryThatWouldMissTheDeadlineIsNotMade() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY)
                .willReturn(json(429, StripeApi.rateLimited()).withHeader("Retry-After", "2")));

        assertThat(kit(StripeApi.SECRET_KEY).timeout(Duration.ofSeconds(1)).run().result()).isError();
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo("/v1/account")));
    }

    @Test
    void serverErrorIsAnErrorWithTheRequestId() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY).willReturn(json(500, StripeApi.apiError())));

        assertThat(kit(StripeApi.SECRET_KEY).run().result()).isError().hasSummaryContaining("HTTP 500")
                .hasSummaryContaining("req_7Xq2Lm9vTz4Kp1").hasDetail("requestId", "req_7Xq2Lm9vTz4Kp1");
    }

    @Test
    void unparseableBodyIsAnErrorWithTheRequestId() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY).willReturn(json(200, "<html>Bad gateway</html>")));

        assertThat(kit(StripeApi.SECRET_KEY).run().result()).isError().hasSummaryContaining("not the expected JSON")
                .hasDetail("requestId", "req_7Xq2Lm9vTz4Kp1");
    }

    @Test
    void accountWithoutTheFlagsIsAnError() {
        STRIPE.stubFor(account(StripeApi.SECRET_KEY).willReturn(json(200, "{\"id\": \"acct_1\", \"object\": \"account\"}")));

        assertThat(kit(StripeApi.SECRET_KEY).run().result()).isError();
    }

    @Test
    void missingSecretKeySkips() {
        Result result = ProbeTestKit.forProbe(new StripeKeyValidProbe())
                .target(Target.builder("shop", TargetKind.STRIPE).attribute("api-base", STRIPE.baseUrl()).build())
                .run().result();

        assertThat(result).isSkip().hasSummaryContaining("secret-key");
        STRIPE.verify(0, getRequestedFor(urlPathEqualTo("/v1/account")));
    }

    @Test
    void unreachableApiThrowsAMessageWithoutTheKey() {
        // A key in the API base's path would be quoted by okhttp's messages if they named the URL.
        Target target = Target.builder("shop", TargetKind.STRIPE).attribute("api-base", "http://127.0.0.1:1/" + StripeApi.SECRET_KEY)
                .secret("secret-key", Secret.of(StripeApi.SECRET_KEY)).build();
        StripeKeyValidProbe probe = new StripeKeyValidProbe();

        assertThatThrownBy(() -> probe.check(ProbeTestKit.forProbe(probe).target(target).context()))
                .isInstanceOf(IOException.class).hasMessageContaining("did not answer")
                .hasNoCause().message().doesNotContain(StripeApi.SECRET_KEY);
    }

    @Test
    void malformedApiBaseIsABadSetting() {
        Target target = Target.builder("shop", TargetKind.STRIPE).attribute("api-base", "not a url")
                .secret("secret-key", Secret.of(StripeApi.SECRET_KEY)).build();

        assertThat(ProbeTestKit.forProbe(new StripeKeyValidProbe()).target(target).run().result()).isError()
                .hasSummaryContaining("api-base");
    }
}
