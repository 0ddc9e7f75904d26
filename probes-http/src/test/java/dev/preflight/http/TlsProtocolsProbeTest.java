package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The protocol probe against real loopback servers: the JDK's HTTPS server (TLS 1.2 and 1.3), a JDK
 * server limited to TLS 1.2, and raw sockets answering garbage, a lone alert, an oversized record, or
 * nothing. Old-protocol servers have tests of their own.
 */
class TlsProtocolsProbeTest {
    private static final String URL = "https://" + TestSites.HOST + ":%d/";

    @Test
    void jdkDefaultServerPassesWithTls13AndNoWeakSuite() {
        try (TlsTestServer server = TestSites.https(TestRoutes.builder().build())) {
            Result result = run(server.port());

            assertThat(result).isPass().hasSummary("accepts TLSv1.3 and TLSv1.2 only, and no weak cipher suite")
                    .hasDetail("accepted", List.of("TLSv1.3", "TLSv1.2"))
                    .hasDetail("refused", List.of("TLSv1.1", "TLSv1.0", "SSLv3"))
                    .hasDetail("weakCategories", List.of())
                    .hasDetail("weakSuites", List.of())
                    .hasDetail("handshakes", 6)
                    .hasDetailKey("tls13Suite").hasDetailKey("tls12Suite");
            assertThat((String) result.details().get("tls13Suite")).startsWith("TLS_AES_");
            assertThat((String) result.details().get("tls12Suite")).startsWith("TLS_ECDHE_");
            assertThat(tested(result)).hasSize(6)
                    .anySatisfy(line -> assertThat(line).startsWith("TLSv1.3: JDK SSLSocket with only TLSv1.3 enabled:"
                            + " accepted, TLSv1.3 with TLS_AES_"))
                    // JDK 17's HttpsServer hangs up without sending its alert; JDK 25's sends it.
                    .anySatisfy(line -> assertThat(line).matches("TLSv1\\.0: hand-built ClientHello, client_version"
                            + " TLSv1\\.0, 76 CBC and weak suites: refused \\((alert 70 protocol_version|closed the"
                            + " connection without answering)\\)"))
                    .anySatisfy(line -> assertThat(line).matches("weak suites: hand-built ClientHello, client_version"
                            + " TLSv1\\.2, 55 suites \\(NULL, EXPORT, RC4, DES, 3DES, anonymous\\): refused \\((alert 40"
                            + " handshake_failure|closed the connection without answering)\\)"));
        }
    }

    @Test
    void serverWithoutTls13Warns() {
        try (JdkTlsServer server = JdkTlsServer.start("TLSv1.2")) {
            Result result = run(server.port());

            assertThat(result).isWarn()
                    .hasSummaryContaining("does not offer TLS 1.3 (alert 70 protocol_version); accepts TLSv1.2 with TLS_")
                    .hasRemediationContaining("ssl_protocols TLSv1.2 TLSv1.3")
                    .hasDetail("accepted", List.of("TLSv1.2"))
                    .hasDetail("refused", List.of("TLSv1.3", "TLSv1.1", "TLSv1.0", "SSLv3"))
                    .hasDetail("weakSuites", List.of());
            assertThat(result.details()).doesNotContainKey("tls13Suite");
            assertThat(tested(result)).contains("TLSv1.1: hand-built ClientHello, client_version TLSv1.1, 76 CBC and"
                    + " weak suites: refused (alert 70 protocol_version)", "weak suites: hand-built ClientHello,"
                    + " client_version TLSv1.2, 55 suites (NULL, EXPORT, RC4, DES, 3DES, anonymous): refused (alert 40"
                    + " handshake_failure)");
        }
    }

    @Test
    void tls13OnlyServerPasses() {
        try (JdkTlsServer server = JdkTlsServer.start("TLSv1.3")) {
            assertThat(run(server.port())).isPass().hasSummary("accepts TLSv1.3 only, and no weak cipher suite")
                    .hasDetail("refused", List.of("TLSv1.2", "TLSv1.1", "TLSv1.0", "SSLv3"));
        }
    }

    @Test
    void plainHttpTargetIsSkipped() {
        Result result = ProbeTestKit.forProbe(new TlsProtocolsProbe()).target(Target.web("http://shop.test/"))
                .run().result();

        assertThat(result).isSkip().hasSummaryContaining("not an https:// URL");
    }

    @Test
    void plainHttpOnTheTlsPortIsAnErrorSayingSo() {
        byte[] http = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (RawReplyServer server = RawReplyServer.answering(http)) {
            Result result = run(server.port());

            assertThat(result).isError().hasSummaryContaining("no TLS handshake with shop.test:" + server.port()
                    + " succeeded: TLSv1.3: answered with something that is not TLS")
                    .hasDetail("accepted", List.of());
            assertThat(unclear(result)).contains("TLSv1.1: answered in plain HTTP, not TLS",
                    "weak suites: answered in plain HTTP, not TLS");
        }
    }

    @Test
    void aLoneAlertToEveryHelloIsAnErrorNamingTheRefusal() {
        byte[] alert = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};
        try (RawReplyServer server = RawReplyServer.answering(alert)) {
            Result result = run(server.port());

            assertThat(result).isError().hasSummary("shop.test:" + server.port() + " refused every protocol version"
                    + " tried (TLSv1.3, TLSv1.2, TLSv1.1, TLSv1.0, SSLv3)");
            assertThat(tested(result)).contains("TLSv1.0: hand-built ClientHello, client_version TLSv1.0, 76 CBC and"
                    + " weak suites: refused (alert 40 handshake_failure)");
            assertThat(tested(result)).anySatisfy(line -> assertThat(line).startsWith("TLSv1.2: JDK")
                    .endsWith("refused (alert 40 handshake_failure)"));
        }
    }

    @Test
    void serverThatHangsUpAtOnceIsAnError() {
        try (RawReplyServer server = RawReplyServer.answering(new byte[0])) {
            Result result = run(server.port());

            assertThat(result).isError().hasSummaryContaining("refused every protocol version tried");
            assertThat(tested(result)).contains("TLSv1.1: hand-built ClientHello, client_version TLSv1.1, 76 CBC and"
                    + " weak suites: refused (closed the connection without answering)");
        }
    }

    @Test
    void oversizedRecordIsUnclearNotACrash() {
        byte[] huge = {0x16, 0x03, 0x03, (byte) 0xFF, (byte) 0xFF, 0x02, 0x00};
        try (RawReplyServer server = RawReplyServer.answering(huge)) {
            Result result = run(server.port());

            assertThat(result).isError();
            assertThat(unclear(result)).contains(
                    "TLSv1.0: sent a record of 65535 bytes, outside the 1 to 18432 TLS allows");
        }
    }

    @Test
    void serverHelloChoosingASuiteNotOfferedIsUnclear() {
        // A well-formed TLS 1.0 ServerHello choosing TLS_AES_128_GCM_SHA256, which no old hello offers.
        byte[] hello = {0x16, 0x03, 0x01, 0x00, 0x2A, 0x02, 0x00, 0x00, 0x26, 0x03, 0x01,
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32, 0x00, 0x13, 0x01, 0x00};
        try (RawReplyServer server = RawReplyServer.answering(hello)) {
            Result result = run(server.port());

            assertThat(result).isError();
            assertThat(unclear(result)).contains("TLSv1.0: chose cipher suite 0x1301, which was not offered");
        }
    }

    @Test
    void silentServerIsAnErrorAfterTheHandshakeTimeout() {
        try (RawReplyServer server = RawReplyServer.silent()) {
            long start = System.nanoTime();
            ProbeOutcome outcome = TestSites.kit(new TlsProtocolsProbe(), URL.formatted(server.port()), server.port())
                    .setting("handshake-timeout", "200ms").run();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(outcome.result()).isError().hasSummary("no answer from shop.test:" + server.port()
                    + " to a TLS handshake within 200 ms").hasDetail("handshakes", 2);
            assertThat(millis).isLessThan(2000);
        }
    }

    @Test
    void oldHellosDroppedInSilenceCountAsRefusedAfterTheHandshakeTimeout() {
        try (TlsTestServer backend = TestSites.https(TestRoutes.builder().build());
                FirstConnectionsProxy server = FirstConnectionsProxy.start(2, backend.port())) {
            Result result = TestSites.kit(new TlsProtocolsProbe(), URL.formatted(server.port()), server.port())
                    .setting("handshake-timeout", "150ms").run().result();

            assertThat(result).isPass().hasDetail("accepted", List.of("TLSv1.3", "TLSv1.2"))
                    .hasDetail("refused", List.of("TLSv1.1", "TLSv1.0", "SSLv3"));
            assertThat(tested(result)).contains("SSLv3: hand-built ClientHello, client_version SSLv3, 76 CBC and weak"
                    + " suites: refused (no answer within 150 ms)");
        }
    }

    @Test
    void deadlineInTheMiddleOfTheScanIsAnErrorListingWhatWasNotTested() throws Exception {
        try (TlsTestServer backend = TestSites.https(TestRoutes.builder().build());
                FirstConnectionsProxy server = FirstConnectionsProxy.start(2, backend.port())) {
            // Called directly, as the runner would replace a late result with its own ERROR.
            TlsProtocolsProbe probe = new TlsProtocolsProbe();
            ProbeContext context = TestSites.kit(probe, URL.formatted(server.port()), server.port())
                    .timeout(Duration.ofMillis(2000)).context();
            long start = System.nanoTime();
            Result result = probe.check(context);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(result).isError().hasSummary("the deadline ended the scan of shop.test:" + server.port()
                    + " after 3 handshakes, before it could tell")
                    .hasDetail("accepted", List.of("TLSv1.3", "TLSv1.2"))
                    .hasDetail("notTested", List.of("TLSv1.1: no answer before the probe's deadline",
                            "TLSv1.0: the probe's deadline came first", "SSLv3: the probe's deadline came first",
                            "weak suites: the probe's deadline came first"));
            assertThat(millis).isBetween(1500L, 3000L);
        }
    }

    @Test
    void nonPositiveHandshakeTimeoutIsAnError() {
        Result result = TestSites.kit(new TlsProtocolsProbe(), URL.formatted(1), 1).setting("handshake-timeout", "0s")
                .run().result();

        assertThat(result).isError().hasSummaryContaining("handshake-timeout must be positive");
    }

    private static Result run(int port) {
        return TestSites.kit(new TlsProtocolsProbe(), URL.formatted(port), port).timeout(Duration.ofSeconds(5)).run()
                .result();
    }

    @SuppressWarnings("unchecked")
    static List<String> tested(Result result) {
        return (List<String>) result.details().get("tested");
    }

    @SuppressWarnings("unchecked")
    static List<String> unclear(Result result) {
        return (List<String>) result.details().getOrDefault("unclear", List.of());
    }
}
