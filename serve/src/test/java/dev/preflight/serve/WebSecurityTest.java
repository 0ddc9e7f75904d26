package dev.preflight.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.config.WebConfig;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listener behind TLS and bcrypt basic authentication, as a web.yml sets them. */
class WebSecurityTest {
    private static final Instant NOW = Instant.now();
    private static final HeldCertificate ROOT = TestCertificates.builder("Exporter Test Root").certificateAuthority(0)
            .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365))).build();
    private static final HeldCertificate LEAF = TestCertificates.builder("127.0.0.1").ipAddresses("127.0.0.1")
            .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))).signedBy(ROOT).build();
    private static final String PASSWORD = "Scrape-Pa55-h7Kq";

    @TempDir
    Path dir;
    private PreflightExporter exporter;

    @AfterEach
    void stop() {
        if (exporter != null) {
            exporter.close();
        }
    }

    @Test
    void httpsWithBasicAuthAdmitsOnlyTheConfiguredUser() throws Exception {
        exporter = start(new WebConfig(tls(), Map.of("prometheus",
                OpenBSDBCrypt.generate("2y", PASSWORD.toCharArray(), new byte[16], 4))));
        HttpClient client = HttpClient.newBuilder().sslContext(ROOT.trustingContext()).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> anonymous = client.send(request(null), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = client.send(request("prometheus:nope"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> stranger = client.send(request("mallory:" + PASSWORD), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> right = client.send(request("prometheus:" + PASSWORD), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = client.send(request("prometheus:" + PASSWORD), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(right.body()).doesNotContain(PASSWORD);
    }

    @Test
    void plainHttpToTheTlsListenerIsRefused() throws Exception {
        exporter = start(new WebConfig(tls(), Map.of()));
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port()
                + "/-/healthy")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aKeyThatIsNotPemIsAConfigurationErrorNamingTheFile() throws Exception {
        Path key = Files.writeString(dir.resolve("bad.key"), "not a key");
        WebConfig web = new WebConfig(new WebConfig.Tls(chainFile(), key, Optional.empty(), "TLSv1.2"), Map.of());

        assertThatThrownBy(() -> start(web)).isInstanceOf(dev.preflight.ConfigException.class)
                .hasMessageContaining("bad.key");
    }

    private HttpRequest request(String credentials) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + exporter.port() + "/-/healthy"))
                .timeout(Duration.ofSeconds(10));
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    private WebConfig.Tls tls() throws IOException {
        Path key = Files.writeString(dir.resolve("exporter.key"), LEAF.privateKeyPem());
        return new WebConfig.Tls(chainFile(), key, Optional.empty(), "TLSv1.2");
    }

    private Path chainFile() throws IOException {
        return Files.writeString(dir.resolve("exporter.crt"), LEAF.certificatePem());
    }

    private PreflightExporter start(WebConfig web) throws IOException {
        Path config = Files.writeString(dir.resolve("preflight.yml"), "targets:\n  mail: { domain: shop.invalid }\n");
        return PreflightExporter.builder().configuration(ConfigurationSource.files(config, null, Map.of()))
                .listen(new InetSocketAddress("127.0.0.1", 0)).web(web).log(line -> { }).start();
    }
}
