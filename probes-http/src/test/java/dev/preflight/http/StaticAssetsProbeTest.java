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

/**
 * {@code http.static-assets} against real TLS sites for {@code shop.test} built by the JDK's server,
 * which compresses nothing: caching, broken links, CDN headers, hostile headers and bodies. nginx's
 * gzip and {@code expires} are in {@link WebPathsNginxTest}.
 */
class StaticAssetsProbeTest {
    private static final String PAGE = "<!doctype html><html><head>"
            + "<link rel=\"stylesheet\" href=\"/assets/index-BQx12fZk.css\">"
            + "<script type=\"module\" src=\"/assets/index-Ck2p8RtZ.js\"></script>"
            + "<script src=\"https://js.stripe.com/v3/\"></script></head><body></body></html>";

    @Test
    void fingerprintedAssetsCachedForAYearPassAndTheCdnIsNamed() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).header("Content-Type", "text/html").body(PAGE))
                .on("/assets/index-BQx12fZk.css", reply(200).header("Content-Type", "text/css")
                        .header("Cache-Control", "public, max-age=31536000, immutable").header("cf-ray", "8a1b2c3d4e5f-AMS")
                        .body("body{margin:0}"))
                .on("/assets/index-Ck2p8RtZ.js", reply(200).header("Content-Type", "application/javascript")
                        .header("Cache-Control", "public, max-age=31536000").body("console.log(1)"))
                .build();

        Result result = run(site);

        assertThat(result).isPass()
                .hasSummary("2 same-origin assets cached for a year when fingerprinted, compressed when text")
                .hasDetail("assets", List.of(
                        "PASS /assets/index-Ck2p8RtZ.js: fingerprinted, cached 1 year, too small to compress",
                        "PASS /assets/index-BQx12fZk.css: fingerprinted, cached 1 year, immutable, too small to compress"))
                .hasDetail("withoutImmutable", List.of("/assets/index-Ck2p8RtZ.js"))
                .hasDetail("cdn", "Cloudflare")
                .hasDetail("crossOriginAssets", 1);
    }

    @Test
    void shortOrMissingLifetimesOfFingerprintedAssetsFail() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).header("Content-Type", "text/html").body(PAGE))
                .on("/assets/index-BQx12fZk.css", reply(200).header("Content-Type", "text/css")
                        .header("Cache-Control", "max-age=604800").body("a{}"))
                .on("/assets/index-Ck2p8RtZ.js", reply(200).header("Content-Type", "application/javascript")
                        .body("console.log(1)"))
                .build();

        Result result = run(site);

        assertThat(result).isFail()
                .hasSummary("/assets/index-Ck2p8RtZ.js: fingerprinted but no cache lifetime (no Cache-Control max-age"
                        + " or Expires), too small to compress")
                .hasRemediationContaining("max-age=31536000")
                .hasDetail("assets", List.of("FAIL /assets/index-Ck2p8RtZ.js: fingerprinted but no cache lifetime (no"
                        + " Cache-Control max-age or Expires), too small to compress",
                        "WARN /assets/index-BQx12fZk.css: fingerprinted but cached 7 days, under a year, too small to"
                                + " compress"));
    }

    @Test
    void malformedAndNoCacheHeadersGrantNothing() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).header("Content-Type", "text/html").body(PAGE))
                .on("/assets/index-BQx12fZk.css", reply(200).header("Content-Type", "text/css")
                        .header("Cache-Control", "max-age=\"one year\"").body("a{}"))
                .on("/assets/index-Ck2p8RtZ.js", reply(200).header("Content-Type", "application/javascript")
                        .header("Cache-Control", "no-cache, max-age=31536000").body("x"))
                .build();

        Result result = run(site);

        assertThat(result).isFail().hasDetail("assets", List.of(
                "FAIL /assets/index-Ck2p8RtZ.js: fingerprinted but not cached (no-cache, no-store or max-age=0), too"
                        + " small to compress",
                "FAIL /assets/index-BQx12fZk.css: fingerprinted but not cached (malformed max-age), too small to compress"));
    }

    @Test
    void largeUncompressedTextWarnsAndAHugeAssetIsReadOnlyUpToTheCap() {
        String big = "/* " + "x".repeat(5_000_000) + " */";
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).header("Content-Type", "text/html").body(PAGE))
                .on("/assets/index-BQx12fZk.css", reply(200).header("Content-Type", "text/css")
                        .header("Cache-Control", "max-age=31536000, immutable").body(big))
                .on("/assets/index-Ck2p8RtZ.js", reply(200).header("Content-Type", "application/javascript")
                        .header("Cache-Control", "max-age=31536000, immutable").body("x"))
                .build();

        Result result = run(site, "max-bytes", "65536");

        assertThat(result).isWarn()
                .hasSummary("/assets/index-BQx12fZk.css: fingerprinted, cached 1 year, not compressed although the"
                        + " client accepts gzip, br")
                .hasRemediationContaining("gzip_types");
    }

    @Test
    void unfingerprintedAssetsWarnThatNothingCanBeCachedLongAndBrokenLinksWarn() {
        String page = "<html><head><link rel=stylesheet href=/style.css><script src=/app.js></script></head></html>";
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).header("Content-Type", "text/html").body(page))
                .on("/style.css", reply(200).header("Content-Type", "text/css").body("a{}"))
                .build();

        Result result = run(site);

        assertThat(result).isWarn()
                .hasSummaryContaining("/app.js: answers 404: the page links a broken asset")
                .hasRemediationContaining("[contenthash]")
                .hasDetail("assets", List.of("WARN /app.js: answers 404: the page links a broken asset",
                        "PASS /style.css: not fingerprinted, caching not judged, too small to compress",
                        "WARN (every asset): no asset name carries a content hash (such as main.3f2a9c1b.js), so none"
                                + " can be cached for long without going stale after a deploy"));
    }

    @Test
    void aPageWithoutOwnAssetsSkips() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).header("Content-Type", "text/html")
                        .body("<html><script src=\"https://cdn.other.test/lib.js\"></script></html>"))
                .build();

        assertThat(run(site)).isSkip().hasSummaryContaining("no same-origin script")
                .hasSummaryContaining("1 from other origins");
    }

    private static Result run(HttpHandler site, String... settings) {
        try (TlsTestServer server = TestSites.https(site)) {
            ProbeTestKit kit = TestSites.kit(new StaticAssetsProbe(), "https://shop.test:" + server.port() + "/",
                    server.port());
            for (int i = 0; i < settings.length; i += 2) {
                kit.setting(settings[i], settings[i + 1]);
            }
            return kit.run().result();
        }
    }
}
