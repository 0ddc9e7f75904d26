package dev.preflight.payments;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The webhook probes over HTTPS to an endpoint whose certificate comes from a private CA: trusted
 * only when the run trusts that CA, and never for a name the certificate does not carry.
 */
class WebhookTlsTest {
    private static final String SECRET = "whsec_preflightTlsEndpointSecret3Vn8Rw";
    private static final String HOST = "shop.preflight.test";
    private static final HeldCertificate ROOT = TestCertificates.builder("Preflight Webhook Test Root")
            .certificateAuthority(0).ecP256().build();

    private static TlsTestServer app(String certifiedName) throws Exception {
        HeldCertificate leaf = TestCertificates.builder(certifiedName).dnsNames(certifiedName).ecP256()
                .signedBy(ROOT).build();
        StripeVerifier verifier = new StripeVerifier(SECRET, Clock.systemUTC(), 300, 400);
        HttpHandler handler = exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                exchange.sendResponseHeaders(verifier.status(exchange.getRequestHeaders(), in.readAllBytes()), -1);
            }
        };
        return TlsTestServer.builder(leaf).bind(InetAddress.getLoopbackAddress(), 0).handler(handler).start();
    }

    private static ProbeTestKit kit(TlsTestServer app, boolean trustRoot) {
        NetworkSettings.Builder network = NetworkSettings.builder()
                .hostOverride(HostOverride.parse(HOST + ":" + app.port() + ":127.0.0.1"));
        if (trustRoot) {
            network.trust(List.of(ROOT.certificate()));
        }
        Target target = Target.builder("shop", TargetKind.STRIPE)
                .attribute("webhook-url", "https://" + HOST + ":" + app.port() + "/webhooks/stripe")
                .secret("webhook-secret", Secret.of(SECRET)).build();
        return ProbeTestKit.forProbe(new StripeWebhookSignatureProbe()).target(target).network(network.build())
                .allowWrites(true);
    }

    @Test
    void endpointCertifiedByATrustedPrivateCaIsChecked() throws Exception {
        try (TlsTestServer app = app(HOST)) {
            assertThat(kit(app, true).run().result()).isPass().hasDetail("http.signed", 200);
        }
    }

    @Test
    void endpointCertifiedByAnUntrustedCaIsAnError() throws Exception {
        try (TlsTestServer app = app(HOST)) {
            assertThat(kit(app, false).run().result()).isError().hasSummaryContaining("certification path")
                    .containsNoText(SECRET);
        }
    }

    @Test
    void trustedCaDoesNotExcuseAWrongName() throws Exception {
        try (TlsTestServer app = app("other.preflight.test")) {
            assertThat(kit(app, true).run().result()).isError().hasSummaryContaining("Hostname " + HOST + " not verified");
        }
    }
}
