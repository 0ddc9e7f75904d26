package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static dev.preflight.testsupport.TestRoutes.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code http.csrf} against real TLS sites for {@code shop.test} that answer a form post the way
 * Django, Rails, Laravel, an origin check or an unprotected endpoint do.
 */
class CsrfProbeTest {
    private static final String PASSWORD = "Kd8-deploy-password-never-shown";

    /** What the site saw of each request: method, path, Origin, Cookie, Authorization, Content-Type, body. */
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void djangoStyleRefusalPassesAndSaysWhatWasSent() {
        Result result = run(site(origin -> reply(403).body("<h1>Forbidden (403)</h1><p>CSRF verification failed."
                + " Request aborted.</p>")), "/account/email");

        assertThat(result).isPass().hasSummary("the endpoint refuses a POST without a CSRF token from a foreign origin")
                .hasDetail("paths", List.of("PASS /account/email: refused without a CSRF token (403 without Origin,"
                        + " 403 with a foreign one)"))
                .hasDetail("method", "POST");
        assertThat(String.valueOf(result.details().get("sent"))).contains("no cookies or credentials");
        assertThat(seen).containsExactly(
                "POST /account/email origin=null cookie=null authorization=null"
                        + " type=application/x-www-form-urlencoded body=preflight-csrf-check=1",
                "POST /account/email origin=https://preflight-csrf-check.invalid cookie=null authorization=null"
                        + " type=application/x-www-form-urlencoded body=preflight-csrf-check=1");
    }

    @Test
    void anOriginCheckPassesAndIsNamed() {
        Result result = run(site(origin -> origin == null ? reply(200).body("{\"ok\":true}")
                : reply(403).body("cross-origin request refused")), "/api/cart");

        assertThat(result).isPass().hasDetail("paths", List.of("PASS /api/cart: refuses a foreign Origin, accepts a"
                + " request without one (an origin check) (200 without Origin, 403 with a foreign one)"));
    }

    @Test
    void frameworkRefusalsWithTheirOwnStatusesPass() {
        assertThat(run(site(o -> reply(419).body("Page Expired")), "/profile")).as("Laravel").isPass();
        assertThat(run(site(o -> reply(422).body("ActionController::InvalidAuthenticityToken")), "/profile"))
                .as("Rails").isPass();
    }

    @Test
    void anAcceptedCrossSitePostFails() {
        Result accepted = run(site(o -> reply(200).body("{\"email\":\"changed\"}")), "/account/email");
        Result redirected = run(site(o -> reply(303).header("Location", "/account?saved=1")), "/account/email");

        assertThat(accepted).isFail().hasSummary("/account/email: accepted a cross-site POST without a CSRF token"
                + " (200 without Origin, 200 with a foreign one)").hasRemediationContaining("CSRF token");
        assertThat(redirected).isFail().hasSummaryContaining("accepted a cross-site POST");
    }

    @Test
    void answersThatSayNothingAboutCsrfAreNotAPass() {
        assertThat(run(site(o -> reply(401)), "/account/email")).isWarn().hasSummaryContaining("asks for a login first");
        assertThat(run(site(o -> reply(302).header("Location", "/login?next=/account")), "/account/email")).isWarn();
        assertThat(run(site(o -> reply(404)), "/nope")).isWarn().hasRemediationContaining("http.csrf.paths");
        assertThat(run(site(o -> reply(405)), "/account/email")).isWarn().hasSummaryContaining("not found for POST");
        assertThat(run(site(o -> reply(422).body("{\"email\":[\"is invalid\"]}")), "/account/email")).isWarn()
                .hasSummaryContaining("neither accepted nor refused");
        assertThat(run(site(o -> reply(500).body("Internal Server Error")), "/account/email")).isError();
    }

    @Test
    void theTargetsCredentialsAreNeverSent() {
        HttpHandler site = site(o -> reply(403).body("CSRF"));
        try (TlsTestServer server = TestSites.https(site)) {
            Result result = TestSites.kit(new CsrfProbe(), "https://ops:" + PASSWORD + "@shop.test:" + server.port()
                    + "/", server.port()).setting("paths", "/account/email").setting("method", "delete").allowWrites(true).run().result();

            assertThat(result).isPass().hasDetail("method", "DELETE").containsNoText(PASSWORD);
        }
        assertThat(seen).allMatch(s -> s.startsWith("DELETE ") && s.contains("authorization=null"));
    }

    @Test
    void noPathsSkipAndAnUnknownMethodIsAnInvalidSetting() {
        HttpHandler site = site(o -> reply(403));
        assertThat(run(site, null)).isSkip().hasSummaryContaining("set http.csrf.paths");
        assertThat(run(site, "/account/YOUR_ENDPOINT_HERE")).isSkip().hasSummaryContaining("template");
        try (TlsTestServer server = TestSites.https(site)) {
            Result result = TestSites.kit(new CsrfProbe(), "https://shop.test:" + server.port() + "/", server.port())
                    .setting("paths", "/a").setting("method", "GET").allowWrites(true).run().result();
            assertThat(result).isError().hasSummaryContaining("http.csrf.method");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void notNamedItSendsNothing() {
        try (TlsTestServer server = TestSites.https(site(o -> reply(200)))) {
            Result result = TestSites.kit(new CsrfProbe(), "https://shop.test:" + server.port() + "/", server.port())
                    .setting("paths", "/account/email").run().result();

            assertThat(result).isSkip().hasSummaryContaining("not run");
        }
        assertThat(seen).isEmpty();
    }

    private HttpHandler site(Function<String, HttpHandler> byOrigin) {
        return exchange -> {
            record(exchange);
            byOrigin.apply(exchange.getRequestHeaders().getFirst("Origin")).handle(exchange);
        };
    }

    private void record(HttpExchange exchange) throws IOException {
        var h = exchange.getRequestHeaders();
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " origin=" + h.getFirst("Origin")
                + " cookie=" + h.getFirst("Cookie") + " authorization=" + h.getFirst("Authorization")
                + " type=" + h.getFirst("Content-Type")
                + " body=" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Result run(HttpHandler site, String paths) {
        try (TlsTestServer server = TestSites.https(site)) {
            ProbeTestKit kit = TestSites.kit(new CsrfProbe(), "https://shop.test:" + server.port() + "/", server.port())
                    .allowWrites(true);
            if (paths != null) {
                kit.setting("paths", paths);
            }
            return kit.run().result();
        }
    }
}
