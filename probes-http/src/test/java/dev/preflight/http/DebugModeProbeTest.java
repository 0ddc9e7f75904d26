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
import org.junit.jupiter.api.Test;

/** {@code http.debug-mode} against real TLS sites for {@code shop.test} with debug and clean error pages. */
class DebugModeProbeTest {
    private static final String SECRET_KEY = "django-insecure-8f3k2l1m0n9b8v7c6x5z";
    private static final String DJANGO_404 = "<!DOCTYPE html><html><head><title>Page not found at /x</title></head>"
            + "<body><h1>Page not found <span>(404)</span></h1><p>Using the URLconf defined in <code>shop.urls</code>,"
            + " Django tried these URL patterns, in this order:</p><ol><li>admin/</li></ol><p>SECRET_KEY = '"
            + SECRET_KEY + "'</p><p>You're seeing this error because you have <code>DEBUG = True</code> in your Django"
            + " settings file. Change that to False, and Django will display a standard 404 page.</p></body></html>";
    private static final String WHITELABEL_WITH_TRACE = "<html><body><h1>Whitelabel Error Page</h1><p>This application"
            + " has no explicit mapping for /error, so you are seeing this as a fallback.</p><div>There was an unexpected"
            + " error (type=Internal Server Error, status=500).</div><div style='white-space:pre-wrap;'>"
            + "java.lang.NumberFormatException: For input string: \"abc\"\n\tat java.base/java.lang.Integer.parseInt"
            + "(Integer.java:668)\n\tat com.shop.OrderController.get(OrderController.java:31)\n\tat org.springframework"
            + ".web.servlet.FrameworkServlet.service(FrameworkServlet.java:883)\n</div></body></html>";

    @Test
    void djangoDebugNotFoundPageFails() {
        Result result = run(TestRoutes.builder().otherwise(reply(404).header("Content-Type", "text/html")
                .body(DJANGO_404)).build());

        assertThat(result).isFail()
                .hasSummary("Django with DEBUG = True shows its debug page for a path that does not exist (status 404)")
                .hasRemediationContaining("DEBUG = False")
                .hasDetail("framework", "Django with DEBUG = True")
                .hasDetail("status", 404)
                .containsNoText(SECRET_KEY, "URLconf", "shop.urls");
        assertThat((String) result.details().get("path")).matches("/preflight-[0-9a-f]{16}-not-found");
    }

    @Test
    void whitelabelPageWithATraceAtAConfiguredErrorPathFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/api/orders/abc", reply(500).header("Content-Type", "text/html").body(WHITELABEL_WITH_TRACE))
                .otherwise(reply(404).body("<html><h1>Whitelabel Error Page</h1><div>status=404</div></html>"))
                .build();

        Result result = run(site, "error-paths", "/api/orders/abc");

        assertThat(result).isFail()
                .hasSummary("Spring Boot with stack traces shows its debug page at /api/orders/abc (status 500)")
                .hasRemediationContaining("server.error.include-stacktrace=never")
                .hasDetail("path", "/api/orders/abc")
                .containsNoText("NumberFormatException", "OrderController");
        assertThat(result.details().get("checked")).asString().contains("/api/orders/abc");
    }

    @Test
    void debuggerOnTheLandingPageFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(500).body("<title>KeyError // Werkzeug Debugger</title>"
                        + "<script src=\"?__debugger__=yes&amp;cmd=resource&amp;f=debugger.js\"></script>"))
                .build();

        assertThat(run(site)).isFail().hasSummary("Werkzeug debugger shows its debug page as the landing page (status 500)");
    }

    @Test
    void cleanNotFoundPagePasses() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).body("<html><h1>Shop</h1></html>"))
                .otherwise(reply(404).body("<html><h1>Not Found</h1><p>Nothing here.</p></html>"))
                .build();

        Result result = run(site, "error-paths", "/api/orders/abc, /search?q=%27");

        assertThat(result).isPass().hasSummary("no debug or development error page among 4 pages");
        assertThat(result.details().get("checked")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(4).contains("/api/orders/abc", "/search", "/");
    }

    @Test
    void errorPathWhoseConnectionDropsIsSetAside() {
        HttpHandler site = TestRoutes.builder()
                .on("/crash", exchange -> {
                    throw new java.io.IOException("worker died");
                })
                .build();

        assertThat(run(site, "error-paths", "/crash")).isPass().hasDetail("unanswered", List.of("/crash"));
    }

    private static Result run(HttpHandler site, String... settings) {
        try (TlsTestServer server = TestSites.https(site)) {
            ProbeTestKit kit = TestSites.kit(new DebugModeProbe(), "https://shop.test:" + server.port() + "/",
                    server.port());
            for (int i = 0; i < settings.length; i += 2) {
                kit.setting(settings[i], settings[i + 1]);
            }
            return kit.run().result();
        }
    }
}
