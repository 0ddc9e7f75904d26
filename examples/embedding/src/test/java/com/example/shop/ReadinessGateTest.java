package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Report;
import dev.preflight.probe.Status;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadinessGateTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReadinessGateTest.class.getResource("/" + name).toURI());
    }

    @Test
    void placeholderSecretKeepsTheApplicationFromStarting() throws Exception {
        ReadinessGate gate = new ReadinessGate(resource("preflight.yml"), "https://api.example.com");

        assertThat(gate.mayStart()).isFalse();
        assertThat(gate.finished()).isPositive();
    }

    @Test
    void backgroundRunReportsTheSameFindings() throws Exception {
        Report report = new ReadinessGate(resource("preflight.yml"), "https://api.example.com")
                .inBackground().get(30, TimeUnit.SECONDS);

        assertThat(report.outcomes()).anySatisfy(o -> {
            assertThat(o.probeId()).isEqualTo("env.secrets");
            assertThat(o.status()).isEqualTo(Status.FAIL);
        });
    }
}
