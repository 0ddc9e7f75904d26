package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static dev.preflight.testsupport.TestRoutes.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code http.protected-paths} against real TLS sites for {@code shop.test}. */
class ProtectedPathsProbeTest {
    private static final String PASSWORD = "Vq3-deploy-password-never-shown";
    private static final String ORDERS = "{\"orders\":[{\"id\":1,\"email\":\"alice@shop.test\"}]}";

    @Test
    void refusalsAndLoginRedirectsPass() {
        HttpHandler site = TestRoutes.builder()
                .on("/admin/", reply(401).header("WWW-Authenticate", "Basic realm=\"admin\""))
                .on("/internal/", reply(403).body("Forbidden"))
                .on("/billing/", TestRoutes.redirect(302, "/billing/home"))
                .on("/billing/home", TestRoutes.redirect(302, "/users/sign_in?next=%2Fbilling%2F"))
                .on("/sso/", TestRoutes.redirect(302, "https://idp.test/saml2/idp/SSOService.php?SAMLRequest=abc"))
                .build();

        Result result = run(site, "/admin/, /internal/, /billing/, /sso/");

        assertThat(result).isPass().hasSummary("all 4 paths refuse anonymous requests")
                .hasDetail("paths", List.of("PASS /admin/: refused (401)", "PASS /internal/: refused (403)",
                        "PASS /billing/: redirects to a login (https://shop.test:" + portOf(result) + "/users/sign_in?…)",
                        "PASS /sso/: redirects to a login (https://idp.test/saml2/idp/SSOService.php?…)"));
    }

    @Test
    void anApiAnsweringAnonymousRequestsFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/admin/", reply(401))
                .on("/api/v1/orders/", reply(200).header("Content-Type", "application/json").body(ORDERS))
                .build();

        Result result = run(site, "/admin/, /api/v1/orders/");

        assertThat(result).isFail().hasSummary("/api/v1/orders/: answers 200 without credentials")
                .hasRemediationContaining("Refuse anonymous requests to /api/v1/orders/")
                .containsNoText("alice@shop.test");
    }

    @Test
    void aSiteAnsweringItsAppShellForEveryPathWarnsThatItCannotSee() {
        HttpHandler site = exchange -> reply(200).header("Content-Type", "text/html")
                .body("<!doctype html><div id=\"root\"></div><script src=\"/main.js\"></script>").handle(exchange);

        Result result = run(site, "/api/v1/orders/");

        assertThat(result).isWarn().hasSummaryContaining("the page the site serves for every path")
                .hasRemediationContaining("answers 200 for everything");
    }

    @Test
    void aLoginFormServedWith200WarnsRatherThanPasses() {
        HttpHandler site = TestRoutes.builder()
                .on("/admin/", reply(200).body("<form method=post><input name=user><input type=\"password\" name=pw></form>"))
                .build();

        assertThat(run(site, "/admin/")).isWarn().hasSummaryContaining("login form");
    }

    @Test
    void missingPathsWarnAndServerErrorsAreErrorsButAnOpenPathStillFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/crash/", reply(502).body("Bad Gateway"))
                .on("/open/", reply(200).body("<h1>Admin dashboard</h1>"))
                .build();

        assertThat(run(site, "/gone/")).isWarn().hasSummary("/gone/: not found (404)")
                .hasRemediationContaining("http.protected-paths.paths");
        assertThat(run(site, "/gone/, /crash/")).isError().hasSummary("/crash/: answers 502: not verified");
        assertThat(run(site, "/gone/, /crash/, /open/")).isFail()
                .hasSummary("/open/: answers 200 without credentials")
                .hasDetail("paths", List.of("WARN /gone/: not found (404)", "ERROR /crash/: answers 502: not verified",
                        "FAIL /open/: answers 200 without credentials"));
    }

    @Test
    void noPathsOrTemplatePathsSkipWithHowToConfigure() {
        HttpHandler site = TestRoutes.builder().build();

        assertThat(run(site, null)).isSkip().hasSummaryContaining("set http.protected-paths.paths");
        assertThat(run(site, "/YOUR_ADMIN_PATH/")).isSkip().hasSummaryContaining("template");
        assertThat(run(site, "/admin/, https://your-domain.com/admin")).isSkip().hasSummaryContaining("template");
    }

    @Test
    void aPathOnAnotherHostIsAnInvalidSetting() {
        Result result = run(TestRoutes.builder().build(), "/admin/, https://other.test/admin");

        assertThat(result).isError().hasSummaryContaining("http.protected-paths.paths");
    }

    @Test
    void noCredentialsAreSentEvenWhenTheTargetUrlHasThem() {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpHandler site = exchange -> {
            if (exchange.getRequestURI().getPath().equals("/admin/")) {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
                reply(401).handle(exchange);
            } else {
                reply(404).handle(exchange);
            }
        };
        try (TlsTestServer server = TestSites.https(site)) {
            Result result = TestSites.kit(new ProtectedPathsProbe(), "https://ops:" + PASSWORD + "@shop.test:"
                    + server.port() + "/", server.port()).setting("paths", "/admin/").run().result();

            assertThat(result).isPass().containsNoText(PASSWORD);
        }
        assertThat(authorizations).containsOnly("null");
    }

    @Test
    void aPathThatHangsMeetsTheDeadlineAsAnErrorNamingWhatWasLeft() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        HttpHandler site = TestRoutes.builder()
                .on("/admin/", reply(401))
                .on("/slow/", exchange -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    reply(200).handle(exchange);
                })
                .build();
        try (TlsTestServer server = TestSites.https(site)) {
            ProbeOutcome outcome;
            try {
                outcome = TestSites.kit(new ProtectedPathsProbe(), "https://shop.test:" + server.port() + "/",
                        server.port()).timeout(Duration.ofSeconds(2)).setting("paths", "/admin/, /slow/, /later/").run();
            } finally {
                // Before the server closes: it waits for the hanging exchange.
                release.countDown();
            }

            assertThat(outcome.result()).isError()
                    .hasSummary("the deadline came after 1 of 3 paths, each as required")
                    .hasDetail("unasked", List.of("/slow/", "/later/"));
            assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void hostileAnswersBecomeVerdictsNotExceptions() {
        HttpHandler site = TestRoutes.builder()
                .on("/huge/", reply(200).body("<tr><td>order</td></tr>".repeat(400_000)))
                .on("/bad-location/", reply(302).header("Location", "http://[::1"))
                .on("/no-location/", reply(302))
                .build();

        Result result = run(site, "/huge/, /bad-location/, /no-location/");

        assertThat(result).isFail().hasSummary("/huge/: answers 200 without credentials")
                .hasDetail("paths", List.of("FAIL /huge/: answers 200 without credentials",
                        "WARN /bad-location/: answers 302, neither a refusal nor content: not verified",
                        "WARN /no-location/: answers 302, neither a refusal nor content: not verified"));
    }

    private static String portOf(Result result) {
        return result.subject().orElseThrow().replaceFirst(".*:", "");
    }

    static Result run(HttpHandler site, String paths) {
        try (TlsTestServer server = TestSites.https(site)) {
            ProbeTestKit kit = TestSites.kit(new ProtectedPathsProbe(), "https://shop.test:" + server.port() + "/",
                    server.port());
            if (paths != null) {
                kit.setting("paths", paths);
            }
            return kit.run().result();
        }
    }
}
