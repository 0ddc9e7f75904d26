package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real HTTPS answers from {@code shop.test}, one server per header case. */
class SecurityHeadersProbeTest {
    private static final String CSP = "Content-Security-Policy";
    private static final String GOOD_CSP = "default-src 'self'; object-src 'none'; frame-ancestors 'none'";

    @Test
    void hardenedPagePassesWithFullScore() {
        Result result = check(hardened());

        assertThat(result).isPass().hasSummary("security headers in place; score 100 (A+)")
                .hasDetail("score", 100).hasDetail("grade", "A+").hasDetail("contentSecurityPolicy", List.of(GOOD_CSP))
                .hasDetail("xContentTypeOptions", "nosniff").hasDetail("referrerPolicy", "strict-origin-when-cross-origin")
                .hasDetail("httpStatus", 200);
    }

    @Test
    void bareHtmlPageFailsForFramingAndListsEveryProblem() {
        Result result = check(TestRoutes.reply(200).header("Content-Type", "text/html; charset=utf-8").body("<p>hi"));

        assertThat(result).isFail().hasSummaryContaining("no X-Frame-Options header and no CSP frame-ancestors")
                .hasSummaryContaining("(and 3 more problems); score 50 (C)")
                .hasRemediationContaining("X-Frame-Options: DENY").hasRemediationContaining("default-src 'self'")
                .hasRemediationContaining("X-Content-Type-Options: nosniff")
                .hasRemediationContaining("Referrer-Policy: strict-origin-when-cross-origin")
                .hasDetail("score", 50).hasDetail("grade", "C");
        assertThat((List<?>) result.details().get("problems")).hasSize(4);
    }

    @Test
    void unprotectedJsonIsOnlyAWarning() {
        Result result = check(TestRoutes.reply(200).header("Content-Type", "application/json").header(CSP, GOOD_CSP
                .replace("; frame-ancestors 'none'", "")).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").body("{}"));

        assertThat(result).isWarn().hasSummaryContaining("no X-Frame-Options header").hasDetail("score", 80);
    }

    @Test
    void unsafeInlineScriptsWarn() {
        Result result = check(hardened(CSP, "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"));

        assertThat(result).isWarn().hasSummary("Content-Security-Policy allows inline scripts ('unsafe-inline' in"
                + " script-src); score 80 (B+)").hasRemediationContaining("'nonce-");
    }

    @Test
    void unsafeEvalWarnsAndCostsTen() {
        Result result = check(hardened(CSP, "script-src 'self' 'unsafe-eval'; frame-ancestors 'self'"));

        assertThat(result).isWarn().hasSummaryContaining("allows eval() ('unsafe-eval' in script-src)")
                .hasDetail("score", 90).hasDetail("grade", "A");
    }

    @Test
    void wildcardDefaultSrcWithoutScriptSrcWarns() {
        Result result = check(hardened(CSP, "default-src * 'unsafe-inline'; frame-ancestors 'self'"));

        assertThat(result).isWarn().hasSummaryContaining("(and 1 more problem)")
                .hasDetail("problems", List.of("Content-Security-Policy allows inline scripts ('unsafe-inline' in"
                        + " default-src)", "Content-Security-Policy allows scripts from any host (* in default-src)"))
                .hasDetail("score", 80);
    }

    @Test
    void bareSchemeScriptSourceWarns() {
        Result result = check(hardened(CSP, "script-src https: data:; frame-ancestors 'none'"));

        assertThat(result).isWarn().hasSummaryContaining("allows scripts from any host (https: data: in script-src)");
    }

    @Test
    void policyThatDoesNotRestrictScriptsWarns() {
        Result result = check(hardened(CSP, "frame-ancestors 'none'; img-src 'self'"));

        assertThat(result).isWarn().hasSummaryContaining("does not restrict scripts (no script-src or default-src)");
    }

    @Test
    void reportOnlyPolicyDoesNotCountAsEnforcement() {
        Result result = check(TestRoutes.reply(200).header("Content-Security-Policy-Report-Only", GOOD_CSP)
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").body("<p>"));

        assertThat(result).isWarn().hasSummaryContaining("only Content-Security-Policy-Report-Only is sent, which"
                + " reports but enforces nothing").hasDetail("contentSecurityPolicyReportOnly", List.of(GOOD_CSP))
                .hasDetail("score", 75).hasRemediationContaining("Once its reports are clean");
    }

    @Test
    void severalPoliciesAreEnforcedTogether() {
        Result result = check(TestRoutes.reply(200).header(CSP, "script-src 'unsafe-inline' *")
                .header(CSP, "default-src 'self'; frame-ancestors 'self'; script-src 'self' script-src 'none'")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "same-origin").body("<p>"));

        assertThat(result).isPass().hasDetail("contentSecurityPolicy", List.of("script-src 'unsafe-inline' *",
                "default-src 'self'; frame-ancestors 'self'; script-src 'self' script-src 'none'"));
    }

    @Test
    void repeatedCspDirectivesAreReportedAsIgnored() {
        Result result = check(hardened(CSP, "script-src 'self'; script-src 'unsafe-inline'; frame-ancestors 'none'"));

        assertThat(result).isPass().hasDetail("cspIgnoredDirectives", List.of("script-src 'unsafe-inline'"));
    }

    @Test
    void frameOptionsDenyProtectsWithoutFrameAncestors() {
        Result result = check(hardened(CSP, "default-src 'self'").header("X-Frame-Options", "DENY"));

        assertThat(result).isPass().hasDetail("xFrameOptions", "DENY");
    }

    @Test
    void frameOptionsAllowFromFails() {
        Result result = check(hardened(CSP, "default-src 'self'").header("X-Frame-Options", "ALLOW-FROM https://a.test/"));

        assertThat(result).isFail().hasSummaryContaining("X-Frame-Options ALLOW-FROM is ignored by browsers");
    }

    @Test
    void frameAncestorsWildcardFails() {
        Result result = check(hardened(CSP, "default-src 'self'; frame-ancestors *"));

        assertThat(result).isFail().hasSummaryContaining("CSP frame-ancestors lets any site frame the page (*)");
    }

    @Test
    void nosniffMisspelledWarns() {
        Result result = check(hardened("X-Content-Type-Options", "no-sniff"));

        assertThat(result).isWarn().hasSummary("X-Content-Type-Options is \"no-sniff\", not nosniff; score 95 (A)");
    }

    @Test
    void missingReferrerPolicyWarnsButCostsNothing() {
        Result result = check(hardened("Referrer-Policy", null));

        assertThat(result).isWarn().hasSummaryContaining("no Referrer-Policy header").hasDetail("score", 100);
    }

    @Test
    void unsafeUrlReferrerPolicyWarns() {
        Result result = check(hardened("Referrer-Policy", "unsafe-url"));

        assertThat(result).isWarn().hasSummaryContaining("Referrer-Policy unsafe-url sends the full URL")
                .hasDetail("score", 95);
    }

    @Test
    void xssProtectionIsReportedNotRequired() {
        Result result = check(hardened().header("X-XSS-Protection", "1; mode=block"));

        assertThat(result).isPass().hasDetail("xXssProtection", "1; mode=block");
    }

    @Test
    void ignoredHeadersAreNotJudgedNorScored() {
        try (TlsTestServer server = TestSites.https(TestRoutes.reply(200).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").body("<p>"))) {
            Result result = TestSites.kit(new SecurityHeadersProbe(), "https://shop.test:" + server.port() + "/",
                    server.port()).setting("ignore", "x-frame-options, Content-Security-Policy").run().result();

            assertThat(result).isPass().hasSummaryContaining("(X-Frame-Options, Content-Security-Policy not judged)")
                    .hasDetail("score", 100).hasDetail("ignored", List.of("X-Frame-Options", "Content-Security-Policy"));
        }
    }

    @Test
    void unknownHeaderInIgnoreIsAConfigurationError() {
        try (TlsTestServer server = TestSites.https(hardened())) {
            Result result = TestSites.kit(new SecurityHeadersProbe(), "https://shop.test:" + server.port() + "/",
                    server.port()).setting("ignore", "X-Frame-Option").run().result();

            assertThat(result).isError().hasSummaryContaining("names \"X-Frame-Option\", which is not one of");
        }
    }

    @Test
    void theDocumentAfterRedirectsIsJudged() {
        HttpHandler site = TestRoutes.builder()
                .on("/", TestRoutes.redirect(302, "/app/"))
                .on("/app/", hardened())
                .build();

        Result result = check(site);

        assertThat(result).isPass().hasDetailKey("url");
        assertThat((String) result.details().get("url")).endsWith("/app/");
    }

    /** A page with every header right, then one header replaced (or removed, for null). */
    private static TestRoutes.Reply hardened(String name, String value) {
        String[][] headers = {{CSP, GOOD_CSP}, {"X-Content-Type-Options", "nosniff"},
            {"Referrer-Policy", "strict-origin-when-cross-origin"}};
        TestRoutes.Reply reply = TestRoutes.reply(200).header("Content-Type", "text/html");
        for (String[] h : headers) {
            if (!h[0].equals(name)) {
                reply.header(h[0], h[1]);
            } else if (value != null) {
                reply.header(name, value);
            }
        }
        return reply.body("<!doctype html><p>shop</p>");
    }

    private static TestRoutes.Reply hardened() {
        return hardened("", null);
    }

    private static Result check(HttpHandler handler) {
        try (TlsTestServer server = TestSites.https(handler)) {
            return TestSites.kit(new SecurityHeadersProbe(), "https://shop.test:" + server.port() + "/", server.port())
                    .run().result();
        }
    }
}
