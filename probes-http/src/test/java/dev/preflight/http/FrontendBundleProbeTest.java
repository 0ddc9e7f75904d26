package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static dev.preflight.testsupport.TestRoutes.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code http.frontend-bundle} against real TLS sites for {@code shop.test} serving careless and clean bundles. */
class FrontendBundleProbeTest {
    private static final String SECRET = "sk_live_51HxQ2eKz9vT4bW7cR0aYq9Zx";
    private static final String LIVE_PUBLISHABLE = "pk_live_51HxQ2eKz9vT4bW7cR0aYabcd";

    @Test
    void secretKeyInASameOriginScriptFailsShowingOnlyTheMaskedKey() {
        HttpHandler site = TestRoutes.builder()
                .on("/", page("/static/app.js"))
                .on("/static/app.js", js("const stripe = require('stripe')('" + SECRET + "');"))
                .build();

        Result result = run(site);

        assertThat(result).isFail()
                .hasSummary("a Stripe secret key (sk_live_…q9Zx) in /static/app.js")
                .hasRemediationContaining("Roll the key")
                .hasDetail("findings", List.of("/static/app.js: Stripe secret key sk_live_…q9Zx"))
                .hasDetail("scripts", List.of("/static/app.js"))
                .containsNoText(SECRET, "51HxQ2eKz9vT4bW7cR0aY");
        assertThat(result.toString()).doesNotContain(SECRET);
    }

    @Test
    void testKeyInTheHtmlFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).header("Content-Type", "text/html").body("<html><script>Stripe('"
                        + "pk_test_TYooMQauvdEDq54NiTphI7jx');</script></html>"))
                .build();

        assertThat(run(site)).isFail()
                .hasSummary("a Stripe publishable test key (pk_test_…I7jx) in /")
                .hasRemediationContaining("live publishable keys")
                .containsNoText("pk_test_TYooMQauvdEDq54NiTphI7jx");
    }

    @Test
    void localhostApiBaseInAScriptFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/", page("/assets/index-4f2a.js"))
                .on("/assets/index-4f2a.js", js("const api=axios.create({baseURL:\"http://localhost:8080/api\"});"))
                .build();

        assertThat(run(site)).isFail()
                .hasSummary("a localhost URL (http://localhost:8080/api) in /assets/index-4f2a.js")
                .hasRemediationContaining("VITE_API_URL");
    }

    @Test
    void publicSourceMapWarns() {
        HttpHandler site = TestRoutes.builder()
                .on("/", page("/static/main.js", "/static/vendor.js"))
                .on("/static/main.js", js("console.log(1);\n//# sourceMappingURL=main.js.map\n"))
                .on("/static/main.js.map", reply(200).header("Content-Type", "application/json")
                        .body("{\"version\":3,\"file\":\"main.js\",\"sources\":[\"webpack:///src/App.tsx\"],"
                                + "\"sourcesContent\":[\"const secretSauce = 1;\"],\"mappings\":\"AAAA\"}"))
                .on("/static/vendor.js", js("var v;"))
                .on("/static/vendor.js.map", reply(200).body("{\"version\":3,\"sources\":[\"node_modules/x.js\"]}"))
                .build();

        Result result = run(site);

        assertThat(result).isWarn()
                .hasSummary("a public source map (/static/main.js.map) in /static/main.js (and 1 more finding)")
                .hasRemediationContaining("hidden-source-map")
                .hasDetail("findings", List.of("/static/main.js: public source map /static/main.js.map",
                        "/static/vendor.js: public source map /static/vendor.js.map"))
                .containsNoText("secretSauce", "App.tsx");
    }

    @Test
    void cleanBundlePasses() {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpHandler routes = TestRoutes.builder()
                .on("/", reply(200).header("Content-Type", "text/html").body("<html><script src=\"/static/app.js\">"
                        + "</script><script src=\"https://js.stripe.com/v3/\"></script></html>"))
                .on("/static/app.js", js("Stripe('" + LIVE_PUBLISHABLE + "'); fetch('/api/orders');"
                        + " new URL(p, 'http://localhost');"))
                // A catch-all answer for the .map: the SPA shell, not a source map.
                .otherwise(reply(200).header("Content-Type", "text/html").body("<html>shop</html>"))
                .build();

        Result result = run(exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            routes.handle(exchange);
        });

        assertThat(result).isPass()
                .hasSummary("no secret or test key, local address or public source map in / and 1 same-origin script")
                .hasDetail("scripts", List.of("/static/app.js"))
                .hasDetail("crossOriginScripts", 1)
                .hasDetail("findings", List.of());
        assertThat(asked).containsExactly("/", "/static/app.js", "/static/app.js.map");
    }

    @Test
    void scriptsBeyondTheLimitAreNotRead() {
        HttpHandler site = TestRoutes.builder()
                .on("/", page("/a.js", "/b.js", "/c.js"))
                .on("/a.js", js("var a;"))
                .on("/b.js", js("var b;"))
                .on("/c.js", js("var key='" + SECRET + "';"))
                .build();

        Result result = run(site, "max-scripts", "2");

        assertThat(result).isPass().hasDetail("scripts", List.of("/a.js", "/b.js")).hasDetail("skippedScripts", 1);
    }

    private static TestRoutes.Reply page(String... scripts) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head>");
        for (String s : scripts) {
            html.append("<script defer src=\"").append(s).append("\"></script>");
        }
        return reply(200).header("Content-Type", "text/html; charset=utf-8")
                .body(html.append("</head></html>").toString());
    }

    private static TestRoutes.Reply js(String code) {
        return reply(200).header("Content-Type", "text/javascript").body(code);
    }

    private static Result run(HttpHandler site, String... settings) {
        try (TlsTestServer server = TestSites.https(site)) {
            ProbeTestKit kit = TestSites.kit(new FrontendBundleProbe(), "https://shop.test:" + server.port() + "/",
                    server.port());
            for (int i = 0; i < settings.length; i += 2) {
                kit.setting(settings[i], settings[i + 1]);
            }
            return kit.run().result();
        }
    }
}
