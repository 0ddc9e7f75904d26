package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.spring.boot.PreflightGateException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example's placeholder SECRET_KEY: readiness goes DOWN, and the prod profile does not start. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "preflight.config=classpath:preflight.yml")
class ShopApplicationTest {
    @LocalServerPort
    int port;

    @Test
    void aPlaceholderSecretTakesThePodOutOfRouting() throws Exception {
        HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"probe\":\"env.secrets\"").contains("\"status\":\"FAIL\"")
                .doesNotContain("changeme");
    }

    @Test
    void theProdProfileDoesNotStartWithAFailure() {
        assertThatThrownBy(() -> SpringApplication.run(ShopApplication.class, "--server.port=0",
                "--spring.profiles.active=prod", "--preflight.config=classpath:preflight.yml"))
                .isInstanceOfSatisfying(PreflightGateException.class, e -> assertThat(e.problems())
                        .anySatisfy(o -> assertThat(o.probeId()).isEqualTo("env.secrets")));
    }
}
