package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.NginxServer;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A private knotd serves the zones {@code shop.test} (apex, {@code www} and {@code app}, all
 * 127.0.0.1) and {@code bare.test} (no {@code www}); a private nginx per case serves the two names
 * with server blocks that redirect, or not, as the case needs. The names reach nginx through the
 * DNS server, as {@code --dns-server} would, and the test root is trusted as {@code --ca-file} would.
 */
class WwwApexProbeTest {
    /** Several probes share two cores on the build machine: room for the handshakes, not for a hang. */
    private static final Duration LOADED_MACHINE = Duration.ofSeconds(20);
    private static final String APEX = "shop.test";
    private static final String WWW = "www.shop.test";
    private static final String SITE = "return 200 \"<!doctype html><title>shop</title><p>shop\";";

    private static DnsTestServer dns;
    private static HeldCertificate root;
    private static HeldCertificate intermediate;
    private static HeldCertificate bothNames;

    @BeforeAll
    static void startDnsAndMintCertificates() throws IOException {
        DnsTestServer.assumeAvailable();
        NginxServer.assumeAvailable();
        dns = DnsTestServer.builder()
                .zone(DnsZone.named(APEX).a("@", "127.0.0.1").a("www", "127.0.0.1").a("app", "127.0.0.1"))
                .zone(DnsZone.named("bare.test").a("@", "127.0.0.1"))
                .start();
        Instant now = Instant.now();
        root = TestCertificates.builder("Preflight WwwApex Root").certificateAuthority(1)
                .validity(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(3650))).build();
        intermediate = TestCertificates.builder("Preflight WwwApex Intermediate").certificateAuthority(0)
                .validity(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1825))).signedBy(root).build();
        bothNames = leaf(APEX, WWW, "app.shop.test", "bare.test", "www.bare.test");
    }

    @AfterAll
    static void stopDns() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void apexRedirectingPermanentlyToWwwPasses() throws IOException {
        try (NginxServer nginx = nginx(bothNames, "return 301 https://www.shop.test:${httpsPort}$request_uri;", SITE)) {
            Result result = check(nginx, WWW, null);

            assertThat(result).isPass()
                    .hasSummary("both www.shop.test and shop.test work and shop.test redirects permanently to www.shop.test")
                    .hasDetail("canonical", WWW).hasDetail("canonicalFrom", "the target's name")
                    .hasDetail("path", "/preflight-path-check")
                    .hasDetail("redirect", "301 -> https://www.shop.test:" + nginx.httpsPort() + "/preflight-path-check");
        }
    }

    @Test
    void anApexTargetThatRedirectsToWwwTakesWwwAsCanonical() throws IOException {
        try (NginxServer nginx = nginx(bothNames, "return 308 https://www.shop.test:${httpsPort}$request_uri;", SITE)) {
            Result result = check(nginx, APEX, null);

            assertThat(result).isPass().hasDetail("canonical", WWW)
                    .hasDetail("canonicalFrom", "the target's own redirect to www.shop.test");
        }
    }

    @Test
    void wwwRedirectingToTheApexPassesForAnApexTarget() throws IOException {
        try (NginxServer nginx = nginx(bothNames, SITE, "return 301 https://shop.test:${httpsPort}$request_uri;")) {
            assertThat(check(nginx, APEX, null)).isPass().hasDetail("canonical", APEX);
        }
    }

    @Test
    void aCanonicalSettingAgainstTheRedirectFails() throws IOException {
        try (NginxServer nginx = nginx(bothNames, "return 301 https://www.shop.test:${httpsPort}$request_uri;", SITE)) {
            Result result = check(nginx, WWW, "apex");

            assertThat(result).isFail().hasSummaryContaining("the canonical name shop.test redirects to www.shop.test")
                    .hasDetail("canonicalFrom", "the setting canonical");
            assertThat(result.details().get("problems").toString()).contains("serves content (200)");
        }
    }

    @Test
    void aTemporaryRedirectWarns() throws IOException {
        try (NginxServer nginx = nginx(bothNames, "return 302 https://www.shop.test:${httpsPort}$request_uri;", SITE)) {
            assertThat(check(nginx, WWW, null)).isWarn().hasSummaryContaining("with 302, a temporary redirect")
                    .hasRemediationContaining("Use 301 or 308");
        }
    }

    @Test
    void aRedirectThatDropsThePathWarns() throws IOException {
        try (NginxServer nginx = nginx(bothNames, "return 301 https://www.shop.test:${httpsPort}/;", SITE)) {
            assertThat(check(nginx, WWW, null)).isWarn().hasSummaryContaining("dropping the path /preflight-path-check")
                    .hasRemediationContaining("$request_uri");
        }
    }

    @Test
    void bothNamesServingContentWarnsAboutDuplicates() throws IOException {
        try (NginxServer nginx = nginx(bothNames, SITE, SITE)) {
            assertThat(check(nginx, WWW, null)).isWarn().hasSummaryContaining("serves content (200) instead of"
                    + " redirecting to www.shop.test").hasRemediationContaining("return 301 https://www.shop.test$request_uri;");
        }
    }

    @Test
    void aRedirectToAThirdHostFails() throws IOException {
        try (NginxServer nginx = nginx(bothNames, "return 301 https://elsewhere.test/;", SITE)) {
            assertThat(check(nginx, WWW, null)).isFail().hasSummaryContaining("redirects to another host, elsewhere.test");
        }
    }

    @Test
    void aTwinThatAnswersAnErrorFails() throws IOException {
        try (NginxServer nginx = nginx(bothNames, "return 404;", SITE)) {
            assertThat(check(nginx, WWW, null)).isFail().hasSummaryContaining("answers 404")
                    .hasSummaryContaining("visitors typing shop.test get an error");
        }
    }

    @Test
    void aTwinThatDoesNotResolveFails() throws IOException {
        try (NginxServer nginx = nginx(bothNames, SITE, SITE)) {
            Result result = check(nginx, "bare.test", null);

            assertThat(result).isFail().hasSummaryContaining("www.bare.test does not resolve")
                    .hasRemediationContaining("ALIAS");
        }
    }

    @Test
    void aCertificateThatDoesNotNameTheTwinFails() throws IOException {
        try (NginxServer nginx = nginx(leaf(WWW), "return 301 https://www.shop.test:${httpsPort}$request_uri;", SITE)) {
            Result result = check(nginx, WWW, null);

            assertThat(result).isFail().hasSummaryContaining("the certificate for shop.test: the certificate is not valid"
                    + " for shop.test");
        }
    }

    @Test
    void aSubdomainIsSkipped() throws IOException {
        try (NginxServer nginx = nginx(bothNames, SITE, SITE)) {
            assertThat(check(nginx, "app.shop.test", null)).isSkip()
                    .hasSummaryContaining("app.shop.test is neither a www. name nor a zone apex");
        }
    }

    @Test
    void anIpAddressIsSkipped() {
        Result result = ProbeTestKit.forProbe(new WwwApexProbe()).target(Target.web("https://127.0.0.1:8443/")).run()
                .result();

        assertThat(result).isSkip().hasSummaryContaining("is an IP address");
    }

    private static Result check(NginxServer nginx, String host, String canonical) {
        NetworkSettings network = NetworkSettings.builder().dnsServer(dns.address()).trust(List.of(root.certificate()))
                .build();
        ProbeTestKit kit = ProbeTestKit.forProbe(new WwwApexProbe())
                .target(Target.web("https://" + host + ":" + nginx.httpsPort() + "/")).network(network)
                .timeout(LOADED_MACHINE);
        return (canonical == null ? kit : kit.setting("canonical", canonical)).run().result();
    }

    /** One TLS port; the apex blocks (shop.test, bare.test) and the www blocks share directives by role. */
    private static NginxServer nginx(HeldCertificate leaf, String apex, String www) throws IOException {
        String tls = "    ssl_certificate ${dir}/chain.pem;\n    ssl_certificate_key ${dir}/key.pem;\n"
                + "    default_type text/html;\n";
        return NginxServer.builder().file("chain.pem", leaf.certificatePem() + intermediate.certificatePem())
                .file("key.pem", leaf.privateKeyPem())
                .http("server {\n    listen 127.0.0.1:${httpsPort} ssl;\n    server_name shop.test bare.test;\n" + tls
                        + "    " + apex + "\n}\n"
                        + "server {\n    listen 127.0.0.1:${httpsPort} ssl;\n    server_name www.shop.test app.shop.test;\n"
                        + tls + "    " + www + "\n}\n")
                .start();
    }

    private static HeldCertificate leaf(String... names) {
        Instant now = Instant.now();
        return TestCertificates.builder(names[0]).dnsNames(names)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(200))).signedBy(intermediate).build();
    }
}
