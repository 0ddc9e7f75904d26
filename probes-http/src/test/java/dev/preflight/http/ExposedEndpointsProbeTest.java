package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static dev.preflight.testsupport.TestRoutes.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * {@code http.exposed-endpoints} against real TLS sites for {@code shop.test}: careless, catch-all,
 * protected, and publishing their docs on purpose.
 */
class ExposedEndpointsProbeTest {
    private static final String DB_PASSWORD = "Zq8-never-print-this-7Hk";
    private static final String OPENAPI = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Shop\"},\"paths\":{}}";
    private static final String SWAGGER_UI = "<!doctype html><html><body><div id=\"swagger-ui\"></div>"
            + "<script src=\"./swagger-ui-bundle.js\"></script></body></html>";
    /** Django's admin login page (django/contrib/admin/templates/admin/login.html), trimmed. */
    private static final String DJANGO_LOGIN = "<!DOCTYPE html><html lang=\"en-us\" dir=\"ltr\"><head><title>Log in |"
            + " Django site admin</title></head><body class=\" login\"><div id=\"container\"><div id=\"header\"><div"
            + " id=\"branding\"><h1 id=\"site-name\"><a href=\"/admin/\">Django administration</a></h1></div></div>"
            + "<div id=\"content\" class=\"colM\"><div id=\"content-main\"><form action=\"/admin/login/?next=/admin/\""
            + " method=\"post\" id=\"login-form\"><input type=\"hidden\" name=\"csrfmiddlewaretoken\" value=\"x\">"
            + "<input type=\"text\" name=\"username\" id=\"id_username\"><input type=\"password\" name=\"password\""
            + " id=\"id_password\"></form></div></div></div></body></html>";

    @Test
    void carelessSiteExposingSecretsAndDocsFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).body("<html>Shop</html>"))
                .on("/.env", reply(200).header("Content-Type", "text/plain").body("APP_ENV=production\nDB_PASSWORD="
                        + DB_PASSWORD + "\n"))
                .on("/.git/HEAD", reply(200).body("ref: refs/heads/main\n"))
                .on("/openapi.json", reply(200).header("Content-Type", "application/json").body(OPENAPI))
                .on("/actuator/env", reply(200).header("Content-Type", "application/json")
                        .body("{\"activeProfiles\":[\"prod\"],\"propertySources\":[{\"name\":\"systemEnvironment\","
                                + "\"properties\":{\"DB_PASSWORD\":{\"value\":\"" + DB_PASSWORD + "\"}}}]}"))
                .build();

        Result result = run(site);

        assertThat(result).isFail()
                .hasSummary(".env file is served publicly at /.env (and 3 more exposed surfaces)")
                .hasRemediationContaining("deny all")
                .hasRemediationContaining("rotate")
                .hasDetail("exposed", List.of("dotenv /.env", "git /.git/HEAD", "actuator-env /actuator/env",
                        "openapi /openapi.json"))
                .hasDetail("protected", List.of())
                .hasDetail("notFoundStatus", 404)
                .containsNoText(DB_PASSWORD, "APP_ENV", "refs/heads/main");
        assertThat(result.details().get("absent")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("graphql", "swagger-ui", "heapdump");
    }

    @Test
    void publicMetricsAndExpvarFailUnlessExpectedPublic() {
        HttpHandler site = TestRoutes.builder()
                .on("/metrics", reply(200).header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .body("# HELP http_requests_total Requests.\n# TYPE http_requests_total counter\n"
                                + "http_requests_total{code=\"200\"} 7\n"))
                .on("/debug/vars", reply(200).header("Content-Type", "application/json")
                        .body("{\"cmdline\":[\"/srv/api\",\"-db-password=" + DB_PASSWORD + "\"],\"memstats\":{}}"))
                .on("/server-info", reply(403).body("Forbidden"))
                .build();

        Result failing = run(site);
        Result accepted = run(site, "expect.metrics", "public", "expect.expvar", "public", "expect.server-info", "auth");

        assertThat(failing).isFail()
                .hasSummary("Prometheus metrics is served publicly at /metrics (and 1 more exposed surface)")
                .hasRemediationContaining("private port")
                .hasDetail("exposed", List.of("metrics /metrics", "expvar /debug/vars"))
                .hasDetail("protected", List.of("server-info /server-info (403)"))
                .containsNoText(DB_PASSWORD);
        assertThat(accepted).isPass().hasDetail("exposed", List.of("metrics /metrics", "expvar /debug/vars"));
    }

    @Test
    void catchAllPageQuotingTheMetricsFormatIsNotMetrics() {
        String shell = "<html><body><pre># HELP a b\n# TYPE a counter\n</pre>\"cmdline\":[],\"memstats\":{}"
                + " Apache Server Information</body></html>";

        assertThat(run(TestRoutes.builder().otherwise(reply(200).body(shell)).build())).isPass()
                .hasDetail("exposed", List.of());
    }

    @Test
    void softNotFoundSiteAnsweringWelcomeToEveryPathPasses() {
        Result result = run(TestRoutes.builder().otherwise(reply(200).body("Welcome")).build());

        assertThat(result).isPass()
                .hasSummary("no API docs, debug or admin endpoint or secret file is served publicly")
                .hasDetail("exposed", List.of())
                .hasDetail("notFoundStatus", 200);
    }

    @Test
    void catchAllPageThatLooksLikeDocsIsNotCounted() {
        // An SPA shell served for every path; it happens to mention swagger-ui and redoc.
        String shell = "<html><body><div id=\"app\"></div><!-- swagger-ui redoc --></body></html>";

        assertThat(run(TestRoutes.builder().otherwise(reply(200).body(shell)).build())).isPass();
    }

    @Test
    void surfacesBehindAuthenticationWarnWhenExpectedAbsent() {
        HttpHandler site = TestRoutes.builder()
                .on("/actuator", reply(401).header("WWW-Authenticate", "Basic realm=\"ops\""))
                .on("/docs", reply(403).body("Forbidden"))
                .on("/.git/HEAD", reply(403).body("Forbidden"))
                .build();

        Result result = run(site);

        assertThat(result).isWarn()
                .hasSummary("Spring Boot actuator is reachable behind authentication at /actuator (answers 401) where"
                        + " none is expected (and 1 more)")
                .hasRemediationContaining("expect.actuator = auth")
                .hasDetail("protected", List.of("git /.git/HEAD (403)", "actuator /actuator (401)",
                        "swagger-ui /docs (403)"))
                .hasDetail("exposed", List.of());
    }

    @Test
    void surfacesBehindAuthenticationPassWhenExpectedSo() {
        HttpHandler site = TestRoutes.builder()
                .on("/actuator", reply(401))
                .on("/docs", reply(403))
                .on("/wp-admin/", TestRoutes.redirect(302, "/wp-login.php?redirect_to=%2Fwp-admin%2F"))
                .build();

        Result result = run(site, "expect.actuator", "auth", "expect.docs", "auth", "expect.wp-admin", "auth");

        assertThat(result).isPass()
                .hasSummary("no API docs, debug or admin endpoint or secret file is served publicly (3 protected)")
                .hasDetail("protected", List.of("actuator /actuator (401)", "swagger-ui /docs (403)",
                        "wp-admin /wp-admin/ (redirects to a login)"))
                .hasDetail("expected", List.of("actuator=auth", "openapi=auth", "swagger-ui=auth", "redoc=auth",
                        "wp-admin=auth"));
    }

    @Test
    void siteBehindLoginEverywhereShowsNoProtectedSurface() {
        Result result = run(TestRoutes.builder().otherwise(reply(401).header("WWW-Authenticate", "Basic")).build());

        assertThat(result).isPass().hasDetail("protected", List.of()).hasDetail("notFoundStatus", 401);
    }

    @Test
    void publishedDocsPassWhenExpectedPublic() {
        HttpHandler site = TestRoutes.builder()
                .on("/openapi.json", reply(200).body(OPENAPI))
                .on("/docs", reply(200).body(SWAGGER_UI))
                .build();

        assertThat(run(site, "expect.docs", "public")).isPass()
                .hasSummary("no API docs, debug or admin endpoint or secret file is served publicly"
                        + " (2 public as expected)")
                .hasDetail("exposed", List.of("openapi /openapi.json", "swagger-ui /docs"));
        assertThat(run(site, "expect.openapi", "public")).isFail()
                .hasSummary("Swagger UI is served publicly at /docs")
                .hasRemediationContaining("expect.docs");
    }

    @Test
    void docsReachedThroughARedirectWithinTheHostAreFound() {
        HttpHandler site = TestRoutes.builder()
                .on("/swagger-ui.html", TestRoutes.redirect(302, "/swagger-ui/index.html"))
                .on("/swagger-ui/index.html", reply(200).body(SWAGGER_UI))
                .build();

        assertThat(run(site)).isFail().hasSummary("Swagger UI is served publicly at /swagger-ui.html");
    }

    @Test
    void secretSurfaceFailsEvenWhenExpectedPublic() {
        HttpHandler site = TestRoutes.builder().on("/.git/config", reply(200)
                .body("[core]\n\trepositoryformatversion = 0\n[remote \"origin\"]\n\turl = https://deploy:"
                        + DB_PASSWORD + "@git.example/shop.git\n")).build();

        Result result = run(site, "expect.git", "public");

        assertThat(result).isFail().hasSummary("Git metadata is served publicly at /.git/config")
                .hasRemediationContaining("cannot make it acceptable")
                .containsNoText(DB_PASSWORD, "git.example");
    }

    @Test
    void graphqlIntrospectionIsAskedWithAPostAndFails() {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpHandler graphql = exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(200).header("Content-Type", "application/json")
                    .body("{\"data\":{\"__schema\":{\"types\":[{\"name\":\"Query\"},{\"name\":\"Order\"}]}}}")
                    .handle(exchange);
        };

        Result result = run(TestRoutes.builder().on("/graphql", graphql).build());

        assertThat(result).isFail().hasSummary("GraphQL introspection is served publicly at /graphql")
                .hasRemediationContaining("introspection: false");
        assertThat(asked).containsExactly("POST application/json {\"query\":\"{__schema{types{name}}}\"}");
    }

    @Test
    void heapDumpIsJudgedFromTheActuatorIndexWithoutBeingRequested() {
        List<String> paths = new CopyOnWriteArrayList<>();
        HttpHandler routes = TestRoutes.builder()
                .on("/actuator", reply(200).body("{\"_links\":{\"self\":{\"href\":\"/actuator\"},"
                        + "\"heapdump\":{\"href\":\"/actuator/heapdump\"}}}"))
                .on("/actuator/heapdump", reply(200).body("JAVA PROFILE 1.0.2"))
                .build();

        Result result = run(exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            routes.handle(exchange);
        }, "expect.actuator", "public");

        assertThat(result).isFail().hasSummary("Spring Boot actuator heap dump is served publicly at /actuator/heapdump")
                .hasDetail("exposed", List.of("heapdump /actuator/heapdump", "actuator /actuator"));
        assertThat(paths).doesNotContain("/actuator/heapdump").containsOnlyOnce("/actuator");
    }

    @Test
    void aPathWhoseConnectionDropsIsUnansweredNotAnError() {
        HttpHandler site = TestRoutes.builder()
                .on("/.git/HEAD", exchange -> {
                    throw new java.io.IOException("dropped by a WAF");
                })
                .on("/.env", reply(200).body("SECRET_KEY=abc\n"))
                .build();

        assertThat(run(site)).isFail().hasSummary(".env file is served publicly at /.env")
                .hasDetail("unanswered", List.of("git /.git/HEAD"));
    }

    @Test
    void invalidExpectationIsAnErrorNamingTheKey() {
        Result result = run(TestRoutes.builder().build(), "expect.openapi", "sometimes");

        assertThat(result).isError().hasSummaryContaining("http.exposed-endpoints.expect.openapi must be absent, auth or"
                + " public");
    }

    @Test
    void djangoAdminLoginReachedThroughItsRedirectWarnsWhenExpectedAbsent() {
        HttpHandler site = TestRoutes.builder()
                .on("/admin/", TestRoutes.redirect(302, "/admin/login/?next=/admin/"))
                .on("/admin/login/", reply(200).header("Content-Type", "text/html; charset=utf-8").body(DJANGO_LOGIN))
                .build();

        assertThat(run(site)).isWarn()
                .hasSummary("Django admin is reachable behind authentication at /admin/ (answers with a redirect to a"
                        + " login) where none is expected")
                .hasRemediationContaining("expect.django-admin = auth")
                .hasDetail("protected", List.of("django-admin /admin/ (redirects to a login)"));
        assertThat(run(site, "expect.django-admin", "auth")).isPass()
                .hasDetail("protected", List.of("django-admin /admin/ (redirects to a login)"));
    }

    @Test
    void djangoAdminLoginFormServedAtAdminItselfIsProtectedNotPublic() {
        HttpHandler site = TestRoutes.builder().on("/admin/", reply(200).body(DJANGO_LOGIN)).build();

        assertThat(run(site)).isWarn().hasDetail("protected", List.of("django-admin /admin/ (200)"))
                .hasDetail("exposed", List.of());
    }

    @Test
    void djangoAdminPagesServedWithoutLoginFail() {
        HttpHandler site = TestRoutes.builder().on("/admin/", reply(200).body("<!DOCTYPE html><html><head><title>"
                + "Site administration | Django site admin</title></head><body><div id=\"header\"><div id=\"branding\">"
                + "<h1 id=\"site-name\"><a href=\"/admin/\">Django administration</a></h1></div><div id=\"user-tools\">"
                + "Welcome, <strong>ops</strong>.<form id=\"logout-form\" method=\"post\" action=\"/admin/logout/\">"
                + "</form></div></div><div id=\"content-main\"></div></body></html>")).build();

        assertThat(run(site)).isFail().hasSummary("Django admin is served publicly at /admin/")
                .hasRemediationContaining("trusted networks");
    }

    @Test
    void anotherAdminsLoginIsNotTakenForDjangos() {
        HttpHandler site = TestRoutes.builder()
                .on("/admin/", TestRoutes.redirect(302, "/users/sign_in"))
                .on("/users/sign_in", reply(200).body("<html><form action=\"/users/sign_in\"><input name=\"user[email]\">"
                        + "</form></html>"))
                .build();

        Result result = run(site);

        assertThat(result).isPass().hasDetail("protected", List.of());
        assertThat(result.details().get("absent")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("django-admin");
    }

    @Test
    void declaredProtectedPathAnsweringWithoutCredentialsFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/internal/", reply(401).header("WWW-Authenticate", "Bearer"))
                .on("/metrics", reply(200).header("Content-Type", "text/plain; version=0.0.4")
                        .body("# HELP http_requests_total Requests.\nhttp_requests_total{code=\"200\"} 1027\n"))
                .on("/ops/", reply(403).body("Forbidden"))
                .build();

        Result result = run(site, "protected", "/internal/, /metrics, /ops/, /gone");

        assertThat(result).isFail()
                .hasSummary("/metrics (declared protected) answers 200 without credentials")
                .hasRemediationContaining("Refuse anonymous requests to /metrics")
                .hasDetail("declared", List.of("/internal/ protected (401)", "/metrics answers 200 without credentials",
                        "/ops/ protected (403)", "/gone not found (404)"))
                .containsNoText("http_requests_total");
    }

    @Test
    void declaredProtectedPathsThatRefusePass() {
        HttpHandler site = TestRoutes.builder()
                .on("/internal/", reply(401))
                .on("/metrics", TestRoutes.redirect(302, "/login?next=%2Fmetrics"))
                .build();

        assertThat(run(site, "protected", "/internal/, /metrics")).isPass()
                .hasDetail("declared", List.of("/internal/ protected (401)", "/metrics protected (redirects to a login)"));
    }

    @Test
    void declaredProtectedPathOnASiteAnsweringOnePageToEverythingPasses() {
        HttpHandler site = exchange -> reply(200).body("<html><div id=\"app\"></div><noscript>"
                + exchange.getRequestURI().getPath() + "</noscript></html>").handle(exchange);

        assertThat(run(site, "protected", "/internal/, /metrics")).isPass()
                .hasDetail("declared", List.of("/internal/ not found (200)", "/metrics not found (200)"));
    }

    @Test
    void declaredProtectedPathIsAskedWithoutTheTargetsCredentials() {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpHandler site = exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (exchange.getRequestURI().getPath().equals("/metrics")) {
                authorizations.add(String.valueOf(authorization));
                (authorization == null ? reply(401) : reply(200).body("up 1\n")).handle(exchange);
            } else {
                reply(404).handle(exchange);
            }
        };

        try (TlsTestServer server = TestSites.https(site)) {
            Result result = TestSites.kit(new ExposedEndpointsProbe(), "https://ops:" + DB_PASSWORD + "@shop.test:"
                    + server.port() + "/", server.port()).setting("protected", "/metrics").run().result();

            assertThat(result).isPass().hasDetail("declared", List.of("/metrics protected (401)"))
                    .containsNoText(DB_PASSWORD);
        }
        assertThat(authorizations).containsOnly("null");
    }

    @Test
    void declaredProtectedPathOnAnotherHostIsAnErrorNamingTheSetting() {
        Result result = run(TestRoutes.builder().build(), "protected", "/metrics, https://other.test/metrics");

        assertThat(result).isError().hasSummaryContaining("http.exposed-endpoints.protected")
                .hasSummaryContaining("https://other.test/metrics");
    }

    private static Result run(HttpHandler site, String... settings) {
        try (TlsTestServer server = TestSites.https(site)) {
            ProbeTestKit kit = TestSites.kit(new ExposedEndpointsProbe(), "https://shop.test:" + server.port() + "/",
                    server.port());
            for (int i = 0; i < settings.length; i += 2) {
                kit.setting(settings[i], settings[i + 1]);
            }
            return kit.run().result();
        }
    }
}
