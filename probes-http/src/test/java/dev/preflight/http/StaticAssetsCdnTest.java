package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static dev.preflight.testsupport.TestRoutes.reply;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.HttpTestServer;
import dev.preflight.testsupport.TestRoutes;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code http.static-assets} names the CDN the site's host points at, from its CNAME as a private
 * knotd serves it: {@code www.shop.test} is a CNAME to Cloudflare's edge domain, whose zone (served
 * by the same knotd) leads back to the loopback server.
 */
class StaticAssetsCdnTest {
    private static final HttpHandler SITE = TestRoutes.builder()
            .on("/", reply(200).header("Content-Type", "text/html")
                    .body("<html><script src=\"/main.3f2a9c1b.js\"></script></html>"))
            .on("/main.3f2a9c1b.js", reply(200).header("Content-Type", "application/javascript")
                    .header("Cache-Control", "max-age=31536000, immutable").body("x"))
            .build();

    @BeforeAll
    static void needsKnot() {
        DnsTestServer.assumeAvailable();
    }

    @Test
    void aCnameToACdnEdgeDomainIsNamed() throws IOException {
        try (HttpTestServer web = HttpTestServer.start(SITE);
                DnsTestServer dns = DnsTestServer.builder()
                        .zone(DnsZone.named("shop.test").cname("www", "www.shop.test.cdn.cloudflare.net."))
                        .zone(DnsZone.named("cdn.cloudflare.net").a("www.shop.test", "127.0.0.1"))
                        .start()) {
            Result result = ProbeTestKit.forProbe(new StaticAssetsProbe())
                    .target(Target.web("http://www.shop.test:" + web.port() + "/"))
                    .network(NetworkSettings.builder().dnsServer(dns.address()).build()).run().result();

            assertThat(result).isPass().hasDetail("cdn", "Cloudflare (CNAME www.shop.test.cdn.cloudflare.net)");
        }
    }

    @Test
    void aHostWithoutCnameShowsNoCdn() throws IOException {
        try (HttpTestServer web = HttpTestServer.start(SITE);
                DnsTestServer dns = DnsTestServer.builder().zone(DnsZone.named("shop.test").a("www", "127.0.0.1"))
                        .start()) {
            Result result = ProbeTestKit.forProbe(new StaticAssetsProbe())
                    .target(Target.web("http://www.shop.test:" + web.port() + "/"))
                    .network(NetworkSettings.builder().dnsServer(dns.address()).build()).run().result();

            assertThat(result).isPass().hasDetail("cdn", "none seen in response headers");
        }
    }
}
