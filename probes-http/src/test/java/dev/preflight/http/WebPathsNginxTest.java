package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.NginxServer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The path probes and {@code http.static-assets} against a private nginx (the Debian package) on a
 * plain-HTTP {@code shop.test}, configured as sites are: {@code auth_basic}, static files by
 * {@code alias}, {@code return} answers, gzip on or off, {@code expires max}, an origin check.
 */
class WebPathsNginxTest {
    private static final String PASSWORD = "nginx-admin-password-4c1e";
    private static final String CSS = "body{margin:0;font-family:system-ui}\n".repeat(60);
    private static final String PAGE = "<!doctype html><html><head><title>Shop</title>"
            + "<link rel=\"stylesheet\" href=\"/assets/index-BQx12fZk.css\">"
            + "<script src=\"/static/js/main.3f2a9c1b.js\"></script></head><body><h1>Shop</h1></body></html>";

    @BeforeAll
    static void needsNginx() {
        NginxServer.assumeAvailable();
    }

    @Test
    void authBasicProtectsButAReturnInTheSameLocationBypassesIt() throws IOException {
        try (NginxServer nginx = start(true)) {
            Result result = kit(nginx, new ProtectedPathsProbe()).setting("paths", "/admin/, /api/v1/orders/, /gone/")
                    .run().result();

            // nginx runs return (rewrite phase) before auth_basic (access phase): the orders API is open.
            assertThat(result).isFail().hasSummary("/api/v1/orders/: answers 200 without credentials")
                    .hasDetail("paths", List.of("PASS /admin/: refused (401)",
                            "FAIL /api/v1/orders/: answers 200 without credentials", "WARN /gone/: not found (404)"))
                    .containsNoText(PASSWORD, "alice@");
        }
    }

    @Test
    void legalPagesServedAsFilesPassAndAMissingRobotsTxtFails() throws IOException {
        try (NginxServer nginx = start(true)) {
            Result result = kit(nginx, new ReachablePathsProbe()).setting("paths", "/privacy, /terms, /robots.txt")
                    .run().result();

            assertThat(result).isFail().hasSummary("/robots.txt: not found (404)")
                    .hasDetail("paths", List.of("PASS /privacy: answers 200", "PASS /terms: answers 200 after 1 redirect",
                            "FAIL /robots.txt: not found (404)"));
        }
    }

    @Test
    void expiresMaxAndGzipPassWhileABareServerFails() throws IOException {
        try (NginxServer tuned = start(true); NginxServer bare = start(false)) {
            Result good = kit(tuned, new StaticAssetsProbe()).run().result();
            Result poor = kit(bare, new StaticAssetsProbe()).run().result();

            assertThat(good).isPass().hasDetail("assets", List.of(
                    "PASS /static/js/main.3f2a9c1b.js: fingerprinted, cached 10 years, too small to compress",
                    "PASS /assets/index-BQx12fZk.css: fingerprinted, cached 10 years, gzip"));
            assertThat(poor).isFail().hasDetail("assets", List.of(
                    "FAIL /static/js/main.3f2a9c1b.js: fingerprinted but no cache lifetime (no Cache-Control max-age or"
                            + " Expires), too small to compress",
                    "FAIL /assets/index-BQx12fZk.css: fingerprinted but no cache lifetime (no Cache-Control max-age or"
                            + " Expires), not compressed"));
        }
    }

    @Test
    void anOriginCheckPassesAndAnOpenEndpointFails() throws IOException {
        try (NginxServer nginx = start(true)) {
            Result result = kit(nginx, new CsrfProbe()).allowWrites(true)
                    .setting("paths", "/account/email, /api/cart").run().result();

            assertThat(result).isFail().hasSummary("/api/cart: accepted a cross-site POST without a CSRF token (200"
                    + " without Origin, 200 with a foreign one)")
                    .hasDetail("paths", List.of("PASS /account/email: refuses a foreign Origin, accepts a request"
                            + " without one (an origin check) (200 without Origin, 403 with a foreign one)",
                            "FAIL /api/cart: accepted a cross-site POST without a CSRF token (200 without Origin, 200"
                                    + " with a foreign one)"));
        }
    }

    private static ProbeTestKit kit(NginxServer nginx, Probe probe) {
        return TestSites.kit(probe, "http://shop.test:" + nginx.httpPort() + "/", nginx.httpPort());
    }

    private static NginxServer start(boolean tuned) throws IOException {
        String caching = tuned ? "expires max;" : "";
        return NginxServer.builder()
                .file("htpasswd", "admin:{PLAIN}" + PASSWORD + "\n")
                .file("admin.html", "<h1>Admin</h1>")
                .file("privacy.html", "<html><title>Privacy policy</title><h1>Privacy</h1></html>")
                .file("terms.html", "<html><title>Terms of service</title></html>")
                .http("server {\n"
                        + "    listen 127.0.0.1:${httpPort};\n"
                        + "    server_name shop.test;\n"
                        + "    gzip " + (tuned ? "on" : "off") + ";\n"
                        + "    gzip_min_length 256;\n"
                        + "    gzip_types text/css application/javascript;\n"
                        + "    location = / { default_type text/html; return 200 '" + PAGE + "'; }\n"
                        + "    location = /assets/index-BQx12fZk.css { default_type text/css; " + caching
                        + " return 200 '" + CSS + "'; }\n"
                        + "    location = /static/js/main.3f2a9c1b.js { default_type application/javascript; " + caching
                        + " return 200 'console.log(1);'; }\n"
                        + "    location = /admin/ { auth_basic \"admin\"; auth_basic_user_file ${dir}/htpasswd;"
                        + " default_type text/html; alias ${dir}/admin.html; }\n"
                        + "    location /api/v1/orders/ { auth_basic \"api\"; auth_basic_user_file ${dir}/htpasswd;"
                        + " default_type application/json; return 200 '{\"orders\":[{\"email\":\"alice@shop.test\"}]}'; }\n"
                        + "    location = /privacy { default_type text/html; alias ${dir}/privacy.html; }\n"
                        + "    location = /terms { return 301 /legal/terms; }\n"
                        + "    location = /legal/terms { default_type text/html; alias ${dir}/terms.html; }\n"
                        + "    location = /account/email { if ($http_origin != \"\") { return 403; }"
                        + " default_type application/json; return 200 '{\"ok\":true}'; }\n"
                        + "    location = /api/cart { default_type application/json; return 200 '{\"ok\":true}'; }\n"
                        + "    location / { return 404; }\n"
                        + "}\n")
                .start();
    }
}
