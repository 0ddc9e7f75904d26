package dev.preflight.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.preflight.testkit.PreflightAssertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code razorpay.key-valid} against WireMock standing in for {@code GET /v1/payments?count=1}. */
class RazorpayKeyValidProbeTest {
    @RegisterExtension
    static final WireMockExtension RAZORPAY = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    /** Basic base64(key_id:key_secret), exactly: https://razorpay.com/docs/api/authentication/ */
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (RazorpayApi.KEY_ID + ":" + RazorpayApi.KEY_SECRET).getBytes(StandardCharsets.UTF_8));

    private static MappingBuilder payments() {
        return get(urlPathEqualTo("/v1/payments")).withQueryParam("count", equalTo("1"))
                .withHeader("Authorization", equalTo(BASIC));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ProbeTestKit kit() {
        return ProbeTestKit.forProbe(new RazorpayKeyValidProbe()).target(Target.builder("rzp", TargetKind.RAZORPAY)
                .attribute("api-base", RAZORPAY.baseUrl()).attribute("key-id", RazorpayApi.KEY_ID)
                .secret("key-secret", Secret.of(RazorpayApi.KEY_SECRET)).build());
    }

    @Test
    void acceptedKeyPassesAndSendsBasicAuth() {
        RAZORPAY.stubFor(payments().willReturn(json(200, RazorpayApi.payments())));

        assertThat(kit().run().result()).isPass().hasSummaryContaining("accepts key id")
                .containsNoText(RazorpayApi.KEY_SECRET);
        RAZORPAY.verify(1, getRequestedFor(urlPathEqualTo("/v1/payments")).withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void rejectedKeyFailsWithRazorpaysDescription() {
        RAZORPAY.stubFor(payments().willReturn(json(401, RazorpayApi.authenticationFailed())));

        assertThat(kit().run().result()).isFail().hasSummaryContaining("rejected key id")
                .hasDetail("razorpayMessage", "The api key provided is invalid")
                .hasRemediationContaining("API Keys").containsNoText(RazorpayApi.KEY_SECRET);
    }

    @Test
    void serverErrorIsAnErrorSayingThereIsNoRequestId() {
        RAZORPAY.stubFor(payments().willReturn(json(502, RazorpayApi.serverError())));

        assertThat(kit().run().result()).isError().hasSummaryContaining("HTTP 502")
                .hasDetail("requestId", "none: Razorpay documents no request id");
    }

    @Test
    void unparseableBodyIsAnError() {
        RAZORPAY.stubFor(payments().willReturn(json(200, "OK")));

        assertThat(kit().run().result()).isError().hasSummaryContaining("not the expected JSON");
    }

    @Test
    void missingKeySecretSkipsNamingTheSetting() {
        Result result = ProbeTestKit.forProbe(new RazorpayKeyValidProbe()).target(Target.builder("rzp", TargetKind.RAZORPAY)
                .attribute("api-base", RAZORPAY.baseUrl()).attribute("key-id", RazorpayApi.KEY_ID).build()).run().result();

        assertThat(result).isSkip().hasSummaryContaining("add key-secret: ${RAZORPAY_KEY_SECRET}");
        RAZORPAY.verify(0, getRequestedFor(urlPathEqualTo("/v1/payments")));
    }
}
