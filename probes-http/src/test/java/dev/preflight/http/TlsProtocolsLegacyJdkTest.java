package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol probe against a JDK server in a JVM of its own with the JDK's algorithm restrictions
 * lifted: the old protocols and the 3DES, RC4, DES and EXPORT suites Debian's OpenSSL 3 no longer has.
 */
class TlsProtocolsLegacyJdkTest {

    @TempDir
    Path dir;

    @Test
    void everythingOldAcceptedFailsNamingEachCategory() {
        try (LegacyJdkServer server = LegacyJdkServer.start(dir, JdkTlsServer.LEAF, "SSLv3,TLSv1,TLSv1.1,TLSv1.2")) {
            Result result = TestSites.kit(new TlsProtocolsProbe(), "https://" + TestSites.HOST + ":" + server.port() + "/",
                    server.port()).timeout(Duration.ofSeconds(5)).run().result();

            assertThat(result).isFail().hasSummaryContaining("accepts TLSv1.1, TLSv1.0, SSLv3 and weak cipher suites: ")
                    .hasRemediationContaining("ssl_protocols TLSv1.2 TLSv1.3").hasRemediationContaining("!3DES")
                    .hasDetail("accepted", List.of("TLSv1.2", "TLSv1.1", "TLSv1.0", "SSLv3"))
                    .hasDetail("refused", List.of("TLSv1.3"))
                    .hasDetail("weakCategories", List.of("NULL", "EXPORT", "RC4", "DES", "3DES", "anonymous"))
                    // one TLS 1.2 round per category it has there, one refused; then two SSLv3 rounds
                    .hasDetail("handshakes", 12);
            // The JDK's server picks by its own preference, which differs between JDK 17 and 25.
            assertThat(weakSuites(result)).hasSize(6)
                    .anySatisfy(s -> assertThat(s).matches("3DES: TLS_\\w+_WITH_3DES_EDE_CBC_SHA in TLSv1\\.2"))
                    .anySatisfy(s -> assertThat(s).matches("RC4: TLS_\\w+_WITH_RC4_128_(SHA|MD5) in TLSv1\\.2"))
                    .anySatisfy(s -> assertThat(s).matches("NULL: TLS_\\w+_WITH_NULL_\\w+ in TLSv1\\.2"))
                    .anySatisfy(s -> assertThat(s).matches("anonymous: TLS_\\w+_anon_WITH_\\w+ in TLSv1\\.2"))
                    // EXPORT and DES end before TLS 1.2: only the round in the oldest accepted version finds them
                    .anySatisfy(s -> assertThat(s).matches("DES: TLS_\\w+_WITH_DES_CBC_SHA in SSLv3"))
                    .anySatisfy(s -> assertThat(s).matches("EXPORT: TLS_\\w+_EXPORT_WITH_\\w+ in SSLv3"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> weakSuites(Result result) {
        return (List<String>) result.details().get("weakSuites");
    }
}
