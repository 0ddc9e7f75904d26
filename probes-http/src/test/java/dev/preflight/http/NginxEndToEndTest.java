package dev.preflight.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.report.ReportFormat;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.NginxServer;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every web probe, discovered as the CLI discovers them, against a private nginx (the Debian
 * package) configured once like a hardened production site and once like a careless one: the
 * hardened site passes everything, the careless one fails each probe for the reason planted in
 * {@code nginx/careless.conf}. nginx runs on loopback ports; {@code shop.test} reaches it through host
 * overrides and the test root is trusted, as {@code --resolve} and {@code --ca-file} would.
 */
class NginxEndToEndTest {
    private static final String HOST = "shop.test";
    /** Asks DNS for the SOA of shop.test, and this test has no DNS server of its own; WwwApexProbeTest has. */
    private static final String NEEDS_DNS = "http.www-apex";
    private static final String DB_PASSWORD = "careless-db-password-9f8e7d";
    private static final Map<String, Status> HARDENED = new TreeMap<>(Map.ofEntries(
            Map.entry("tls.certificate", Status.PASS),
            Map.entry("tls.protocols", Status.PASS),
            Map.entry("tls.renewal", Status.PASS),
            Map.entry("http.https-redirect", Status.PASS),
            Map.entry("http.hsts", Status.PASS),
            Map.entry("http.security-headers", Status.PASS),
            Map.entry("http.cookies", Status.PASS),
            Map.entry("http.cors", Status.PASS),
            Map.entry("http.exposed-endpoints", Status.PASS),
            Map.entry("http.debug-mode", Status.PASS),
            Map.entry("http.server-disclosure", Status.PASS),
            Map.entry("http.compression", Status.PASS),
            Map.entry("http.health", Status.PASS),
            Map.entry("http.http2", Status.PASS),
            Map.entry("http.host-header", Status.PASS),
            Map.entry("http.frontend-bundle", Status.PASS),
            Map.entry("http.static-assets", Status.PASS),
            Map.entry("http.protected-paths", Status.SKIP),
            Map.entry("http.reachable-paths", Status.SKIP)));
    private static final Map<String, Status> CARELESS = new TreeMap<>(Map.ofEntries(
            Map.entry("tls.certificate", Status.FAIL),
            Map.entry("tls.protocols", Status.FAIL),
            Map.entry("tls.renewal", Status.PASS),
            Map.entry("http.https-redirect", Status.FAIL),
            Map.entry("http.hsts", Status.FAIL),
            Map.entry("http.security-headers", Status.FAIL),
            Map.entry("http.cookies", Status.FAIL),
            Map.entry("http.cors", Status.FAIL),
            Map.entry("http.exposed-endpoints", Status.FAIL),
            Map.entry("http.debug-mode", Status.FAIL),
            Map.entry("http.server-disclosure", Status.WARN),
            Map.entry("http.compression", Status.WARN),
            Map.entry("http.health", Status.FAIL),
            Map.entry("http.http2", Status.WARN),
            Map.entry("http.host-header", Status.WARN),
            Map.entry("http.frontend-bundle", Status.FAIL),
            Map.entry("http.static-assets", Status.FAIL),
            Map.entry("http.protected-paths", Status.SKIP),
            Map.entry("http.reachable-paths", Status.SKIP)));

    private static HeldCertificate root;
    private static HeldCertificate intermediate;
    private static HeldCertificate leaf;

    @BeforeAll
    static void mintTheSiteChain() {
        // CI must run this test; elsewhere a missing nginx skips it visibly rather than failing the build.
        NginxServer.assumeAvailable();
        Instant now = Instant.now();
        root = TestCertificates.builder("Preflight E2E Root").certificateAuthority(1)
                .validity(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(3650))).build();
        intermediate = TestCertificates.builder("Preflight E2E Intermediate").certificateAuthority(0)
                .validity(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1825))).signedBy(root).build();
        leaf = TestCertificates.builder(HOST).dnsNames(HOST)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(200))).signedBy(intermediate).build();
    }

    @Test
    void aHardenedSitePassesEveryWebProbe() throws IOException {
        try (NginxServer nginx = start("hardened.conf")) {
            Report report = check(nginx);

            assertThat(verdicts(report)).containsExactlyEntriesOf(HARDENED);
            assertThat(report.unnamedWriters()).as("not named, so not run").containsExactly("http.csrf", "http.rate-limit");
        }
    }

    @Test
    void aCarelessSiteFailsEachProbeForItsPlantedReason() throws IOException {
        try (NginxServer nginx = start("careless.conf")) {
            Report report = check(nginx);

            assertThat(verdicts(report)).containsExactlyEntriesOf(CARELESS);
            assertThat(report.unnamedWriters()).as("not named, so not run").containsExactly("http.csrf", "http.rate-limit");
            assertThat(summary(report, "tls.certificate")).contains("intermediate");
            assertThat(summary(report, "tls.protocols")).contains("TLSv1.0");
            assertThat(summary(report, "http.https-redirect")).containsIgnoringCase("plain HTTP");
            assertThat(summary(report, "http.cors")).contains("echoes any Origin");
            assertThat(summary(report, "http.exposed-endpoints")).contains(".env");
            assertThat(summary(report, "http.debug-mode")).contains("Django");
            assertThat(summary(report, "http.frontend-bundle")).contains("pk_test_");
            assertThat(summary(report, "http.health")).contains("503");
            assertThat(summary(report, "http.server-disclosure")).contains("nginx/");
            assertThat(summary(report, "http.static-assets")).contains("/assets/site-Dq7x2KmB.css");
            StringWriter json = new StringWriter();
            ReportFormat.JSON.writer(false).write(report, json);
            assertThat(json.toString()).doesNotContain(DB_PASSWORD).doesNotContain("abc123");
        }
    }

    /**
     * Verdicts must not depend on how busy the checking machine is: eight copies of each site checked
     * at once, with two spinning threads per core for the whole run, give every copy the verdicts an
     * idle machine gives.
     */
    @Test
    void verdictsAreTheSameWithEveryCoreBusy() throws IOException {
        try (NginxServer hardened = start("hardened.conf"); NginxServer careless = start("careless.conf");
                BusyCores busy = BusyCores.spin(2 * Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(3))) {
            List<Target> targets = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                targets.add(site(hardened, "hardened-" + i));
                targets.add(site(careless, "careless-" + i));
            }
            NetworkSettings.Builder network = NetworkSettings.builder().trust(List.of(root.certificate()));
            for (NginxServer nginx : List.of(hardened, careless)) {
                network.hostOverride(new HostOverride(HOST, nginx.httpsPort(), InetAddress.getLoopbackAddress()))
                        .hostOverride(new HostOverride(HOST, nginx.httpPort(), InetAddress.getLoopbackAddress()));
            }

            Report report = Preflight.builder().targets(targets).probes("tls.*", "http.*").exclude(NEEDS_DNS).network(network.build())
                    .timeout(Duration.ofSeconds(30)).build().run();

            for (Target target : targets) {
                Map<String, Status> verdicts = report.outcomes().stream().filter(o -> o.target().equals(target.name()))
                        .collect(Collectors.toMap(ProbeOutcome::probeId, o -> o.result().status(), (a, b) -> a,
                                TreeMap::new));
                assertThat(verdicts).as(target.name() + ": " + report.outcomes().stream()
                        .filter(o -> o.target().equals(target.name()) && o.result().status() == Status.ERROR)
                        .map(o -> o.probeId() + " " + o.result().summary()).toList())
                        .containsExactlyEntriesOf(target.name().startsWith("hardened") ? HARDENED : CARELESS);
            }
            assertThat(busy.spins()).as("the cores really were busy").isPositive();
        }
    }

    private static NginxServer start(String config) throws IOException {
        String landing = "<!doctype html><html><head><title>Shop</title><link rel=\"stylesheet\""
                + " href=\"/assets/site-Dq7x2KmB.css\"><script src=\"/app.js\"></script></head>"
                + "<body><h1>Shop</h1>" + "<p>Everything you need, delivered tomorrow.</p>".repeat(40) + "</body></html>";
        String script = "const api = \"https://" + HOST + "/api\"; const stripeKey = \"pk_live_51HxPreflightLiveKey0000\";";
        String carelessScript = "const api = \"http://localhost:8080/api\"; const stripeKey = \"pk_test_51HxPreflightTestKey0000\";";
        String text = resource(config).replace("${HOST}", HOST).replace("${LANDING}", landing)
                .replace("${STYLES}", "body{margin:0;font-family:system-ui}\\n".repeat(40))
                .replace("${CARELESS_SCRIPT}", carelessScript).replace("${SCRIPT}", script);
        return NginxServer.builder()
                .file("chain.pem", leaf.certificatePem() + intermediate.certificatePem())
                .file("leaf.pem", leaf.certificatePem())
                .file("key.pem", leaf.privateKeyPem())
                .http(text)
                .start();
    }

    private static Report check(NginxServer nginx) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        NetworkSettings network = NetworkSettings.builder()
                .hostOverride(new HostOverride(HOST, nginx.httpsPort(), loopback))
                .hostOverride(new HostOverride(HOST, nginx.httpPort(), loopback))
                .trust(List.of(root.certificate())).build();
        Target site = site(nginx, "https://" + HOST + ":" + nginx.httpsPort() + "/");
        return Preflight.builder().target(site).probes("tls.*", "http.*").exclude(NEEDS_DNS).network(network)
                .timeout(Duration.ofSeconds(20)).build().run();
    }

    private static Target site(NginxServer nginx, String name) {
        String url = "https://" + HOST + ":" + nginx.httpsPort() + "/";
        return Target.builder(name, TargetKind.WEB).uri(URI.create(url))
                .setting("http.https-redirect.http-port", String.valueOf(nginx.httpPort()))
                .setting("http.cors.paths", "/api/items")
                .setting("http.health.path", "/health")
                .setting("http.health.expect", "status == \"healthy\"")
                .build();
    }

    private static Map<String, Status> verdicts(Report report) {
        return report.outcomes().stream().collect(Collectors.toMap(ProbeOutcome::probeId, o -> o.result().status(),
                (a, b) -> a, TreeMap::new));
    }

    private static String summary(Report report, String probeId) {
        return report.outcomes().stream().filter(o -> o.probeId().equals(probeId)).findFirst().orElseThrow()
                .result().summary();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NginxEndToEndTest.class.getResourceAsStream("/nginx/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
