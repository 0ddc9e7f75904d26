package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.InvalidSettingException;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code http.health} against real TLS servers for {@code shop.test}: a health document, failing
 * and invalid expectations, error statuses, a slow node, a redirect and two nodes behind one name.
 */
class HealthProbeTest {
    private static final String HEALTHY = "{\"status\":\"healthy\",\"checks\":{\"db\":{\"status\":\"UP\"}}}";

    @Test
    void healthyDocumentMeetingTheExpectationPasses() {
        Result result = check(json(200, HEALTHY), "expect", "checks.db.status == \"UP\"");

        assertThat(result).isPass()
                .hasSummaryContaining("GET /health answered 200 within 1 s and checks.db.status == \"UP\" holds")
                .hasDetail("status", 200)
                .hasDetail("value", "\"UP\"")
                .hasDetail("expect", "checks.db.status == \"UP\"")
                .hasDetail("maxLatencyMs", 1000)
                .hasDetail("address", "127.0.0.1");
        assertThat((String) result.details().get("url")).matches("https://shop\\.test:\\d+/health");
        assertThat(((Number) result.details().get("latencyMs")).longValue()).isBetween(0L, 1000L);
    }

    @Test
    void anyTwoHundredPassesWithoutAnExpectationWhateverTheBody() {
        assertThat(check(TestRoutes.builder().on("/health", TestRoutes.reply(204)).build())).isPass()
                .hasSummaryContaining("answered 204");
        assertThat(check(TestRoutes.builder().on("/health", TestRoutes.reply(200).body("OK")).build())).isPass();
    }

    @Test
    void listExpectationPasses() {
        assertThat(check(json(200, HEALTHY), "expect", "status in [\"UP\", \"healthy\"]")).isPass();
    }

    @Test
    void expectationNotMetFailsShowingWhatWasFound() {
        Result result = check(json(200, HEALTHY), "expect", "status == \"ok\"");

        assertThat(result).isFail()
                .hasSummaryContaining("status == \"ok\" does not hold: status is \"healthy\"")
                .hasRemediationContaining("http.health.expect")
                .hasDetail("value", "\"healthy\"");
    }

    @Test
    void expectationOnAMissingFieldFails() {
        assertThat(check(json(200, HEALTHY), "expect", "checks.cache.status == \"UP\"")).isFail()
                .hasSummaryContaining("checks.cache.status is missing");
    }

    @Test
    void serviceUnavailableFailsWithItsStatus() {
        Result result = check(json(503, "{\"status\":\"DOWN\"}"));

        assertThat(result).isFail().hasSummaryContaining("GET /health answered 503")
                .hasRemediationContaining("out of rotation")
                .hasDetail("status", 503);
    }

    @Test
    void slowEndpointWarnsWithItsLatency() {
        HttpHandler slow = exchange -> {
            sleep(300);
            json(200, HEALTHY).handle(exchange);
        };

        Result result = check(slow, "max-latency", "100ms");

        assertThat(result).isWarn().hasSummaryContaining("ms and then").hasSummaryContaining("over the 100 ms budget")
                .hasRemediationContaining("http.health.max-latency")
                .hasDetail("maxLatencyMs", 100);
        assertThat(((Number) result.details().get("latencyMs")).longValue()).isGreaterThanOrEqualTo(300L);
        assertThat((List<?>) result.details().get("latenciesMs")).hasSize(2)
                .allSatisfy(ms -> assertThat(((Number) ms).longValue()).isGreaterThanOrEqualTo(300L));
    }

    @Test
    void aSlowHandshakeIsNotTheServersLatency() {
        // The TLS terminator (here a proxy holding the ClientHello) takes 700 ms to shake hands, as a busy
        // checking machine or a distant one would; the endpoint itself answers at once.
        try (TlsTestServer server = TestSites.https(json(200, HEALTHY));
                FirstConnectionsProxy slowHandshake = FirstConnectionsProxy.start(10, server.port(),
                        Duration.ofMillis(700))) {
            Result result = ProbeTestKit.forProbe(new HealthProbe())
                    .target(Target.web("https://" + TestSites.HOST + ":" + slowHandshake.port() + "/"))
                    .network(TestSites.network(slowHandshake.port())).setting("max-latency", "500ms")
                    .run().result();

            assertThat(result).isPass().hasSummaryContaining("within 500 ms");
            assertThat(((Number) result.details().get("latencyMs")).longValue()).isLessThan(500L);
        }
    }

    @Test
    void oneSlowAnswerFollowedByAFastOnePasses() {
        AtomicInteger requests = new AtomicInteger();
        HttpHandler slowOnce = exchange -> {
            if (requests.incrementAndGet() == 1) {
                sleep(600);
            }
            json(200, HEALTHY).handle(exchange);
        };

        Result result = check(slowOnce, "max-latency", "500ms");

        assertThat(result).isPass().hasSummaryContaining("within 500 ms (the first answer took");
        assertThat(((Number) result.details().get("latencyMs")).longValue()).isLessThanOrEqualTo(500L);
        assertThat(requests).hasValue(2);
    }

    @Test
    void bodyThatIsNotJsonFailsWhenAnExpectationNeedsIt() {
        HttpHandler text = TestRoutes.builder().on("/health", TestRoutes.reply(200)
                .header("Content-Type", "text/plain").body("OK")).build();

        assertThat(check(text, "expect", "status == \"UP\"")).isFail()
                .hasSummary("health body is not JSON: unexpected 'O', expected a value at offset 0")
                .hasDetail("contentType", "text/plain");
    }

    @Test
    void ambiguousOrHostileJsonFailsWithItsReasonRatherThanErring() {
        String expect = "status == \"healthy\"";

        assertThat(check(json(200, "{\"status\":\"healthy\",\"status\":\"down\"}"), "expect", expect)).isFail()
                .hasSummary("health body is not JSON: duplicate member name \"status\" at offset 28");
        assertThat(check(json(200, "[".repeat(10_000)), "expect", expect)).isFail()
                .hasSummary("health body is not JSON: nested deeper than 64 levels at offset 64");
        assertThat(check(json(200, "{\"status\":\"healthy\",\"load\":1e9999999999}"), "expect", expect)).isFail()
                .hasSummaryContaining("number out of range");
        assertThat(check(json(200, "{\"status\":\"healthy\"} trailing"), "expect", expect)).isFail()
                .hasSummary("health body is not JSON: unexpected 't', expected a value at offset 21");
    }

    @Test
    void unquotedWordInTheBodyIsNotEchoedBeyondItsFirstCharacter() {
        Result result = check(json(200, "{\"status\": sk_live_4eC39HqLyjWDarjtT1zdp7dc}"), "expect",
                "status == \"healthy\"");

        assertThat(result).isFail().hasSummary("health body is not JSON: unexpected 's', expected a value at offset 11")
                .containsNoText("4eC39HqLyjWDarjtT1zdp7dc");
    }

    @Test
    void invalidExpectationIsAnErrorNamingTheSettingAndSendsNothing() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpHandler counting = exchange -> {
            requests.incrementAndGet();
            json(200, HEALTHY).handle(exchange);
        };

        try (TlsTestServer server = TestSites.https(counting)) {
            Result result = kit(server.port()).setting("expect", "status = \"healthy\"").run().result();

            assertThat(result).isError()
                    .hasSummary("setting http.health.expect is invalid: use '==' to compare at column 8")
                    .hasDetail("setting", "http.health.expect")
                    .hasDetail("column", 8);
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void redirectFailsNamingWhereItLeads() {
        HttpHandler redirecting = TestRoutes.builder().on("/health", TestRoutes.redirect(301, "/health/"))
                .on("/health/", json(200, HEALTHY)).build();

        Result result = check(redirecting);

        assertThat(result).isFail().hasSummaryContaining("GET /health answered 301, a redirect to https://shop.test:")
                .hasSummaryContaining("/health/")
                .hasRemediationContaining("do not follow redirects");
    }

    @Test
    void pathMayBeAUrlOnTheSameHostButNotAnotherHostNorCarryCredentials() throws Exception {
        try (TlsTestServer server = TestSites.https(TestRoutes.builder().on("/ops/ready", TestRoutes.reply(200)).build())) {
            assertThat(kit(server.port()).setting("path", "https://shop.test:" + server.port() + "/ops/ready?token=t0k3n")
                    .run().result()).isPass().hasSummaryContaining("GET /ops/ready?… answered 200")
                    .containsNoText("t0k3n");
            assertThat(kit(server.port()).setting("path", "https://elsewhere.test/health").run().result()).isError()
                    .hasSummaryContaining("setting http.health.path must be a path such as /health or a URL on shop.test");
            assertThat(kit(server.port()).setting("path", "https://ops:hunter2-pw@shop.test:" + server.port()
                    + "/ops/ready").run().result()).isError()
                    .hasSummaryContaining("without credentials").containsNoText("hunter2-pw");
            assertThatThrownBy(() -> new HealthProbe().check(kit(server.port()).setting("path", "https://ops:hunter2-pw@shop.test:"
                    + server.port() + "/ops/ready").context())).isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("http.health.path").hasMessageNotContaining("hunter2-pw");
        }
    }

    @Test
    void oneUnhealthyNodeAmongTwoFailsAndIsNamed() throws IOException {
        InetAddress first = InetAddress.getByName("127.0.0.1");
        InetAddress second = InetAddress.getByName("127.0.0.2");
        try (TlsTestServer good = TestSites.https(json(200, HEALTHY), first, 0);
                TlsTestServer bad = TestSites.https(json(503, "{\"status\":\"DOWN\"}"), second, good.port())) {
            NetworkSettings network = NetworkSettings.builder()
                    .hostOverride(new HostOverride(TestSites.HOST, good.port(), first))
                    .hostOverride(new HostOverride(TestSites.HOST, good.port(), second))
                    .trust(TestSites.network().extraTrustedCertificates()).build();

            Result result = ProbeTestKit.forProbe(new HealthProbe())
                    .target(Target.web("https://" + TestSites.HOST + ":" + good.port() + "/")).network(network)
                    .setting("expect", "status == \"healthy\"").run().result();

            assertThat(result).isFail().hasSummaryContaining("on 127.0.0.2 of 2 addresses: GET /health answered 503")
                    .hasDetail("address", "127.0.0.2")
                    .hasDetail("addresses", List.of("127.0.0.1", "127.0.0.2"));
            assertThat((List<?>) result.details().get("perAddress")).first().asString().startsWith("127.0.0.1: PASS");
        }
    }

    @Test
    void valueEchoedFromTheBodyIsRedactedByTheRunner() {
        String secret = "pl4nted-Secret-9f3";
        try (TlsTestServer server = TestSites.https(json(200, "{\"status\":\"" + secret + "\"}"))) {
            ProbeTestKit kit = ProbeTestKit.forProbe(new HealthProbe())
                    .target(Target.web("https://deploy:" + secret + "@" + TestSites.HOST + ":" + server.port() + "/"))
                    .network(TestSites.network(server.port())).setting("expect", "status == \"healthy\"");

            Result result = kit.run().result();

            assertThat(result).isFail().hasSummaryContaining("status is").containsNoText(secret);
        }
    }

    private static Result check(HttpHandler site, String... settings) {
        try (TlsTestServer server = TestSites.https(site)) {
            ProbeTestKit kit = kit(server.port());
            for (int i = 0; i < settings.length; i += 2) {
                kit.setting(settings[i], settings[i + 1]);
            }
            return kit.run().result();
        }
    }

    private static ProbeTestKit kit(int port) {
        return TestSites.kit(new HealthProbe(), "https://" + TestSites.HOST + ":" + port + "/", port);
    }

    private static HttpHandler json(int status, String body) {
        return TestRoutes.builder().on("/health", TestRoutes.reply(status).header("Content-Type", "application/json")
                .body(body)).build();
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }
}
