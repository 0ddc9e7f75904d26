package dev.preflight.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.spring.boot.app.PreflightTestApplication;
import dev.preflight.spring.boot.internal.CachedRuns;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The health contributor in a real application on a real embedded web server, against real TLS servers. */
@SpringBootTest(classes = PreflightTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,preflight",
        "management.endpoint.health.show-details=always",
        "management.endpoint.health.group.readiness.include=readinessState,preflight",
        "management.endpoint.health.group.readiness.show-details=always",
        "preflight.health.cache=10m"})
class PreflightHealthTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    CachedRuns runs;

    @DynamicPropertySource
    static void sites(DynamicPropertyRegistry registry) {
        for (String p : TestSites.properties()) {
            int eq = p.indexOf('=');
            registry.add(p.substring(0, eq), () -> p.substring(eq + 1));
        }
    }

    @Test
    void readinessIsDownForAFailingTarget() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"").contains("\"preflight\"");
    }

    @Test
    void eachTargetIsAComponentWithItsResults() throws Exception {
        HttpResponse<String> shop = get("/actuator/health/preflight/shop");
        HttpResponse<String> api = get("/actuator/health/preflight/api");

        assertThat(shop.statusCode()).isEqualTo(503);
        assertThat(shop.body()).contains("\"status\":\"DOWN\"").contains("\"probe\":\"tls.certificate\"")
                .contains("\"status\":\"FAIL\"").contains("expired");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"status\":\"UP\"").contains("\"status\":\"PASS\"");
    }

    @Test
    void cachedResultsServeRepeatedRequestsWithoutConnecting() throws Exception {
        get("/actuator/health/preflight");
        int connections = TestSites.EXPIRED.connections();
        long runsSoFar = runs.runs();
        assertThat(connections).isPositive();

        for (int i = 0; i < 3; i++) {
            assertThat(get("/actuator/health").body()).contains("tls.certificate");
        }

        assertThat(TestSites.EXPIRED.connections()).isEqualTo(connections);
        assertThat(runs.runs()).isEqualTo(runsSoFar);
    }

    @Test
    void noPlantedSecretInHealthOutput() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/preflight",
                "/actuator/health/preflight/shop", "/actuator/health/preflight/api", "/actuator/preflight"}) {
            String body = get(path).body();
            assertThat(body).contains("tls.certificate");
            for (String secret : TestSites.PLANTED_SECRETS) {
                assertThat(body).as(path).doesNotContain(secret);
            }
        }
    }

    @Test
    void endpointServesTheCachedReportAndPostRunsAgain() throws Exception {
        HttpResponse<String> report = get("/actuator/preflight");
        long runsSoFar = runs.runs();

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(report.body()).startsWith("{").contains("\"schema\": 1").contains("\"probe\": \"tls.certificate\"")
                .contains("\"target\": \"shop\"").contains("\"status\": \"fail\"");
        assertThat(get("/actuator/preflight").body()).isEqualTo(report.body());
        assertThat(runs.runs()).isEqualTo(runsSoFar);

        HttpResponse<String> rerun = send(HttpRequest.newBuilder(uri("/actuator/preflight"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(rerun.statusCode()).isEqualTo(200);
        assertThat(rerun.body()).contains("\"schema\": 1").contains("tls.certificate");
        assertThat(runs.runs()).isEqualTo(runsSoFar + 1);
        for (String secret : TestSites.PLANTED_SECRETS) {
            assertThat(rerun.body()).doesNotContain(secret);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
