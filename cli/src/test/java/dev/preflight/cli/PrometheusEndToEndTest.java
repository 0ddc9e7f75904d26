package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.NginxServer;
import dev.preflight.testsupport.NginxSite;
import dev.preflight.testsupport.Pem;
import dev.preflight.testsupport.PrometheusTestServer;
import dev.preflight.testsupport.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight serve} in front of a real Prometheus, as a platform team runs it: a private nginx
 * serves a good site and one whose certificate expires in 3 days; Prometheus scrapes the exporter
 * with the example scrape configuration (intervals shortened) and evaluates the example alerting
 * rules. Through Prometheus' HTTP API, the series arrive and the expiry alert fires for the bad site
 * only. Bounded to a minute.
 */
class PrometheusEndToEndTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "prometheus");
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void seriesArriveAndTheExpiryAlertFiresForTheBadSiteOnly() throws Exception {
        NginxServer.assumeAvailable();
        PrometheusTestServer.assumeAvailable();
        Instant now = Instant.now();
        HeldCertificate root = TestCertificates.builder("Preflight Test Root").certificateAuthority(0)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650))).build();
        HeldCertificate good = TestCertificates.builder("good.test").dnsNames("good.test")
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90))).signedBy(root).build();
        HeldCertificate bad = TestCertificates.builder("bad.test").dnsNames("bad.test")
                .validity(now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(3))).signedBy(root).build();

        try (NginxServer nginx = NginxServer.builder().site(NginxSite.https("good.test", good).respond(200, "good"))
                .site(NginxSite.https("bad.test", bad).respond(200, "bad")).start()) {
            Files.writeString(dir.resolve("root.pem"), Pem.certificate(root.certificate()));
            Path config = Files.writeString(dir.resolve("preflight.yml"), """
                    network:
                      resolve: ["good.test:*:127.0.0.1", "bad.test:*:127.0.0.1"]
                      ca-file: root.pem
                    targets:
                      good: { url: "https://good.test:%1$d/" }
                      bad: { url: "https://bad.test:%1$d/" }
                    """.formatted(nginx.httpsPort()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread serving = new Thread(() -> PreflightCommand.execute(new String[] {"serve", "--config", config.toString(),
                    "--listen", "127.0.0.1:0", "--min-interval", "0s"}, Map.of(), System.out,
                    new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.PLAIN), "preflight-serve");
            serving.start();
            try {
                int exporter = await("the exporter to listen", () -> {
                    Matcher m = LISTENING.matcher(err.toString(StandardCharsets.UTF_8));
                    return m.find() ? Integer.parseInt(m.group(1)) : null;
                });
                try (PrometheusTestServer prometheus = PrometheusTestServer.start(
                        Map.of("preflight-rules.yml", Files.readString(EXAMPLES.resolve("preflight-rules.yml"))),
                        scrapeConfiguration(exporter))) {
                    String pass = await("the good site's PASS in Prometheus", () -> {
                        String answer = prometheus.query("preflight_probe_status{target=\"good\","
                                + "probe=\"tls.certificate\",status=\"pass\"} == 1");
                        return answer.contains("\"good\"") ? answer : null;
                    });
                    String alerts = await("the expiry alert to fire", () -> {
                        String answer = prometheus.api("/api/v1/alerts");
                        return answer.contains("PreflightCertificateExpiresSoon") && answer.contains("\"firing\"")
                                ? answer : null;
                    });

                    assertThat(pass).contains("\"instance\":\"good\"");
                    assertThat(alerts).contains("\"target\":\"bad\"").doesNotContain("\"target\":\"good\"");
                    assertThat(prometheus.query("preflight_probe_success{target=\"bad\",probe=\"tls.certificate\"}"))
                            .contains("\"0\"]");
                }
            } finally {
                serving.interrupt();
                serving.join(10_000);
            }
        }
    }

    /** The example scrape configuration, with second-long intervals and this exporter's port. */
    private static String scrapeConfiguration(int exporterPort) throws IOException {
        return Files.readString(EXAMPLES.resolve("prometheus.yml"))
                .replace("scrape_interval: 1m", "scrape_interval: 1s")
                .replace("evaluation_interval: 1m", "evaluation_interval: 1s")
                .replace("scrape_timeout: 30s", "scrape_timeout: 1s\n    params:\n      probe: [tls.certificate]")
                .replace("targets: [shop, shop-db, cache, mail]", "targets: [good, bad]")
                .replace("127.0.0.1:9871", "127.0.0.1:" + exporterPort);
    }

    private static <T> T await(String what, Callable<T> poll) throws Exception {
        Instant giveUp = Instant.now().plus(BOUND);
        while (Instant.now().isBefore(giveUp)) {
            T value = poll.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gave up waiting for " + what + " after " + BOUND.toSeconds() + " s");
    }
}
