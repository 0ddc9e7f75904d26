package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Result;
import dev.preflight.testsupport.DnsTestServer;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A DNS server that answers SERVFAIL for the domain (knotd, with a zone it cannot load): every
 * registered DNS probe says ERROR and names the server failure, never a verdict on the domain.
 */
class ServerFailureTest {
    private static DnsTestServer dns;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder().unloadableZone("broken.test").start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    static Stream<Named<Probe>> probes() {
        return RegisteredDnsProbes.named();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void aServerFailureIsAnErrorThatSaysSo(Probe probe) {
        Result result = DnsZones.kit(probe, dns, "broken.test").run().result();

        assertThat(result).isError().hasSummaryContaining("could not answer");
        // The server's own word, in the summary or, where several questions failed, in the details.
        org.assertj.core.api.Assertions.assertThat(result.summary() + " " + result.details()).as(probe.id())
                .contains("SERVFAIL");
    }
}
