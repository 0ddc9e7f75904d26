package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static dev.preflight.testsupport.TestRoutes.reply;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code http.reachable-paths} against real TLS sites for {@code shop.test}. */
class ReachablePathsProbeTest {
    private static final String SHELL = "<!doctype html><html><head><title>Shop</title></head><body><div id=\"root\">"
            + "</div><script src=\"/assets/index-BQx12fZk.js\"></script></body></html>";

    @Test
    void publicPagesAndFilesPassAfterSameSiteRedirects() {
        HttpHandler site = TestRoutes.builder()
                .on("/privacy", TestRoutes.redirect(301, "/legal/privacy"))
                .on("/legal/privacy", reply(200).body("<html><title>Privacy policy</title><h1>Privacy</h1></html>"))
                .on("/terms", reply(200).body("<html><title>Terms of service</title></html>"))
                .on("/robots.txt", reply(200).header("Content-Type", "text/plain").body("User-agent: *\nAllow: /\n"))
                .build();

        Result result = run(site, "/privacy, /terms, /robots.txt");

        assertThat(result).isPass().hasSummary("all 3 paths are reachable without credentials")
                .hasDetail("paths", List.of("PASS /privacy: answers 200 after 1 redirect", "PASS /terms: answers 200",
                        "PASS /robots.txt: answers 200"));
    }

    @Test
    void missingRefusedAndBrokenPagesFail() {
        HttpHandler site = TestRoutes.builder()
                .on("/terms", reply(200).body("<html><title>Terms</title></html>"))
                .on("/affiliate-agreement", reply(403).body("Forbidden"))
                .on("/partners", TestRoutes.redirect(302, "/login?next=%2Fpartners"))
                .on("/privacy", reply(503).body("maintenance"))
                .build();

        Result result = run(site, "/terms, /affiliate-agreement, /partners, /privacy, /imprint");

        assertThat(result).isFail().hasSummary("/affiliate-agreement: refused (403): it must be public (and 3 more paths)")
                .hasRemediationContaining("Serve /affiliate-agreement to anyone")
                .hasRemediationContaining("server error")
                .hasDetail("paths", List.of("PASS /terms: answers 200",
                        "FAIL /affiliate-agreement: refused (403): it must be public",
                        "FAIL /partners: redirects to a login (https://shop.test:" + port(result) + "/login?…): it must"
                                + " be public",
                        "FAIL /privacy: answers 503", "FAIL /imprint: not found (404)"));
    }

    @Test
    void aCatchAllAnswerFailsForAFileAndWarnsForAnAppRoute() {
        HttpHandler site = exchange -> reply(200).header("Content-Type", "text/html").body(SHELL).handle(exchange);

        assertThat(run(site, "/robots.txt")).isFail()
                .hasSummary("/robots.txt: answers 200 with the page the site serves for every path: the file is missing");
        assertThat(run(site, "/privacy")).isWarn().hasSummaryContaining("cannot tell whether the page exists")
                .hasRemediationContaining("answer 404 for unknown paths");
    }

    @Test
    void aNotFoundPageServedWith200Fails() {
        HttpHandler site = TestRoutes.builder()
                .on("/terms", reply(200).body("<html><head><title>Page not found | Shop</title></head></html>"))
                .build();

        assertThat(run(site, "/terms")).isFail().hasSummary("/terms: answers 200 with a \"not found\" page");
    }

    @Test
    void redirectLoopsFailAndOtherSitesAreNotFollowed() {
        HttpHandler site = TestRoutes.builder()
                .on("/a", TestRoutes.redirect(302, "/b"))
                .on("/b", TestRoutes.redirect(302, "/a"))
                .on("/terms", TestRoutes.redirect(302, "https://legal.vendor.test/shop/terms"))
                .build();

        assertThat(run(site, "/a")).isFail().hasSummaryContaining("redirects in a loop");
        assertThat(run(site, "/terms")).isWarn().hasSummaryContaining("redirects to another site")
                .hasSummaryContaining("not followed");
    }

    @Test
    void apiDocsListedHereAreNamedAsAnExposedEndpointsSurface() {
        HttpHandler site = TestRoutes.builder()
                .on("/docs", reply(200).body("<html><div id=\"swagger-ui\"></div></html>"))
                .build();

        assertThat(run(site, "/docs")).isPass().hasDetail("exposedEndpointsSurfaces", List.of("/docs (swagger-ui)"));
    }

    @Test
    void noPathsOrTemplatePathsSkip() {
        assertThat(run(TestRoutes.builder().build(), null)).isSkip()
                .hasSummaryContaining("set http.reachable-paths.paths");
        assertThat(run(TestRoutes.builder().build(), "https://example.com/privacy")).isSkip()
                .hasSummaryContaining("template");
    }

    private static String port(Result result) {
        return result.subject().orElseThrow().replaceFirst(".*:", "");
    }

    private static Result run(HttpHandler site, String paths) {
        try (TlsTestServer server = TestSites.https(site)) {
            ProbeTestKit kit = TestSites.kit(new ReachablePathsProbe(), "https://shop.test:" + server.port() + "/",
                    server.port());
            if (paths != null) {
                kit.setting("paths", paths);
            }
            return kit.run().result();
        }
    }
}
