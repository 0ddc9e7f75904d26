package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The probes that judge a site's page follow its redirects only within the site: a loop is said to
 * be a loop, and a redirect to another host is reported, never fetched and judged as the site's.
 */
class LandingRedirectsTest {
    private static TestRoutes.Reply page(String body) {
        return TestRoutes.reply(200).header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer").body(body);
    }

    @Test
    void aRedirectLoopIsSaidToBeALoopNotGradedAsThePage() {
        try (TlsTestServer site = TestSites.https(TestRoutes.builder()
                .on("/", TestRoutes.redirect(301, "/a"))
                .on("/a", TestRoutes.redirect(301, "/b"))
                .on("/b", TestRoutes.redirect(301, "/")).build())) {
            Result result = TestSites.kit(new SecurityHeadersProbe(), "https://shop.test:" + site.port() + "/",
                    site.port()).run().result();

            assertThat(result).isError().hasSummaryContaining("redirects in a loop")
                    .hasSummaryContaining("shop.test/ → shop.test/a → shop.test/b → shop.test/");
        }
    }

    @Test
    void aRedirectToAnotherHostIsReportedAndNeverFetched() throws UnknownHostException {
        AtomicInteger otherRequests = new AtomicInteger();
        try (TlsTestServer other = TestSites.https(exchange -> {
            otherRequests.incrementAndGet();
            page("someone else's page").handle(exchange);
        }, InetAddress.getByName("127.0.0.2"), 0);
                TlsTestServer site = TestSites.https(TestRoutes.redirect(302,
                        "https://login.other.test:" + other.port() + "/sso"))) {
            NetworkSettings network = TestSites.network(site.port()).toBuilder()
                    .hostOverride(new HostOverride("login.other.test", other.port(), InetAddress.getByName("127.0.0.2")))
                    .build();

            Result result = ProbeTestKit.forProbe(new SecurityHeadersProbe())
                    .target(Target.web("https://shop.test:" + site.port() + "/")).network(network).run().result();

            assertThat(result).isError().hasSummaryContaining("redirects to another site, https://login.other.test:")
                    .hasRemediationContaining("as a target of its own");
            assertThat(otherRequests).hasValue(0);
        }
    }

    @Test
    void aRedirectWithinTheSiteIsFollowedToThePage() {
        try (TlsTestServer site = TestSites.https(TestRoutes.builder()
                .on("/", TestRoutes.redirect(301, "/shop/"))
                .on("/shop/", page("<html>shop</html>")).build())) {
            Result result = TestSites.kit(new SecurityHeadersProbe(), "https://shop.test:" + site.port() + "/",
                    site.port()).run().result();

            assertThat(result.status()).isNotEqualTo(Status.ERROR);
            assertThat(result.summary()).doesNotContain("redirect");
        }
    }
}
