package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testsupport.HttpTestServer;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TlsTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real HTTPS (and one plain HTTP) sites on loopback setting cookies; every cookie carries the same
 * planted value, which must never appear in a result.
 */
class CookiesProbeTest {
    private static final String VALUE = "CookieValue-Planted-7Hq2Zr9";

    @Test
    void siteWithoutCookiesPasses() {
        assertThat(check(TestRoutes.reply(200).body("<html>"))).isPass().hasSummary("sets no cookies")
                .hasDetail("cookies", List.of());
    }

    @Test
    void wellFlaggedCookiesPass() {
        Result result = check(TestRoutes.reply(200)
                .header("Set-Cookie", "JSESSIONID=" + VALUE + "; Path=/; Secure; HttpOnly; SameSite=Lax")
                .header("Set-Cookie", "theme=" + VALUE + "; Secure; SameSite=Strict")
                .header("Set-Cookie", "XSRF-TOKEN=" + VALUE + "; Secure; SameSite=Lax"));

        assertThat(result).isPass().hasSummary("3 cookies are Secure and have SameSite, session cookies HttpOnly")
                .hasDetail("cookies", List.of("JSESSIONID (/): Secure, HttpOnly, SameSite=Lax",
                        "theme (/): Secure, SameSite=Strict", "XSRF-TOKEN (/): Secure, SameSite=Lax"));
    }

    @Test
    void cookieWithoutSecureOnAnHttpsSiteFails() {
        Result result = check(TestRoutes.reply(200).header("Set-Cookie", "cart=" + VALUE + "; SameSite=Lax"));

        assertThat(result).isFail().hasSummary("cookie cart (set by /) lacks Secure, so browsers also send it over plain HTTP")
                .hasRemediationContaining("proxy_cookie_flags");
    }

    @Test
    void sessionCookieWithoutHttpOnlyFails() {
        Result result = check(TestRoutes.reply(200).header("Set-Cookie", "connect.sid=" + VALUE + "; Secure; SameSite=Lax"));

        assertThat(result).isFail().hasSummaryContaining("session cookie connect.sid (set by /) lacks HttpOnly")
                .hasRemediationContaining("HttpOnly");
    }

    @Test
    void cookieWithoutSameSiteWarns() {
        Result result = check(TestRoutes.reply(200).header("Set-Cookie", "lang=" + VALUE + "; Secure"));

        assertThat(result).isWarn().hasSummary("cookie lang (set by /) has no SameSite attribute")
                .hasRemediationContaining("SameSite=Lax");
    }

    @Test
    void sameSiteNoneWithoutSecureFails() {
        Result result = check(TestRoutes.reply(200).header("Set-Cookie", "widget=" + VALUE + "; SameSite=None"));

        assertThat(result).isFail().hasSummaryContaining("lacks Secure").hasSummaryContaining("(and 1 more problem)");
        assertThat((List<?>) result.details().get("problems"))
                .anySatisfy(p -> assertThat(p).asString().contains("SameSite=None without Secure"));
    }

    @Test
    void brokenPrefixRulesFail() {
        Result result = check(TestRoutes.reply(200)
                .header("Set-Cookie", "__Host-id=" + VALUE + "; Secure; Path=/; Domain=shop.test; SameSite=Lax")
                .header("Set-Cookie", "__Secure-pref=" + VALUE + "; SameSite=Lax"));

        assertThat(result).isFail();
        assertThat((List<?>) result.details().get("problems")).anySatisfy(p -> assertThat(p).asString()
                .contains("__Host-id (set by /) has the __Host- prefix but a Domain attribute"))
                .anySatisfy(p -> assertThat(p).asString().contains("__Secure- prefix but no Secure"));
    }

    @Test
    void malformedLinesWarnAndAreListedWithoutTheirText() {
        Result result = check(TestRoutes.reply(200)
                .header("Set-Cookie", VALUE)
                .header("Set-Cookie", "=" + VALUE)
                .header("Set-Cookie", "ok=" + VALUE + "; Secure; SameSite=Lax"));

        assertThat(result).isWarn().hasSummaryContaining("Set-Cookie line 1 of / has no '=' between name and value")
                .hasDetail("malformed", List.of("Set-Cookie line 1 of / has no '=' between name and value",
                        "Set-Cookie line 2 of / has an empty cookie name"))
                .hasDetail("cookies", List.of("ok (/): Secure, SameSite=Lax"));
    }

    @Test
    void cookieSetByARedirectHopCounts() {
        Result result = check(TestRoutes.builder()
                .on("/", TestRoutes.reply(302).header("Location", "/home")
                        .header("Set-Cookie", "PHPSESSID=" + VALUE + "; Secure; SameSite=Lax"))
                .on("/home", TestRoutes.reply(200).body("home")).build());

        assertThat(result).isFail().hasSummaryContaining("session cookie PHPSESSID (set by /) lacks HttpOnly")
                .hasDetail("pages", List.of("302 /", "200 /home"));
    }

    @Test
    void extraPathsAreReadToo() {
        HttpHandler site = TestRoutes.builder()
                .on("/", TestRoutes.reply(200).body("home"))
                .on("/login", TestRoutes.reply(200).header("Set-Cookie", "auth=" + VALUE + "; SameSite=Lax")).build();
        try (TlsTestServer server = TestSites.https(site)) {
            Result without = kit(server).run().result();
            Result with = kit(server).setting("paths", "/login").run().result();

            assertThat(without).isPass();
            assertThat(with).isFail().hasSummaryContaining("cookie auth (set by /login) lacks Secure")
                    .hasDetail("pages", List.of("200 /", "200 /login")).containsNoText(VALUE);
        }
    }

    @Test
    void deletionsAreListedNotJudged() {
        Result result = check(TestRoutes.reply(200).header("Set-Cookie", "sid=; Max-Age=0")
                .header("Set-Cookie", "old=x; Expires=Thu, 01-Jan-1970 00:00:01 GMT"));

        assertThat(result).isPass().hasSummary("sets no cookies (only deletes 2)")
                .hasDetail("deleted", List.of("sid (/)", "old (/)"));
    }

    @Test
    void cookiesOverPlainHttpWarn() {
        try (HttpTestServer server = TestSites.http(TestRoutes.reply(200)
                .header("Set-Cookie", "theme=" + VALUE + "; SameSite=Lax"))) {
            Result result = TestSites.kit(new CookiesProbe(), "http://shop.test:" + server.port() + "/", server.port())
                    .run().result();

            assertThat(result).isWarn().hasSummaryContaining("cookie theme (set by /) is set over plain HTTP")
                    .containsNoText(VALUE);
        }
    }

    @Test
    void sessionCookieNamesCanBeAdded() {
        HttpHandler site = TestRoutes.reply(200).header("Set-Cookie", "prefs=" + VALUE + "; Secure; SameSite=Lax");
        try (TlsTestServer server = TestSites.https(site)) {
            assertThat(kit(server).run().result()).isPass();
            assertThat(kit(server).setting("session-cookies", "PREFS").run().result()).isFail()
                    .hasSummaryContaining("session cookie prefs");
        }
    }

    @Test
    void aPathOnAnotherHostIsAnError() {
        try (TlsTestServer server = TestSites.https(TestRoutes.reply(200))) {
            assertThat(kit(server).setting("paths", "https://other.test/login").run().result()).isError()
                    .hasSummary("setting http.cookies.paths lists 'https://other.test/login', which is not a path on shop.test");
        }
    }

    private static Result check(HttpHandler site) {
        try (TlsTestServer server = TestSites.https(site)) {
            Result result = kit(server).run().result();
            assertThat(result).containsNoText(VALUE);
            assertThat(result.details()).doesNotContainKey(VALUE);
            return result;
        }
    }

    private static ProbeTestKit kit(TlsTestServer server) {
        return TestSites.kit(new CookiesProbe(), "https://shop.test:" + server.port() + "/", server.port());
    }
}
