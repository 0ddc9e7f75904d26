package dev.preflight.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.spring.boot.app.PreflightTestApplication;
import dev.preflight.testkit.ContractTargets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A target that never answers gives ERROR: its component is UNKNOWN, and readiness stays UP, since
 * Spring's aggregation ranks UNKNOWN below UP. A checker that could not tell does not pull the pod.
 */
@SpringBootTest(classes = PreflightTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoint.health.group.readiness.include=readinessState,preflight",
        "management.endpoint.health.group.readiness.show-details=always",
        "preflight.probes=tls.certificate", "preflight.timeout=1s"})
class UncheckedTargetReadinessTest {
    private static final ContractTargets TARGETS = ContractTargets.open();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void silentTarget(DynamicPropertyRegistry registry) {
        registry.add("preflight.targets.shop.url", () -> "https://" + TARGETS.silentServer() + "/");
    }

    @AfterAll
    static void stop() {
        TARGETS.close();
    }

    @Test
    void readinessStaysUpWhileTheTargetIsUnknown() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> readiness = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).endsWith("},\"status\":\"UP\"}").contains("\"status\":\"UNKNOWN\"")
                .contains("\"status\":\"ERROR\"");
        assertThat(TARGETS.silentServerConnections()).isPositive();
    }
}
