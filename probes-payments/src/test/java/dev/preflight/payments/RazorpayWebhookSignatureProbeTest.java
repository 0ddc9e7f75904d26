package dev.preflight.payments;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code razorpay.webhook-signature} against a real local application in each of its likely states. */
class RazorpayWebhookSignatureProbeTest {
    private static final String SECRET = "preflight-razorpay-webhook-secret-Qx81vT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Target target(String url) {
        return Target.builder("rzp", TargetKind.RAZORPAY).attribute("webhook-url", url)
                .secret("webhook-secret", Secret.of(SECRET)).build();
    }

    private static ProbeTestKit kit(String url) {
        return ProbeTestKit.forProbe(new RazorpayWebhookSignatureProbe()).target(target(url)).allowWrites(true);
    }

    @Test
    void verifyingAppPassesAndGetsTheForgedEventsFirst() throws Exception {
        try (WebhookApp app = WebhookApp.answering(new RazorpayVerifier(SECRET, 400))) {
            Result result = kit(app.url()).run().result();

            assertThat(result).isPass().hasDetail("http.missing-signature", 400).hasDetail("http.wrong-secret", 400)
                    .hasDetail("http.signed", 200).containsNoText(SECRET);
            List<WebhookApp.Received> received = app.received();
            assertThat(received).hasSize(3).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.headers().getFirst("Content-Type")).startsWith("application/json");
            });
            assertThat(received.get(0).headers().containsKey("X-Razorpay-Signature")).isFalse();
            assertThat(received.get(1).headers().getFirst("X-Razorpay-Signature")).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void eventsAreShapedLikeRazorpayPaymentCapturedPayloads() throws Exception {
        try (WebhookApp app = WebhookApp.answering(new RazorpayVerifier(SECRET, 400))) {
            kit(app.url()).run();

            JsonNode event = JSON.readTree(app.received().get(2).body());
            assertThat(event.path("entity").asText()).isEqualTo("event");
            assertThat(event.path("event").asText()).isEqualTo("payment.captured");
            assertThat(event.path("contains").get(0).asText()).isEqualTo("payment");
            assertThat(event.path("created_at").asLong()).isPositive();
            JsonNode payment = event.path("payload").path("payment").path("entity");
            assertThat(payment.path("id").asText()).startsWith("pay_preflight_");
            assertThat(payment.path("amount").asInt()).isZero();
        }
    }

    @Test
    void appAcceptingAnythingFailsAsForgeable() throws Exception {
        try (WebhookApp app = WebhookApp.answering((h, b) -> 200)) {
            assertThat(kit(app.url()).run().result()).isFail()
                    .hasSummaryContaining("accepts events without X-Razorpay-Signature and events signed with a"
                            + " different secret: anyone can forge payments")
                    .hasRemediationContaining("X-Razorpay-Signature").containsNoText(SECRET);
        }
    }

    @Test
    void appWithTheWrongSecretFailsBecauseItRejectsRealEvents() throws Exception {
        try (WebhookApp app = WebhookApp.answering(new RazorpayVerifier("another-webhook-secret-0000", 400))) {
            assertThat(kit(app.url()).run().result()).isFail()
                    .hasSummaryContaining("rejects a correctly signed event (HTTP 400)")
                    .hasRemediationContaining("not the API key secret");
        }
    }

    @Test
    void appCrashingOnBadSignaturesWarns() throws Exception {
        try (WebhookApp app = WebhookApp.answering(new RazorpayVerifier(SECRET, 500))) {
            assertThat(kit(app.url()).run().result()).isWarn().hasSummaryContaining("by crashing")
                    .hasDetail("http.wrong-secret", 500);
        }
    }

    @Test
    void redirectingEndpointFails() throws Exception {
        try (WebhookApp app = WebhookApp.redirecting(302, "https://elsewhere.preflight.invalid/")) {
            assertThat(kit(app.url()).run().result()).isFail().hasSummaryContaining("redirects (HTTP 302");
            assertThat(app.received()).hasSize(3);
        }
    }

    @Test
    void endpointWithoutAHandlerFailsNamingTheUrlRatherThanTheSecret() throws Exception {
        try (WebhookApp app = WebhookApp.answering((h, b) -> 404)) {
            Result result = kit(app.url()).run().result();

            assertThat(result).isFail().hasSummaryContaining("answers 404 to every event: no webhook handler")
                    .hasRemediationContaining("webhook-url");
            assertThat(result.summary()).doesNotContain("wrong webhook secret");
        }
    }

    @Test
    void notNamedIsLeftOutAndSendsNothing() throws Exception {
        RazorpayWebhookSignatureProbe probe = new RazorpayWebhookSignatureProbe();
        try (WebhookApp app = WebhookApp.answering((h, b) -> 200)) {
            ProbeTestKit kit = ProbeTestKit.forProbe(probe).target(target(app.url())).allowWrites(false);

            assertThat(kit.runReport().unnamedWriters()).containsExactly("razorpay.webhook-signature");
            assertThat(kit.run().result()).isSkip();
            org.assertj.core.api.Assertions.assertThatThrownBy(kit::context).isInstanceOf(IllegalStateException.class);
            assertThat(app.received()).isEmpty();
        }
    }

    @Test
    void missingWebhookUrlSkipsNamingIt() {
        Target target = Target.builder("rzp", TargetKind.RAZORPAY).secret("webhook-secret", Secret.of(SECRET)).build();

        assertThat(ProbeTestKit.forProbe(new RazorpayWebhookSignatureProbe()).target(target).allowWrites(true).run()
                .result()).isSkip().hasSummaryContaining("webhook-url");
    }

    @Test
    void missingWebhookSecretSkipsNamingItAndSendsNothing() throws Exception {
        try (WebhookApp app = WebhookApp.answering((h, b) -> 200)) {
            Target target = Target.builder("rzp", TargetKind.RAZORPAY).attribute("webhook-url", app.url()).build();

            assertThat(ProbeTestKit.forProbe(new RazorpayWebhookSignatureProbe()).target(target).allowWrites(true)
                    .run().result()).isSkip().hasSummaryContaining("webhook-secret");
            assertThat(app.received()).isEmpty();
        }
    }
}
