package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.OpenSslServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A site that speaks only TLS 1.0 (OpenSSL's s_server told so), which the JVM refuses to finish a
 * handshake with: its certificate is still judged, read from the clear-text part of the handshake,
 * and the web probes that cannot reach it say why in words rather than with the JDK's exception.
 */
class LegacyOnlySiteTest {
    @BeforeAll
    static void needsOpenSsl() {
        // CI sets PREFLIGHT_REQUIRE_SERVERS, so there a missing openssl fails instead of skipping.
        OpenSslServer.assumeAvailable();
    }

    @Test
    void theCertificateOfATls10OnlySiteIsStillJudged() throws Exception {
        try (OpenSslServer server = tls10Only()) {
            Result result = TestSites.kit(new TlsCertificateProbe(), url(server), server.port())
                    .timeout(Duration.ofSeconds(5)).run().result();

            // The test leaf signs itself: judged, so a FAIL for that, not an ERROR about the handshake.
            assertThat(result).isFail().hasSummaryContaining("self-signed").hasDetail("handshake",
                    "read from a TLSv1.0 handshake, which this JVM refuses to finish; tls.protocols judges the version");
        }
    }

    @Test
    void aWebProbeSaysTheSiteSpeaksOnlyARefusedVersion() throws Exception {
        try (OpenSslServer server = tls10Only()) {
            Result result = TestSites.kit(new HstsProbe(), url(server), server.port())
                    .timeout(Duration.ofSeconds(5)).run().result();

            assertThat(result).isError().hasSummaryContaining("accepts none of the TLS versions this JVM offers")
                    .hasSummaryContaining("tls.protocols");
        }
    }

    private static OpenSslServer tls10Only() throws Exception {
        return OpenSslServer.start(JdkTlsServer.LEAF, "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0");
    }

    private static String url(OpenSslServer server) {
        return "https://" + TestSites.HOST + ":" + server.port() + "/";
    }
}
