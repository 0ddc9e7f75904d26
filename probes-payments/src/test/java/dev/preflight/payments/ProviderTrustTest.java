package dev.preflight.payments;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The provider client honours the run's network settings: an API behind a private CA (a
 * TLS-inspecting proxy) is reached under its own name through a host override and trusted only
 * when the run names that CA.
 */
class ProviderTrustTest {
    private static final String HOST = "stripe-proxy.test";
    private static final HeldCertificate ROOT = TestCertificates.builder("Proxy Test Root").certificateAuthority(0).build();
    private static TlsTestServer server;

    @BeforeAll
    static void start() throws Exception {
        HeldCertificate leaf = TestCertificates.builder(HOST).dnsNames(HOST).signedBy(ROOT).build();
        server = TlsTestServer.builder(leaf).respond(200, Map.of("Content-Type", "application/json"),
                StripeWebhookApi.list(false, StripeWebhookApi.live("we_tls", StripeWebhookApi.HOOK_URL, "*"))).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Result run(NetworkSettings.Builder network) {
        Target target = Target.builder("shop", TargetKind.STRIPE).attribute("api-base", "https://" + HOST + ":" + server.port())
                .attribute("webhook-url", StripeWebhookApi.HOOK_URL)
                .secret("secret-key", Secret.of(StripeApi.SECRET_KEY)).build();
        network.hostOverride(HostOverride.parse(HOST + ":" + server.port() + ":127.0.0.1"));
        return ProbeTestKit.forProbe(new StripeWebhooksProbe()).target(target).network(network.build()).run().result();
    }

    @Test
    void apiSignedByAnExtraTrustedCaIsReached() {
        assertThat(run(NetworkSettings.builder().trust(List.of(ROOT.certificate())))).isPass()
                .hasDetail("endpointId", "we_tls");
    }

    @Test
    void apiSignedByAnUnknownCaIsNotTrusted() {
        assertThat(run(NetworkSettings.builder())).isError().containsNoText(StripeApi.SECRET_KEY);
    }
}
