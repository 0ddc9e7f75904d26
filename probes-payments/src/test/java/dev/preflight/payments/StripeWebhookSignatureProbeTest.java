package dev.preflight.payments;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code stripe.webhook-signature} against a real local application in each of its likely states. */
class StripeWebhookSignatureProbeTest {
    private static final String SECRET = "whsec_preflightTestEndpointSecret7Kq2Lm9v";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final long NOW_SECONDS = NOW.instant().getEpochSecond();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Target target(String url) {
        return Target.builder("shop", TargetKind.STRIPE).attribute("webhook-url", url)
                .secret("webhook-secret", Secret.of(SECRET)).build();
    }

    private static ProbeTestKit kit(String url) {
        return ProbeTestKit.forProbe(new StripeWebhookSignatureProbe()).target(target(url)).clock(NOW).allowWrites(true);
    }

    private static StripeVerifier verifier(String secret) {
        return new StripeVerifier(secret, NOW, 300, 400);
    }

    @Test
    void verifyingAppPassesAndGetsTheForgedEventsFirst() throws Exception {
        try (WebhookApp app = WebhookApp.answering(verifier(SECRET))) {
            Result result = kit(app.url()).run().result();

            assertThat(result).isPass().hasSummaryContaining("rejects unsigned events, events signed with a different"
                    + " secret and events signed 360 s ago, beyond the 300 s tolerance with 4xx and accepts a correctly"
                    + " signed event")
                    .hasDetail("http.unsigned", 400).hasDetail("http.wrong-secret", 400).hasDetail("http.stale", 400)
                    .hasDetail("http.signed", 200).hasDetail("toleranceSeconds", 300L).containsNoText(SECRET);
            List<WebhookApp.Received> received = app.received();
            assertThat(received).hasSize(4).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo(WebhookApp.PATH);
                assertThat(r.headers().getFirst("Content-Type")).startsWith("application/json");
            });
            assertThat(received.get(0).headers().containsKey("Stripe-Signature")).isFalse();
            assertThat(received.get(3).headers().getFirst("Stripe-Signature")).startsWith("t=" + NOW_SECONDS + ",v1=");
        }
    }

    @Test
    void eventsAreMarkedTestEventsShapedLikeStripeEvents() throws Exception {
        try (WebhookApp app = WebhookApp.answering(verifier(SECRET))) {
            kit(app.url()).run();

            JsonNode event = JSON.readTree(app.received().get(3).body());
            assertThat(event.path("id").asText()).startsWith("evt_preflight_");
            assertThat(event.path("object").asText()).isEqualTo("event");
            assertThat(event.path("type").asText()).isEqualTo("preflight.test");
            assertThat(event.path("livemode").asBoolean()).isTrue();
            assertThat(event.path("created").asLong()).isEqualTo(NOW_SECONDS);
            assertThat(event.path("data").path("object").isObject()).isTrue();
            assertThat(app.received()).extracting(r -> JSON.readTree(r.body()).path("id").asText())
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void appAcceptingAnythingFailsAsForgeable() throws Exception {
        try (WebhookApp app = WebhookApp.answering((h, b) -> 200)) {
            Result result = kit(app.url()).run().result();

            assertThat(result).isFail().hasSummaryContaining("accepts unsigned events and events signed with a"
                    + " different secret: anyone can forge payments").hasSummaryContaining("can be replayed")
                    .hasRemediationContaining("constructEvent").hasDetail("http.unsigned", 200).containsNoText(SECRET);
        }
    }

    @Test
    void appCheckingOnlyThatTheHeaderIsThereFailsAsForgeable() throws Exception {
        try (WebhookApp app = WebhookApp.answering((h, b) -> h.containsKey("Stripe-Signature") ? 200 : 400)) {
            Result result = kit(app.url()).run().result();

            assertThat(result).isFail().hasSummaryContaining("accepts events signed with a different secret: anyone"
                    + " can forge payments").hasDetail("http.unsigned", 400).hasDetail("http.wrong-secret", 200);
            assertThat(result.summary()).doesNotContain("accepts unsigned events");
        }
    }

    @Test
    void forgeableAppThatThenDropsTheConnectionStillFails() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (WebhookApp app = WebhookApp.answering((h, b) -> {
            if (seen.incrementAndGet() > 1) {
                // The JDK server closes the connection without an answer when a handler throws.
                throw new IllegalStateException("handler crashed");
            }
            return 200;
        })) {
            Result result = kit(app.url()).run().result();

            assertThat(result).isFail().hasSummaryContaining("accepts unsigned events: anyone can forge payments")
                    .hasDetail("http.unsigned", 200).hasDetailKey("unanswered").containsNoText(SECRET);
            assertThat(result.details()).doesNotContainKey("http.signed");
        }
    }

    @Test
    void unansweredDeliveryWithoutAForgeryIsAnError() throws Exception {
        try (WebhookApp app = WebhookApp.answering((h, b) -> {
            throw new IllegalStateException("handler crashed");
        })) {
            assertThat(kit(app.url()).run().result()).isError().hasSummaryContaining("did not answer the unsigned event")
                    .containsNoText(SECRET);
        }
    }

    @Test
    void appWithTheWrongSecretFailsBecauseItRejectsRealEvents() throws Exception {
        try (WebhookApp app = WebhookApp.answering(verifier("whsec_someOtherEndpointsSecret00000000"))) {
            assertThat(kit(app.url()).run().result()).isFail()
                    .hasSummaryContaining("rejects a correctly signed event (HTTP 400): the app cannot verify real events")
                    .hasRemediationContaining("Signing secret").hasDetail("http.unsigned", 400);
        }
    }

    @Test
    void appWithoutTheTimestampCheckFailsAsReplayable() throws Exception {
        try (WebhookApp app = WebhookApp.answering(new StripeVerifier(SECRET, NOW, 0, 400))) {
            Result result = kit(app.url()).run().result();

            assertThat(result).isFail().hasSummaryContaining("events signed 360 s ago, beyond the 300 s tolerance")
                    .hasSummaryContaining("replayed").hasDetail("http.stale", 200);
            assertThat(result.summary()).doesNotContain("forge");
        }
    }

    @Test
    void appCrashingOnBadSignaturesWarns() throws Exception {
        try (WebhookApp app = WebhookApp.answering(new StripeVerifier(SECRET, NOW, 300, 500))) {
            assertThat(kit(app.url()).run().result()).isWarn().hasSummaryContaining("unsigned events (HTTP 500)")
                    .hasSummaryContaining("by crashing").hasDetail("http.signed", 200);
        }
    }

    @Test
    void redirectingEndpointFailsAndTheRedirectIsNotFollowed() throws Exception {
        try (WebhookApp app = WebhookApp.redirecting(301, "/elsewhere")) {
            Result result = kit(app.url()).run().result();

            assertThat(result).isFail().hasSummaryContaining("redirects (HTTP 301 to the unsigned event")
                    .hasSummaryContaining("Stripe does not follow redirects").hasDetail("http.signed", 301);
            assertThat(app.received()).hasSize(4).allSatisfy(r -> assertThat(r.path()).isEqualTo(WebhookApp.PATH));
        }
    }

    @Test
    void staleEventIsSignedBeyondTheConfiguredTolerance() throws Exception {
        try (WebhookApp app = WebhookApp.answering(new StripeVerifier(SECRET, NOW, 600, 400))) {
            Result result = kit(app.url()).setting("tolerance", "10m").run().result();

            assertThat(result).isPass().hasDetail("toleranceSeconds", 600L);
            assertThat(app.received().get(2).headers().getFirst("Stripe-Signature"))
                    .startsWith("t=" + (NOW_SECONDS - 660) + ",v1=");
        }
    }

    @Test
    void hostOverrideSendsTheEventsToTheOverriddenAddress() throws Exception {
        try (WebhookApp app = WebhookApp.answering(verifier(SECRET))) {
            String url = "http://shop.preflight.invalid:" + app.port() + WebhookApp.PATH;
            NetworkSettings network = NetworkSettings.builder()
                    .hostOverride(HostOverride.parse("shop.preflight.invalid:" + app.port() + ":127.0.0.1")).build();

            assertThat(kit(url).network(network).run().result()).isPass()
                    .hasDetail("endpoint", "http://shop.preflight.invalid:" + app.port() + WebhookApp.PATH);
            assertThat(app.received().get(0).headers().getFirst("Host"))
                    .isEqualTo("shop.preflight.invalid:" + app.port());
        }
    }

    @Test
    void notNamedIsLeftOutAndSendsNothing() throws Exception {
        StripeWebhookSignatureProbe probe = new StripeWebhookSignatureProbe();
        try (WebhookApp app = WebhookApp.answering((h, b) -> 200)) {
            ProbeTestKit kit = ProbeTestKit.forProbe(probe).target(target(app.url())).allowWrites(false);

            assertThat(kit.runReport().unnamedWriters()).containsExactly("stripe.webhook-signature");
            assertThat(kit.run().result()).isSkip();
            org.assertj.core.api.Assertions.assertThatThrownBy(kit::context).isInstanceOf(IllegalStateException.class);
            assertThat(app.received()).isEmpty();
        }
    }

    @Test
    void missingWebhookUrlSkipsNamingIt() {
        Target target = Target.builder("shop", TargetKind.STRIPE).secret("webhook-secret", Secret.of(SECRET)).build();

        assertThat(ProbeTestKit.forProbe(new StripeWebhookSignatureProbe()).target(target).allowWrites(true).run()
                .result()).isSkip().hasSummaryContaining("webhook-url");
    }

    @Test
    void missingWebhookSecretSkipsNamingItAndSendsNothing() throws Exception {
        try (WebhookApp app = WebhookApp.answering((h, b) -> 200)) {
            Target target = Target.builder("shop", TargetKind.STRIPE).attribute("webhook-url", app.url()).build();

            assertThat(ProbeTestKit.forProbe(new StripeWebhookSignatureProbe()).target(target).allowWrites(true).run()
                    .result()).isSkip().hasSummaryContaining("webhook-secret");
            assertThat(app.received()).isEmpty();
        }
    }

    @Test
    void nonPositiveToleranceIsABadSetting() throws Exception {
        try (WebhookApp app = WebhookApp.answering((h, b) -> 200)) {
            assertThat(kit(app.url()).setting("tolerance", "0s").run().result()).isError()
                    .hasSummaryContaining("stripe.webhook-signature.tolerance");
            assertThat(app.received()).isEmpty();
        }
    }

    @Test
    void malformedWebhookUrlIsABadSetting() {
        assertThat(kit("not a url").run().result()).isError().hasSummaryContaining("webhook-url");
    }

    @Test
    void unreachableEndpointThrowsAMessageWithoutTheSecret() {
        StripeWebhookSignatureProbe probe = new StripeWebhookSignatureProbe();
        ProbeTestKit kit = kit("http://127.0.0.1:1/hooks/" + SECRET);

        assertThatThrownBy(() -> probe.check(kit.context())).isInstanceOf(IOException.class)
                .hasMessageContaining("did not answer the unsigned event").hasNoCause()
                .message().doesNotContain(SECRET);
    }
}
