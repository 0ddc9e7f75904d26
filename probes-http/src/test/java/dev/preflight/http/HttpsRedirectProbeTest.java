package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HttpTestServer;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The target is {@code https://shop.test:HTTPS/}; its plain side is a loopback HTTP server whose
 * port the setting {@code http-port} names, both ports sent to 127.0.0.1 by host overrides.
 */
class HttpsRedirectProbeTest {
    private static TlsTestServer https;
    private static String httpsUrl;

    @BeforeAll
    static void startTheHttpsSite() {
        https = TestSites.https(TestRoutes.reply(200).body("<html>shop</html>"));
        httpsUrl = "https://shop.test:" + https.port() + "/";
    }

    @AfterAll
    static void stopTheHttpsSite() {
        https.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 308})
    void permanentRedirectToHttpsPasses(int status) {
        Result result = check(TestRoutes.redirect(status, httpsUrl));

        assertThat(result).isPass().hasSummaryContaining("redirects permanently (" + status + ") to " + httpsUrl)
                .hasDetail("status", status)
                .hasDetail("location", httpsUrl)
                .hasDetail("address", "127.0.0.1");
        assertThat((List<?>) result.details().get("hops")).singleElement().asString().startsWith(status + " http://shop.test:");
        assertThat(result.details()).doesNotContainKey("notes");
    }

    @ParameterizedTest
    @CsvSource({"302, '302, a temporary redirect'", "307, '307, a temporary redirect'", "303, '303 See Other'",
            "300, '300, not a permanent redirect status'"})
    void nonPermanentRedirectWarns(int status, String says) {
        Result result = check(TestRoutes.redirect(status, httpsUrl));

        assertThat(result).isWarn().hasSummaryContaining("redirects to https:// with " + says)
                .hasRemediationContaining("Use 301 or 308").hasDetail("status", status);
    }

    @Test
    void contentServedOverPlainHttpFails() {
        Result result = check(TestRoutes.reply(200).body("<html>the whole shop, in clear</html>"));

        assertThat(result).isFail().hasSummaryContaining("serves content over plain HTTP (200) instead of redirecting")
                .hasRemediationContaining("return 301 https://$host$request_uri").hasDetail("status", 200);
    }

    @Test
    void chainOverPlainHttpThatReachesHttpsWarns() {
        Result result = check(TestRoutes.builder()
                .on("/", redirect(301, port -> "http://shop.test:" + port + "/step"))
                .on("/step", TestRoutes.redirect(301, httpsUrl)).build());

        assertThat(result).isWarn().hasSummaryContaining("reaches https:// only after 1 more redirect over plain HTTP")
                .hasRemediationContaining("HSTS preload");
        assertThat((List<?>) result.details().get("hops")).hasSize(2);
    }

    @Test
    void chainThatNeverLeavesPlainHttpFailsAfterFiveHops() {
        Result result = check(exchange -> {
            int n = exchange.getRequestURI().getPath().length();
            redirect(302, port -> "http://shop.test:" + port + "/" + "x".repeat(n)).handle(exchange);
        });

        assertThat(result).isFail().hasSummaryContaining("still on plain HTTP after 5 redirects");
        assertThat((List<?>) result.details().get("hops")).hasSize(5);
    }

    @Test
    void loopOverPlainHttpFails() {
        Result result = check(TestRoutes.builder()
                .on("/", TestRoutes.redirect(301, "/a"))
                .on("/a", TestRoutes.redirect(301, "/")).build());

        assertThat(result).isFail().hasSummaryContaining("redirect loop over plain HTTP");
    }

    @Test
    void plainRedirectsEndingInAnErrorFail() {
        Result result = check(TestRoutes.builder().on("/", TestRoutes.redirect(301, "/gone")).build());

        assertThat(result).isFail().hasSummaryContaining("which answers 404 without reaching https://");
    }

    @Test
    void redirectToAnotherHostFailsUnlessAllowed() {
        HttpHandler elsewhere = TestRoutes.redirect(301, "https://other.test/");

        assertThat(check(elsewhere)).isFail().hasSummaryContaining("redirects to another host, other.test")
                .hasRemediationContaining("allowed-hosts");
        try (HttpTestServer http = TestSites.http(elsewhere)) {
            assertThat(kit(http.port()).setting("allowed-hosts", "Other.Test").run().result()).isPass();
        }
    }

    @Test
    void redirectToTheWwwHostPasses() {
        Result result = check(TestRoutes.redirect(301, "https://www.shop.test/"));

        assertThat(result).isPass().hasDetail("location", "https://www.shop.test/");
        assertThat((List<?>) result.details().get("notes")).singleElement().asString().contains("HSTS preload");
    }

    @Test
    void plainHopToAnotherAllowedHostIsFollowedThroughItsOwnAddress() {
        AtomicInteger edgeRequests = new AtomicInteger();
        try (HttpTestServer edge = TestSites.http(exchange -> {
            edgeRequests.incrementAndGet();
            TestRoutes.redirect(301, httpsUrl).handle(exchange);
        }); HttpTestServer http = TestSites.http(TestRoutes.redirect(301, "http://edge.test:" + edge.port() + "/"))) {
            NetworkSettings network = TestSites.network(https.port(), http.port()).toBuilder()
                    .hostOverride(new HostOverride("edge.test", edge.port(), InetAddress.getLoopbackAddress())).build();

            Result result = ProbeTestKit.forProbe(new HttpsRedirectProbe()).target(Target.web(httpsUrl)).network(network)
                    .setting("http-port", String.valueOf(http.port())).setting("allowed-hosts", "edge.test").run().result();

            assertThat(result).isWarn().hasSummaryContaining("only after 1 more redirect");
            assertThat(edgeRequests).hasValue(1);
            assertThat((List<?>) result.details().get("hops")).last().asString().contains("http://edge.test:" + edge.port());
        }
    }

    @Test
    void closedHttpPortPassesWithANote() {
        int closed;
        try (ContractTargets targets = ContractTargets.open()) {
            String unreachable = targets.unreachable();
            closed = Integer.parseInt(unreachable.substring(unreachable.lastIndexOf(':') + 1));
        }

        Result result = kit(closed).run().result();

        assertThat(result).isPass().hasSummaryContaining("nothing listens on http://shop.test:" + closed + "/")
                .hasDetail("portClosed", true);
        assertThat((List<?>) result.details().get("notes")).anySatisfy(n -> assertThat(n).asString().contains("HSTS"));
    }

    @Test
    void errorStatusOverPlainHttpWarns() {
        assertThat(check(TestRoutes.reply(404).body("no"))).isWarn()
                .hasSummaryContaining("answers 404 instead of redirecting to https://");
    }

    @Test
    void redirectStatusWithoutLocationWarns() {
        assertThat(check(TestRoutes.reply(301))).isWarn().hasSummaryContaining("answers 301 without a Location header");
    }

    @Test
    void redirectToAnotherSchemeFails() {
        assertThat(check(TestRoutes.redirect(301, "ftp://shop.test/"))).isFail()
                .hasSummaryContaining("redirects to ftp://shop.test/, not to https://");
    }

    @Test
    void unparsableLocationFails() {
        assertThat(check(TestRoutes.redirect(301, "https://shop test/ spaces"))).isFail()
                .hasSummaryContaining("a Location that is not a valid URL");
    }

    @Test
    void targetPathIsAskedAndCredentialsNeverGoOverPlainHttp() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (HttpTestServer http = TestSites.http(exchange -> {
            seen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            TestRoutes.redirect(301, httpsUrl + "account").handle(exchange);
        })) {
            Result result = TestSites.kit(new HttpsRedirectProbe(), "https://deploy:hunter2-planted@shop.test:" + https.port()
                    + "/account?tab=orders", https.port(), http.port()).setting("http-port", String.valueOf(http.port()))
                    .run().result();

            assertThat(result).isPass().containsNoText("hunter2-planted");
            assertThat(seen).containsExactly("/account null");
        }
    }

    @Test
    void anHttpTargetIsCheckedAsIs() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (HttpTestServer http = TestSites.http(exchange -> {
            seen.add(exchange.getRequestURI().toString());
            TestRoutes.redirect(308, "https://shop.test/shop").handle(exchange);
        })) {
            Result result = TestSites.kit(new HttpsRedirectProbe(), "http://shop.test:" + http.port() + "/shop?x=1",
                    http.port()).setting("http-port", "1").run().result();

            assertThat(result).isPass().hasSummaryContaining("redirects permanently (308)");
            assertThat(seen).containsExactly("/shop?x=1");
        }
    }

    @Test
    void anHttpTargetThatRefusesIsAnError() {
        String unreachable;
        try (ContractTargets targets = ContractTargets.open()) {
            unreachable = targets.unreachable();
        }

        assertThat(ProbeTestKit.forProbe(new HttpsRedirectProbe()).target(Target.web("http://" + unreachable + "/"))
                .run().result()).isError().hasSummaryContaining("connection refused");
    }

    @Test
    void oneNodeServingContentFailsAndIsNamed() throws IOException {
        InetAddress first = InetAddress.getByName("127.0.0.1");
        InetAddress second = InetAddress.getByName("127.0.0.2");
        try (HttpTestServer good = HttpTestServer.start(TestRoutes.redirect(301, httpsUrl), first, 0);
                HttpTestServer bad = HttpTestServer.start(TestRoutes.reply(200).body("clear"), second, good.port())) {
            NetworkSettings.Builder network = NetworkSettings.builder();
            for (int port : new int[] {https.port(), good.port()}) {
                network.hostOverride(new HostOverride(TestSites.HOST, port, first))
                        .hostOverride(new HostOverride(TestSites.HOST, port, second));
            }

            Result result = ProbeTestKit.forProbe(new HttpsRedirectProbe()).target(Target.web(httpsUrl))
                    .network(network.build()).setting("http-port", String.valueOf(good.port())).run().result();

            assertThat(result).isFail().hasSummaryContaining("on 127.0.0.2 of 2 addresses")
                    .hasSummaryContaining("serves content over plain HTTP").hasDetail("address", "127.0.0.2");
        }
    }

    @Test
    void anInvalidHttpPortIsAnError() {
        assertThat(kit(0).run().result()).isError().hasSummaryContaining("http-port must be a port number");
    }

    private static Result check(HttpHandler plainSide) {
        try (HttpTestServer http = TestSites.http(plainSide)) {
            return kit(http.port()).run().result();
        }
    }

    private static ProbeTestKit kit(int httpPort) {
        return TestSites.kit(new HttpsRedirectProbe(), httpsUrl, https.port(), httpPort)
                .setting("http-port", String.valueOf(httpPort));
    }

    /** A redirect whose target depends on the port the request came in on. */
    private static HttpHandler redirect(int status, IntFunction<String> location) {
        return exchange -> TestRoutes.redirect(status, location.apply(exchange.getLocalAddress().getPort())).handle(exchange);
    }
}
