package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.SilentDnsServer;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A DNS server that never answers: every registered DNS probe says ERROR at its deadline (a silent
 * server says nothing about the domain, so never FAIL), and the run does not outlast it by much.
 */
class SilentServerTest {
    private static final Duration DEADLINE = Duration.ofMillis(600);
    /** Loose on purpose: this proves the run ends, not how precisely, on a loaded CI machine. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private static SilentDnsServer silent;

    @BeforeAll
    static void listen() throws IOException {
        silent = SilentDnsServer.start();
    }

    @AfterAll
    static void stop() {
        silent.close();
    }

    static Stream<Named<Probe>> probes() {
        return RegisteredDnsProbes.named();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void aSilentServerIsAnErrorAtTheDeadline(Probe probe) {
        int before = silent.queries();
        long start = System.nanoTime();

        ProbeOutcome outcome = ProbeTestKit.forProbe(probe).target(DnsZones.domain("shop.test")).timeout(DEADLINE)
                .network(NetworkSettings.builder().dnsServer(silent.address()).build()).run();

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(outcome.result()).isError();
        // The probe's own words, or the runner's when it stopped waiting for the probe first.
        assertThat(outcome.result().summary()).as(probe.id()).containsAnyOf("did not answer", "no answer within");
        assertThat(silent.queries()).as("questions the probe sent").isGreaterThan(before);
        // Nothing can answer sooner, so an earlier end would be an ERROR for another reason.
        assertThat(elapsed).isGreaterThanOrEqualTo(DEADLINE.minusMillis(50)).isLessThan(DEADLINE.plus(SLACK));
    }
}
