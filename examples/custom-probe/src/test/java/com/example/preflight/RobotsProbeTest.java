package com.example.preflight;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe reaches a loopback HTTPS server by its real name through {@code network.resolve} and
 * trusts the server's private CA through {@code network.ca-file}, as {@code --resolve} and
 * {@code --ca-file} would, with no network code of its own.
 */
class RobotsProbeTest {
    private static final String HOST = "www.shop.test";
    private static HeldCertificate root;
    private static HeldCertificate leaf;

    @TempDir
    Path dir;

    @BeforeAll
    static void mintAPrivateCa() {
        Instant now = Instant.now();
        root = TestCertificates.builder("Shop Private Root").certificateAuthority(0)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))).build();
        leaf = TestCertificates.builder(HOST).dnsNames(HOST)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90))).signedBy(root).build();
    }

    @Test
    void aStagingRobotsTxtInProductionFails() throws IOException {
        ProbeOutcome outcome = runAgainst("User-agent: *\nDisallow: /\n");

        assertThat(outcome.result()).isFail().hasSummaryContaining("Disallow: /");
    }

    @Test
    void aProductionRobotsTxtPasses() throws IOException {
        ProbeOutcome outcome = runAgainst("User-agent: *\nDisallow: /admin/\n");

        assertThat(outcome.result()).isPass().hasSummary("robots.txt lets crawlers in");
    }

    private ProbeOutcome runAgainst(String robots) throws IOException {
        try (TlsTestServer server = TlsTestServer.builder(leaf)
                .respond(200, Map.of("Content-Type", "text/plain"), robots).start()) {
            Files.writeString(dir.resolve("root.pem"), root.certificatePem());
            Files.writeString(dir.resolve("preflight.yml"), String.join("\n",
                    "version: 1",
                    "targets:",
                    "  shop:",
                    "    url: https://" + HOST + ":" + server.port() + "/",
                    "network:",
                    "  resolve:",
                    "    - " + HOST + ":" + server.port() + ":127.0.0.1",
                    "  ca-file: root.pem",
                    ""));
            Report report = Preflight.builder().config(dir.resolve("preflight.yml")).probes("example.robots").build()
                    .run();
            return report.outcomes().stream().filter(o -> o.probeId().equals("example.robots")).findFirst()
                    .orElseThrow();
        }
    }
}
