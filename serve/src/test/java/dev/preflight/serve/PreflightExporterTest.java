package dev.preflight.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.Pem;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter end to end over HTTP: real HTTPS sites on loopback with minted chains, a YAML
 * configuration on disk, and scrapes as Prometheus makes them.
 */
class PreflightExporterTest {
    private static final Instant NOW = Instant.now();
    private static final HeldCertificate ROOT = TestCertificates.builder("Preflight Test Root").certificateAuthority(0)
            .validity(NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(3650))).build();
    private static final HeldCertificate GOOD = TestCertificates.builder("shop.test").dnsNames("shop.test")
            .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90))).signedBy(ROOT).build();
    private static final HeldCertificate EXPIRING = TestCertificates.builder("old.test").dnsNames("old.test")
            .validity(NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(3))).signedBy(ROOT).build();

    @TempDir
    Path dir;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    private TlsTestServer shop;
    private TlsTestServer old;
    private Path config;

    @BeforeEach
    void sites() throws IOException {
        shop = TlsTestServer.builder(GOOD).respond(200, Map.of()).start();
        old = TlsTestServer.builder(EXPIRING).respond(200, Map.of()).start();
        closing.add(shop);
        closing.add(old);
        Files.writeString(dir.resolve("root.pem"), Pem.certificate(ROOT.certificate()));
        config = dir.resolve("preflight.yml");
        writeConfig("""
                targets:
                  shop: { url: "https://shop.test:%d/" }
                  old: { url: "https://old.test:%d/" }
                """.formatted(shop.port(), old.port()));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void probeAnswersStatusSuccessDurationAndTheCertificateExpiryGauge() throws Exception {
        PreflightExporter exporter = start(Duration.ofSeconds(30));

        HttpResponse<String> good = get(exporter, "/probe?target=shop&probe=tls.certificate");
        HttpResponse<String> bad = get(exporter, "/probe?target=old&probe=tls.certificate");

        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(good.body())
                .contains("preflight_probe_status{probe=\"tls.certificate\",status=\"pass\",target=\"shop\"} 1.0")
                .contains("preflight_probe_status{probe=\"tls.certificate\",status=\"fail\",target=\"shop\"} 0.0")
                .contains("preflight_probe_success{probe=\"tls.certificate\",target=\"shop\"} 1.0")
                .contains("preflight_probe_duration_seconds{probe=\"tls.certificate\",target=\"shop\"}");
        assertThat(value(good.body(), "preflight_tls_certificate_expiry_timestamp_seconds{probe=\"tls.certificate\","
                + "target=\"shop\"}")).isEqualTo(GOOD.certificate().getNotAfter().toInstant().getEpochSecond());
        assertThat(bad.body())
                .contains("preflight_probe_status{probe=\"tls.certificate\",status=\"fail\",target=\"old\"} 1.0")
                .contains("preflight_probe_success{probe=\"tls.certificate\",target=\"old\"} 0.0");
    }

    @Test
    void onlyConfiguredTargetsAndNonWritingProbesOfTheirKindRun() throws Exception {
        PreflightExporter exporter = start(Duration.ofSeconds(30));

        assertThat(get(exporter, "/probe").statusCode()).isEqualTo(400);
        HttpResponse<String> arbitrary = get(exporter, "/probe?target=https%3A%2F%2F169.254.169.254%2F");
        assertThat(arbitrary.statusCode()).isEqualTo(404);
        assertThat(arbitrary.body()).contains("only its configured targets");
        HttpResponse<String> writer = get(exporter, "/probe?target=shop&probe=http.rate-limit");
        assertThat(writer.statusCode()).isEqualTo(400);
        assertThat(writer.body()).contains("writing probes never run from /probe");
        assertThat(get(exporter, "/probe?target=shop&probe=dns.spf").statusCode()).isEqualTo(400);
    }

    @Test
    void aScrapeWithinTheMinimumIntervalIsServedFromTheLastRun() throws Exception {
        PreflightExporter exporter = start(Duration.ofMinutes(5));

        get(exporter, "/probe?target=shop&probe=tls.certificate");
        HttpResponse<String> second = get(exporter, "/probe?target=shop&probe=tls.certificate");
        String metrics = get(exporter, "/metrics").body();

        assertThat(second.body()).contains("preflight_probe_status{probe=\"tls.certificate\",status=\"pass\",target=\"shop\"} 1.0");
        assertThat(metrics).contains("preflight_exporter_runs_total{target=\"shop\"} 1.0")
                .contains("preflight_exporter_cache_hits_total{target=\"shop\"} 1.0")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void aProbesOwnMinimumIntervalOnATargetOverridesTheExportersDefault() throws Exception {
        writeConfig("""
                targets:
                  shop:
                    url: "https://shop.test:%d/"
                    settings: { tls.certificate.min-interval: 0s }
                """.formatted(shop.port()));
        PreflightExporter exporter = start(Duration.ofMinutes(5));

        get(exporter, "/probe?target=shop&probe=tls.certificate");
        get(exporter, "/probe?target=shop&probe=tls.certificate");

        assertThat(get(exporter, "/metrics").body()).contains("preflight_exporter_runs_total{target=\"shop\"} 2.0")
                .doesNotContain("preflight_exporter_cache_hits_total{target=\"shop\"}");
    }

    @Test
    void aMinimumIntervalThatIsNoDurationIsAConfigurationErrorNamingTheKey() throws Exception {
        writeConfig("""
                targets:
                  shop:
                    url: "https://shop.test:%d/"
                    settings: { tls.certificate.min-interval: hourly }
                """.formatted(shop.port()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(Duration.ZERO))
                .isInstanceOf(dev.preflight.ConfigException.class)
                .hasMessageContaining("targets.shop.settings.tls.certificate.min-interval").hasMessageContaining("hourly");
    }

    @Test
    void openMetricsWhenAsked() throws Exception {
        PreflightExporter exporter = start(Duration.ofSeconds(30));

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(exporter, "/probe?target=shop&probe=tls.certificate"))
                .header("Accept", "application/openmetrics-text; version=1.0.0").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/openmetrics-text"));
        assertThat(answer.body()).endsWith("# EOF\n");
    }

    @Test
    void reportIsTheCliReportOfTheSameRun() throws Exception {
        PreflightExporter exporter = start(Duration.ofSeconds(30));

        HttpResponse<String> json = get(exporter, "/report?target=old&probe=tls.certificate&format=json");
        HttpResponse<String> markdown = get(exporter, "/report?target=old&probe=tls.certificate&format=markdown");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"schema\"").contains("\"tls.certificate\"").contains("\"status\": \"fail\"");
        assertThat(markdown.body()).contains("tls.certificate").contains("old");
        assertThat(get(exporter, "/report?target=old&format=xml").statusCode()).isEqualTo(400);
    }

    @Test
    void healthReadinessAndReloadKeepingTheOldConfigurationWhenTheNewIsInvalid() throws Exception {
        PreflightExporter exporter = start(Duration.ZERO);
        assertThat(get(exporter, "/-/healthy").statusCode()).isEqualTo(200);
        assertThat(get(exporter, "/-/ready").statusCode()).isEqualTo(200);

        writeConfig("targets:\n  shop: { url: \"https://shop.test:%d/\", timeout: soon }\n".formatted(shop.port()));
        HttpResponse<String> refused = post(exporter, "/-/reload");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("kept the old configuration").contains("timeout");
        assertThat(log).anySatisfy(line -> assertThat(line).contains("reload failed").contains("preflight.yml"));
        assertThat(get(exporter, "/probe?target=old&probe=tls.certificate").statusCode()).isEqualTo(200);

        writeConfig("targets:\n  renamed: { url: \"https://shop.test:%d/\" }\n".formatted(shop.port()));
        assertThat(post(exporter, "/-/reload").statusCode()).isEqualTo(200);
        assertThat(get(exporter, "/probe?target=old&probe=tls.certificate").statusCode()).isEqualTo(404);
        assertThat(get(exporter, "/probe?target=renamed&probe=tls.certificate").statusCode()).isEqualTo(200);
        assertThat(get(exporter, "/-/reload").statusCode()).isEqualTo(405);
    }

    /** @return the value of the series whose line starts with {@code series} */
    private static double value(String exposition, String series) {
        return exposition.lines().filter(l -> l.startsWith(series + " ")).map(l -> l.substring(series.length() + 1))
                .mapToDouble(Double::parseDouble).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + exposition));
    }

    private void writeConfig(String targets) throws IOException {
        Files.writeString(config, """
                network:
                  resolve: ["shop.test:*:127.0.0.1", "old.test:*:127.0.0.1"]
                  ca-file: root.pem
                """ + targets);
    }

    private PreflightExporter start(Duration minInterval) throws IOException {
        PreflightExporter exporter = PreflightExporter.builder()
                .configuration(ConfigurationSource.files(config, null, Map.of()))
                .listen(new InetSocketAddress("127.0.0.1", 0)).minInterval(minInterval).log(log::add).start();
        closing.add(exporter);
        return exporter;
    }

    private HttpResponse<String> get(PreflightExporter exporter, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(exporter, path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(PreflightExporter exporter, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(exporter, path)).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(PreflightExporter exporter, String path) {
        return URI.create("http://127.0.0.1:" + exporter.port() + path);
    }
}
