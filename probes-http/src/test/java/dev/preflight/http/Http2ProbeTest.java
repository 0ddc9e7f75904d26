package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.NginxServer;
import dev.preflight.testsupport.OpenSslServer;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real ALPN handshakes: a private nginx with one TLS port that has {@code http2} and one that has
 * not, an {@code openssl s_server} that knows nothing of ALPN, and a JDK server that refuses every
 * application protocol. {@code shop.test} is sent to 127.0.0.1 as {@code --resolve} would.
 */
class Http2ProbeTest {
    /** Several probes share two cores on the build machine: room for the handshakes, not for a hang. */
    private static final Duration LOADED_MACHINE = Duration.ofSeconds(20);
    private static final String HOST = TestSites.HOST;
    private static final HeldCertificate LEAF = TestCertificates.builder(HOST).dnsNames(HOST).build();

    @Test
    void nginxWithHttp2Passes() throws IOException {
        NginxServer.assumeAvailable();
        try (NginxServer nginx = nginx()) {
            Result result = check(nginx.httpsPort());

            assertThat(result).isPass().hasSummaryContaining("speaks HTTP/2").hasDetail("alpn", "h2")
                    .hasDetail("offered", List.of("h2", "http/1.1"));
        }
    }

    @Test
    void nginxWithoutHttp2WarnsWithTheFix() throws IOException {
        NginxServer.assumeAvailable();
        try (NginxServer nginx = nginx()) {
            Result result = check(nginx.httpPort());

            assertThat(result).isWarn().hasSummaryContaining("chose http/1.1 over h2: HTTP/2 is not enabled")
                    .hasDetail("alpn", "http/1.1").hasRemediationContaining("http2 on;")
                    .hasRemediationContaining("Protocols h2 http/1.1");
        }
    }

    @Test
    void aServerWithoutAlpnWarns() throws IOException {
        OpenSslServer.assumeAvailable();
        try (OpenSslServer openssl = OpenSslServer.start(LEAF)) {
            Result result = check(openssl.port());

            assertThat(result).isWarn().hasSummaryContaining("ignores ALPN").hasDetail("alpn", "none");
        }
    }

    @Test
    void aServerRefusingBothProtocolsFails() throws Exception {
        try (JdkTlsServer server = JdkTlsServer.refusingEveryApplicationProtocol("TLSv1.3", "TLSv1.2")) {
            Result result = check(server.port());

            assertThat(result).isFail().hasSummaryContaining("refused both h2 and http/1.1")
                    .hasSummaryContaining("no_application_protocol");
        }
    }

    @Test
    void plainHttpTargetIsSkipped() {
        Result result = ProbeTestKit.forProbe(new Http2Probe()).target(Target.web("http://shop.test/")).run().result();

        assertThat(result).isSkip().hasSummaryContaining("only over TLS");
    }

    /** Two TLS ports: the HTTPS port with {@code http2}, the other (the "http" port) without. */
    private static NginxServer nginx() throws IOException {
        return NginxServer.builder().file("leaf.pem", LEAF.certificatePem()).file("key.pem", LEAF.privateKeyPem())
                .http("""
                        server {
                            listen 127.0.0.1:${httpsPort} ssl http2;
                            server_name shop.test;
                            ssl_certificate ${dir}/leaf.pem;
                            ssl_certificate_key ${dir}/key.pem;
                            return 200 "h2 site";
                        }
                        server {
                            listen 127.0.0.1:${httpPort} ssl;
                            server_name shop.test;
                            ssl_certificate ${dir}/leaf.pem;
                            ssl_certificate_key ${dir}/key.pem;
                            return 200 "http/1.1 site";
                        }
                        """).start();
    }

    private static Result check(int port) {
        NetworkSettings network = NetworkSettings.builder()
                .hostOverride(new HostOverride(HOST, port, InetAddress.getLoopbackAddress())).build();
        return ProbeTestKit.forProbe(new Http2Probe()).target(Target.web("https://" + HOST + ":" + port + "/"))
                .network(network).timeout(LOADED_MACHINE).run().result();
    }
}
