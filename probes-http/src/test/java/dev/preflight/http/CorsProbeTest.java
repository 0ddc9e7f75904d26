package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * Real HTTPS sites whose CORS policies read the request's {@code Origin} header, each written the
 * way the classic mistakes are made.
 */
class CorsProbeTest {

    @Test
    void siteWithoutCorsPasses() {
        Result result = check((method, origin) -> Map.of());

        assertThat(result).isPass().hasSummary("no untrusted origin may read /").hasDetail("answers", List.of())
                .hasDetail("origins", List.of("https://evil.preflight.invalid", "null", "https://shop.test.evil.invalid",
                        "https://evilshop.test"));
    }

    @Test
    void exactAllowListPasses() {
        assertThat(check((method, origin) -> "https://shop.test".equals(origin)
                ? Map.of("Access-Control-Allow-Origin", origin, "Access-Control-Allow-Credentials", "true") : Map.of()))
                .isPass();
    }

    @Test
    void reflectedOriginFails() {
        Result result = check((method, origin) -> Map.of("Access-Control-Allow-Origin", origin));

        // Echoing everything also lets null and the near-misses in: one problem, not four.
        assertThat(result).isFail()
                .hasSummary("/ echoes any Origin back (sent https://evil.preflight.invalid) in answers to GET"
                        + " and preflight, without credentials")
                .hasRemediationContaining("exact list");
        assertThat(result.details().get("answers")).asInstanceOf(InstanceOfAssertFactories.LIST).contains(
                "GET / from https://evil.preflight.invalid -> 200, Allow-Origin: https://evil.preflight.invalid");
    }

    @Test
    void reflectedOriginWithCredentialsFailsAndSaysSo() {
        Result result = check((method, origin) -> Map.of("Access-Control-Allow-Origin", origin,
                "Access-Control-Allow-Credentials", "true"));

        assertThat(result).isFail().hasSummaryContaining("with credentials: any web site can read what the signed-in user sees");
    }

    @Test
    void starWithCredentialsFails() {
        assertThat(check((method, origin) -> Map.of("Access-Control-Allow-Origin", "*",
                "Access-Control-Allow-Credentials", "true"))).isFail()
                .hasSummaryContaining("allows any origin (*) with Access-Control-Allow-Credentials: true");
    }

    @Test
    void starWithoutCredentialsPassesWithANoteOrWarnsWhenOriginsAreListed() {
        BiFunction<String, String, Map<String, String>> star = (method, origin) -> Map.of("Access-Control-Allow-Origin", "*");

        assertThat(check(star)).isPass().hasSummaryContaining("allows any origin (*) without credentials: fine for a public API");
        try (TlsTestServer server = TestSites.https(cors(star, new CopyOnWriteArrayList<>()))) {
            assertThat(kit(server).setting("allowed-origins", "https://shop.test").run().result()).isWarn()
                    .hasSummaryContaining("not only the production origins")
                    .hasDetail("allowedOrigins", List.of("https://shop.test"));
        }
    }

    @Test
    void nullOriginAllowedFails() {
        assertThat(check((method, origin) -> "null".equals(origin) ? Map.of("Access-Control-Allow-Origin", "null",
                "Access-Control-Allow-Credentials", "true") : Map.of())).isFail()
                .hasSummaryContaining("/ allows the origin null in answers to GET and preflight, with credentials")
                .hasRemediationContaining("sandboxed iframes");
    }

    @Test
    void prefixMatchingOriginCheckFails() {
        assertThat(check((method, origin) -> origin != null && origin.startsWith("https://shop.test")
                ? Map.of("Access-Control-Allow-Origin", origin) : Map.of())).isFail()
                .hasSummaryContaining("trusts https://shop.test.evil.invalid: its origin check accepts hosts that merely"
                        + " start with the site's name")
                .hasRemediationContaining("anchor");
    }

    @Test
    void suffixMatchingOriginCheckFails() {
        assertThat(check((method, origin) -> origin != null && origin.endsWith("shop.test")
                ? Map.of("Access-Control-Allow-Origin", origin) : Map.of())).isFail()
                .hasSummaryContaining("trusts https://evilshop.test: its origin check accepts hosts that merely end with");
    }

    @Test
    void originOutsideTheProductionListFails() {
        BiFunction<String, String, Map<String, String>> staging = (method, origin) ->
                Map.of("Access-Control-Allow-Origin", "https://staging.shop.test");
        try (TlsTestServer server = TestSites.https(cors(staging, new CopyOnWriteArrayList<>()))) {
            assertThat(kit(server).run().result()).isPass();
            assertThat(kit(server).setting("allowed-origins", "https://shop.test, https://admin.shop.test").run().result())
                    .isFail().hasSummary("/ allows https://staging.shop.test, which is not among the production origins");
        }
    }

    @Test
    void plainHttpDevelopmentOriginWarns() {
        assertThat(check((method, origin) -> Map.of("Access-Control-Allow-Origin", "http://localhost:3000"))).isWarn()
                .hasSummaryContaining("allows the plain-HTTP origin http://localhost:3000");
    }

    @Test
    void wildcardPatternInTheHeaderWarns() {
        assertThat(check((method, origin) -> Map.of("Access-Control-Allow-Origin", "https://*.shop.test"))).isWarn()
                .hasSummaryContaining("which is not an origin");
    }

    @Test
    void preflightIsSentAsBrowsersSendItAndJudgedOnItsOwn() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TlsTestServer server = TestSites.https(cors((method, origin) -> method.equals("OPTIONS")
                ? Map.of("Access-Control-Allow-Origin", origin) : Map.of(), seen))) {
            Result result = TestSites.kit(new CorsProbe(), "https://deploy:Planted-Pass-4421@shop.test:" + server.port()
                    + "/api", server.port()).run().result();

            assertThat(result).isFail().hasSummaryContaining("/api echoes any Origin back (sent https://evil.preflight.invalid)"
                    + " in answers to preflight, without credentials").containsNoText("Planted-Pass-4421");
            assertThat(seen).contains(
                    "GET /api origin=https://evil.preflight.invalid acrm=null acrh=null auth=true",
                    "OPTIONS /api origin=https://evil.preflight.invalid acrm=GET acrh=authorization auth=false",
                    "OPTIONS /api origin=null acrm=GET acrh=authorization auth=false")
                    .hasSize(8);
        }
    }

    @Test
    void configuredPathsAreEachAsked() {
        try (TlsTestServer server = TestSites.https(cors((method, origin) -> method.equals("GET")
                ? Map.of() : Map.of(), new CopyOnWriteArrayList<>()))) {
            assertThat(kit(server).setting("paths", "/api/v1/orders, /graphql").run().result()).isPass()
                    .hasSummary("no untrusted origin may read /api/v1/orders, /graphql")
                    .hasDetail("paths", List.of("/api/v1/orders", "/graphql"));
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        BiFunction<String, String, Map<String, String>> onlyApi = (method, origin) -> Map.of();
        HttpHandler site = exchange -> {
            if (exchange.getRequestURI().getPath().startsWith("/api")) {
                cors((m, o) -> Map.of("Access-Control-Allow-Origin", o), seen).handle(exchange);
            } else {
                cors(onlyApi, seen).handle(exchange);
            }
        };
        try (TlsTestServer server = TestSites.https(site)) {
            assertThat(kit(server).setting("paths", "/,/api/v1").run().result()).isFail()
                    .hasSummaryContaining("/api/v1 echoes any Origin back");
            assertThat(seen).hasSize(16);
        }
    }

    @Test
    void aMalformedAllowedOriginsSettingIsAnError() {
        try (TlsTestServer server = TestSites.https(cors((m, o) -> Map.of(), new CopyOnWriteArrayList<>()))) {
            assertThat(kit(server).setting("allowed-origins", "shop.test").run().result()).isError()
                    .hasSummaryContaining("'shop.test' is not an origin");
        }
    }

    private static Result check(BiFunction<String, String, Map<String, String>> policy) {
        try (TlsTestServer server = TestSites.https(cors(policy, new CopyOnWriteArrayList<>()))) {
            return kit(server).run().result();
        }
    }

    private static ProbeTestKit kit(TlsTestServer server) {
        return TestSites.kit(new CorsProbe(), "https://shop.test:" + server.port() + "/", server.port());
    }

    /**
     * A site whose CORS headers come from {@code policy(method, origin)}; it records each request as
     * {@code METHOD PATH origin=… acrm=… acrh=… auth=…}.
     */
    private static HttpHandler cors(BiFunction<String, String, Map<String, String>> policy, List<String> seen) {
        return exchange -> answer(exchange, policy, seen);
    }

    private static void answer(HttpExchange exchange, BiFunction<String, String, Map<String, String>> policy,
            List<String> seen) throws IOException {
        try (exchange) {
            Headers request = exchange.getRequestHeaders();
            String origin = request.getFirst("Origin");
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " origin=" + origin
                    + " acrm=" + request.getFirst("Access-Control-Request-Method")
                    + " acrh=" + request.getFirst("Access-Control-Request-Headers")
                    + " auth=" + request.containsKey("Authorization"));
            policy.apply(exchange.getRequestMethod(), origin).forEach(exchange.getResponseHeaders()::add);
            boolean preflight = exchange.getRequestMethod().equals("OPTIONS");
            byte[] body = "{\"orders\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(preflight ? 204 : 200, preflight ? -1 : body.length);
            if (!preflight) {
                exchange.getResponseBody().write(body);
            }
        }
    }
}
