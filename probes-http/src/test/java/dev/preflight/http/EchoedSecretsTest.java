package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.preflight.Preflight;
import dev.preflight.Report;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.report.ReportFormat;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A site that echoes the request back (the Authorization header in its Server header, the query as a
 * Bearer token, the whole request in a debug page and a health body), checked by every HTTP probe
 * through the real runner: no form of the URL's password or query token reaches any report format.
 */
class EchoedSecretsTest {
    private static final String USER = "shop";
    private static final String PASSWORD = "Pl@nted Pass/w0rd+Xq9";
    private static final String API_KEY = "QueryK3yPlanted9876zz";

    @Test
    void noFormOfAnEchoedCredentialReachesAnyReportFormat() throws IOException {
        try (TlsTestServer server = TestSites.https(EchoedSecretsTest::echo)) {
            String url = "https://" + USER + ":" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "@" + TestSites.HOST + ":" + server.port() + "/?api_key=" + API_KEY;
            Target site = Target.builder("shop", TargetKind.WEB).uri(URI.create(url))
                    .setting("http.health.expect", "status == \"UP\"").build();

            Report report = Preflight.builder().target(site).probes("http.*").network(TestSites.network(server.port()))
                    .timeout(Duration.ofSeconds(5)).build().run();

            String text = render(report);
            assertThat(text).as("the site's echoes are in the report, masked").contains("Server: Basic …")
                    .contains("X-Powered-By: Bearer …").contains("http.health").contains("?…");
            assertThat(report).containsNoText(forms().toArray(String[]::new));
        }
    }

    /** Every form the password, the user:password pair and the query token travel in. */
    private static List<String> forms() {
        List<String> forms = new ArrayList<>();
        for (String secret : List.of(PASSWORD, USER + ":" + PASSWORD, API_KEY)) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            forms.addAll(List.of(secret, encoded, encoded.replace("+", "%20"), "Bearer " + secret,
                    Base64.getEncoder().encodeToString(bytes), Base64.getEncoder().withoutPadding().encodeToString(bytes),
                    Base64.getUrlEncoder().encodeToString(bytes),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
        }
        return forms;
    }

    private static void echo(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String rawQuery = String.valueOf(exchange.getRequestURI().getRawQuery());
        String token = URLDecoder.decode(rawQuery.replaceFirst("^api_key=", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Server", authorization);
        exchange.getResponseHeaders().add("X-Powered-By", "Bearer " + token);
        exchange.getResponseHeaders().add("X-Runtime", rawQuery);
        String request = "GET " + exchange.getRequestURI() + " Authorization: " + authorization
                + " Bearer " + token + " user " + new String(Base64.getDecoder().decode(
                        authorization.replaceFirst("^Basic ", "")), StandardCharsets.UTF_8);
        boolean health = exchange.getRequestURI().getPath().equals("/health");
        String body = health
                ? "{\"status\": {\"state\": \"DOWN\", \"request\": \"" + request.replace("\"", "'") + "\"}}"
                : "<html><title>DisallowedHost at /</title><body>You're seeing this error because you have"
                        + " <code>DEBUG = True</code> in your Django settings file. META: " + request + "</body></html>";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", health ? "application/json" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(health ? 200 : 500, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String render(Report report) {
        StringBuilder out = new StringBuilder();
        try {
            ReportFormat.TEXT.writer(false).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

}
