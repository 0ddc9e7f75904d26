package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.OpenSslServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol probe against Debian's OpenSSL 3.0 {@code s_server}, which can still be told to speak
 * TLS 1.0 and 1.1 and to accept NULL and anonymous suites. This build has no SSLv3, 3DES, DES, RC4 or
 * EXPORT suites at all ({@code openssl ciphers 3DES:RC4:DES:EXP} finds none): those cases are in
 * {@link TlsProtocolsLegacyJdkTest}.
 */
class TlsProtocolsOpenSslTest {
    /** TLS below 1.2 and the NULL and anonymous suites need security level 0 in OpenSSL 3. */
    private static final String EVERYTHING = "ALL:COMPLEMENTOFALL:@SECLEVEL=0";

    @BeforeAll
    static void needsOpenSsl() {
        // CI must run this test; elsewhere a missing openssl skips it visibly rather than failing the build.
        OpenSslServer.assumeAvailable();
    }

    @Test
    void serverAcceptingTls10And11AndNullAndAnonymousSuitesFails() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(JdkTlsServer.LEAF, "-no_tls1_3", "-cipher", EVERYTHING)) {
            Result result = run(server.port());

            assertThat(result).isFail()
                    .hasSummary("accepts TLSv1.1, TLSv1.0 and weak cipher suites: NULL (TLS_RSA_WITH_NULL_MD5),"
                            + " anonymous (TLS_DH_anon_WITH_AES_128_CBC_SHA)")
                    .hasDetail("weakSuites", List.of("NULL: TLS_RSA_WITH_NULL_MD5 in TLSv1.2",
                            "anonymous: TLS_DH_anon_WITH_AES_128_CBC_SHA in TLSv1.2"))
                    .hasRemediationContaining("ssl_protocols TLSv1.2 TLSv1.3").hasRemediationContaining("!aNULL")
                    .hasDetail("accepted", List.of("TLSv1.2", "TLSv1.1", "TLSv1.0"))
                    .hasDetail("refused", List.of("TLSv1.3", "SSLv3"))
                    .hasDetail("weakCategories", List.of("NULL", "anonymous"))
                    .hasDetail("handshakes", 9);
            assertThat(TlsProtocolsProbeTest.tested(result)).contains("TLSv1.0: hand-built ClientHello, client_version"
                    + " TLSv1.0, 76 CBC and weak suites: accepted, TLSv1.0 with TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                    // the rest of the weak suites asked again in the oldest version it accepts
                    "weak suites: hand-built ClientHello, client_version TLSv1.0, 27 suites (EXPORT, RC4, DES, 3DES):"
                            + " refused (alert 40 handshake_failure)");
        }
    }

    @Test
    void tls10OnlyServerFailsAndItsAnswerToNewerHellosIsReported() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(JdkTlsServer.LEAF, "-tls1", "-cipher",
                "DEFAULT:@SECLEVEL=0")) {
            Result result = run(server.port());

            assertThat(result).isFail().hasSummary("accepts TLSv1.0")
                    .hasDetail("accepted", List.of("TLSv1.0"))
                    .hasDetail("refused", List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "SSLv3"))
                    .hasDetail("weakSuites", List.of());
            assertThat(TlsProtocolsProbeTest.tested(result))
                    .contains("TLSv1.1: hand-built ClientHello, client_version TLSv1.1, 76 CBC and weak suites:"
                            + " refused (answered with TLSv1.0 instead)")
                    .anySatisfy(line -> assertThat(line).startsWith("TLSv1.2: JDK SSLSocket")
                            .endsWith("refused (alert 70 protocol_version)"));
        }
    }

    @Test
    void defaultOpenSslServerPasses() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(JdkTlsServer.LEAF)) {
            Result result = run(server.port());

            assertThat(result).isPass().hasDetail("accepted", List.of("TLSv1.3", "TLSv1.2"))
                    .hasDetail("tls13Suite", "TLS_AES_256_GCM_SHA384");
        }
    }

    private static Result run(int port) {
        return TestSites.kit(new TlsProtocolsProbe(), "https://" + TestSites.HOST + ":" + port + "/", port)
                .timeout(Duration.ofSeconds(5)).run().result();
    }
}
