package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HttpTestServer;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real HTTPS (and HTTP) answers from {@code shop.test}, one server per header case. */
class HstsProbeTest {
    private static final String STS = "Strict-Transport-Security";

    @Test
    void oneYearWithIncludeSubDomainsAndPreloadPassesAndIsPreloadEligible() {
        Result result = check(TestRoutes.reply(200).header(STS, "max-age=31536000; includeSubDomains; preload"));

        assertThat(result).isPass().hasSummary("HSTS max-age=31536000 (365 days) with includeSubDomains")
                .hasDetail("maxAge", 31_536_000).hasDetail("includeSubDomains", true).hasDetail("preload", true)
                .hasDetail("preloadEligible", true).hasDetail("header", "max-age=31536000; includeSubDomains; preload")
                .hasDetailKey("preloadNote");
    }

    @Test
    void oneYearWithoutPreloadPassesButIsNotPreloadEligible() {
        Result result = check(TestRoutes.reply(200).header(STS, "max-age=63072000"));

        assertThat(result).isPass().hasDetail("includeSubDomains", false).hasDetail("preloadEligible", false);
    }

    @Test
    void sixMonthsWarns() {
        Result result = check(TestRoutes.reply(200).header(STS, "max-age=15768000"));

        assertThat(result).isWarn().hasSummary("HSTS max-age=15768000 (182 days) is under 31536000 s")
                .hasRemediationContaining("max-age=31536000");
    }

    @Test
    void oneDayFails() {
        Result result = check(TestRoutes.reply(200).header(STS, "max-age=86400; includeSubDomains"));

        assertThat(result).isFail().hasSummary("HSTS max-age=86400 (1 day) is under 15768000 s");
    }

    @Test
    void maxAgeZeroFailsBecauseItSwitchesHstsOff() {
        Result result = check(TestRoutes.reply(200).header(STS, "max-age=0"));

        assertThat(result).isFail().hasSummary("max-age=0 tells browsers to forget HSTS for this host")
                .hasDetail("maxAge", 0);
    }

    @Test
    void missingHeaderFails() {
        Result result = check(TestRoutes.reply(200));

        assertThat(result).isFail().hasSummaryContaining("no Strict-Transport-Security header on https://shop.test:")
                .hasRemediationContaining("add_header Strict-Transport-Security")
                .hasRemediationContaining("Header always set Strict-Transport-Security");
    }

    @Test
    void twoHeaderLinesFailEvenWhenTheFirstIsGood() {
        Result result = check(TestRoutes.reply(200).header(STS, "max-age=31536000").header(STS, "max-age=300"));

        assertThat(result).isFail().hasSummary("2 Strict-Transport-Security headers; browsers apply only the first")
                .hasRemediationContaining("Send the header once")
                .hasDetail("headers", List.of("max-age=31536000", "max-age=300")).hasDetail("maxAge", 31_536_000);
    }

    @Test
    void malformedHeaderFailsWithTheReason() {
        Result result = check(TestRoutes.reply(200).header(STS, "max-age=31536000; max-age=31536000"));

        assertThat(result).isFail().hasSummary("Strict-Transport-Security is malformed, so browsers ignore it: the"
                + " directive max-age appears more than once").hasRemediationContaining("Fix the header's syntax");
    }

    @Test
    void nonNumericMaxAgeFails() {
        Result result = check(TestRoutes.reply(200).header(STS, "max-age=one-year"));

        assertThat(result).isFail().hasSummaryContaining("max-age \"one-year\" is not a whole number of seconds");
    }

    @Test
    void unknownDirectivesAreReportedNotHeldAgainstTheSite() {
        Result result = check(TestRoutes.reply(200).header(STS, "Max-Age=\"31536000\"; report-uri=\"https://r.test/\""));

        assertThat(result).isPass().hasDetail("ignoredDirectives", List.of("report-uri"));
    }

    @Test
    void thresholdsComeFromSettings() {
        HttpHandler sixMonths = TestRoutes.reply(200).header(STS, "max-age=15768000");
        try (TlsTestServer server = TestSites.https(sixMonths)) {
            Result lower = kit(server.port()).setting("min-age", "15000000").setting("warn-age", "10000000").run().result();
            Result higher = kit(server.port()).setting("warn-age", "20000000").setting("min-age", "40000000").run()
                    .result();

            assertThat(lower).isPass();
            assertThat(higher).isFail().hasSummaryContaining("is under 20000000 s");
        }
    }

    @Test
    void includeSubDomainsCanBeRequired() {
        try (TlsTestServer server = TestSites.https(TestRoutes.reply(200).header(STS, "max-age=31536000"))) {
            Result result = kit(server.port()).setting("require-include-subdomains", "true").run().result();

            assertThat(result).isFail().hasSummary("HSTS has no includeSubDomains, which this target requires");
        }
    }

    @Test
    void warnAgeAboveMinAgeIsAConfigurationError() {
        try (TlsTestServer server = TestSites.https(TestRoutes.reply(200))) {
            Result result = kit(server.port()).setting("warn-age", "40000000").run().result();

            assertThat(result).isError().hasSummaryContaining("warn-age");
        }
    }

    @Test
    void theLandingRedirectsHeaderIsTheOneJudged() {
        HttpHandler onRedirect = TestRoutes.builder()
                .on("/", TestRoutes.reply(301).header("Location", "/home").header(STS, "max-age=31536000"))
                .on("/home", TestRoutes.reply(200).body("home"))
                .build();
        HttpHandler onDocumentOnly = TestRoutes.builder()
                .on("/", TestRoutes.reply(301).header("Location", "/home"))
                .on("/home", TestRoutes.reply(200).header(STS, "max-age=31536000").body("home"))
                .build();

        assertThat(check(onRedirect)).isPass().hasDetail("maxAge", 31_536_000);
        assertThat(check(onDocumentOnly)).isFail().hasSummaryContaining("no Strict-Transport-Security header");
    }

    @Test
    void httpTargetIsJudgedOnTheHttpsPageItRedirectsTo() {
        try (TlsTestServer https = TestSites.https(TestRoutes.reply(200).header(STS, "max-age=31536000"));
                HttpTestServer http = TestSites.http(TestRoutes.redirect(301, "https://shop.test:" + https.port() + "/"))) {
            Result result = TestSites.kit(new HstsProbe(), "http://shop.test:" + http.port() + "/", http.port(),
                    https.port()).run().result();

            assertThat(result).isPass().hasSubject("https://shop.test:" + https.port() + "/")
                    .hasDetail("sentOverHttp", false);
        }
    }

    @Test
    void hstsSentOnlyOverHttpDoesNotCount() {
        try (TlsTestServer https = TestSites.https(TestRoutes.reply(200));
                HttpTestServer http = TestSites.http(TestRoutes.reply(301)
                        .header("Location", "https://shop.test:" + https.port() + "/").header(STS, "max-age=31536000"))) {
            Result result = TestSites.kit(new HstsProbe(), "http://shop.test:" + http.port() + "/", http.port(),
                    https.port()).run().result();

            assertThat(result).isFail().hasSummaryContaining("(it is sent over http:// only, where browsers ignore it)")
                    .hasDetail("sentOverHttp", true);
        }
    }

    @Test
    void httpTargetWhoseHttpsRedirectLeadsNowhereFails() throws IOException {
        int closed = closedPort();
        try (HttpTestServer http = TestSites.http(TestRoutes.redirect(301, "https://shop.test:" + closed + "/"))) {
            Result result = TestSites.kit(new HstsProbe(), "http://shop.test:" + http.port() + "/", http.port(), closed)
                    .run().result();

            assertThat(result).isFail().hasSummaryContaining("the site is not served over HTTPS")
                    .hasSummaryContaining("connection refused").hasRemediationContaining("Serve the site over HTTPS");
        }
    }

    @Test
    void httpTargetWithoutRedirectIsLookedUpOnPort443() throws IOException {
        assumeThat(listening(443)).as("nothing listens on 127.0.0.1:443").isFalse();
        try (HttpTestServer http = TestSites.http(TestRoutes.reply(200).header(STS, "max-age=31536000").body("hi"))) {
            Result result = TestSites.kit(new HstsProbe(), "http://shop.test:" + http.port() + "/app?x=1", http.port(), 443)
                    .run().result();

            assertThat(result).isFail().hasSummaryContaining("the site is not served over HTTPS")
                    .hasDetail("url", "https://shop.test/app?…").hasDetail("sentOverHttp", true);
        }
    }

    private static Result check(HttpHandler handler) {
        try (TlsTestServer server = TestSites.https(handler)) {
            return kit(server.port()).run().result();
        }
    }

    private static ProbeTestKit kit(int port) {
        return TestSites.kit(new HstsProbe(), "https://shop.test:" + port + "/", port);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
