package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.NginxServer;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A private nginx per case, configured the ways sites answer a foreign {@code Host}: a default server
 * that refuses (421) or hangs up (444), one that redirects to the canonical host, a site that answers
 * any host, and sites that echo {@code $host} or {@code $http_x_forwarded_host} into a redirect, a
 * body or a header. {@code shop.test} is sent to 127.0.0.1 as {@code --resolve} would.
 */
class HostHeaderProbeTest {
    /** Several probes share two cores on the build machine: room for the handshakes, not for a hang. */
    private static final Duration LOADED_MACHINE = Duration.ofSeconds(20);
    private static final String HOST = TestSites.HOST;
    private static final String PAGE = "return 200 \"<!doctype html><title>shop</title><p>shop\";";
    private static final HeldCertificate LEAF = TestCertificates.builder(HOST).dnsNames(HOST).build();

    @BeforeAll
    static void needsNginx() {
        NginxServer.assumeAvailable();
    }

    @Test
    void aDefaultServerAnswering421Passes() throws IOException {
        Result result = check("return 421;", PAGE);

        assertThat(result).isPass().hasSummaryContaining("is refused (421)")
                .hasSummaryContaining("X-Forwarded-Host, X-Host and X-Forwarded-Server are not echoed")
                .hasDetail("foreignHostStatus", 421).hasDetail("forwardedStatus", 200);
        assertThat((String) result.details().get("foreignHost")).matches("pf-[0-9a-f]{10}\\.invalid");
    }

    @Test
    void aDefaultServerClosingTheConnectionPasses() throws IOException {
        Result result = check("return 444;", PAGE);

        assertThat(result).isPass().hasSummaryContaining("answered by closing the connection")
                .hasDetail("foreignHostStatus", "closed");
    }

    @Test
    void aRedirectToTheCanonicalHostPasses() throws IOException {
        Result result = check("return 301 https://shop.test$request_uri;", PAGE);

        assertThat(result).isPass().hasSummaryContaining("is redirected (301) to https://shop.test/");
    }

    @Test
    void aSiteServingAnyHostWarns() throws IOException {
        Result result = check(null, PAGE);

        assertThat(result).isWarn().hasSummaryContaining("is served (200): the site answers for any host name")
                .hasRemediationContaining("ALLOWED_HOSTS").hasRemediationContaining("return 444;");
    }

    @Test
    void aRelativeRedirectForAnyHostWarns() throws IOException {
        Result result = check("absolute_redirect off; return 302 /login;", PAGE);

        assertThat(result).isWarn().hasSummaryContaining("redirected (302) within the requested host");
    }

    @Test
    void aCatchAllRedirectBuiltFromHostFails() throws IOException {
        Result result = check("return 301 https://$host$request_uri;", PAGE);

        assertThat(result).isFail().hasSummaryContaining("is answered 301 with that name in the Location header")
                .hasSummaryContaining("password-reset poisoning").hasRemediationContaining("ALLOWED_HOSTS");
    }

    @Test
    void aBodyBuiltFromHostFails() throws IOException {
        Result result = check(null, "return 200 \"<a href='https://$host/reset?token=1'>reset your password</a>\";");

        assertThat(result).isFail().hasSummaryContaining("is answered 200 with that name in the body");
    }

    @Test
    void aTrustedXForwardedHostFailsAndNamesTheHeaders() throws IOException {
        Result result = check("return 421;", "add_header X-Debug-Server $http_x_forwarded_server always;"
                + " return 200 \"<a href='https://$http_x_forwarded_host/reset'>reset</a>\";");

        assertThat(result).isFail().hasSummaryContaining("the X-Forwarded-Host a client sends")
                .hasSummaryContaining("comes back in the body").hasSummaryContaining("(and 1 more problem)")
                .hasSummaryContaining("-xfh.invalid")
                .hasRemediationContaining("proxy_set_header X-Forwarded-Host $host;")
                .hasDetail("foreignHostStatus", 421);
        assertThat(result.details().get("problems").toString())
                .contains("the X-Forwarded-Server a client sends").contains("the X-Debug-Server header");
    }

    /**
     * @param defaultServer directives of a default server for unknown names, or null for none (the
     *     site's own block is then the default)
     * @param site directives of the {@code shop.test} block
     */
    private static Result check(String defaultServer, String site) throws IOException {
        String tls = "    ssl_certificate ${dir}/leaf.pem;\n    ssl_certificate_key ${dir}/key.pem;\n";
        String config = (defaultServer == null ? "" : "server {\n    listen 127.0.0.1:${httpsPort} ssl default_server;\n"
                + "    server_name _;\n" + tls + "    " + defaultServer + "\n}\n")
                + "server {\n    listen 127.0.0.1:${httpsPort} ssl;\n    server_name " + HOST + ";\n" + tls
                + "    default_type text/html;\n    " + site + "\n}\n";
        try (NginxServer nginx = NginxServer.builder().file("leaf.pem", LEAF.certificatePem())
                .file("key.pem", LEAF.privateKeyPem()).http(config).start()) {
            NetworkSettings network = NetworkSettings.builder()
                    .hostOverride(new HostOverride(HOST, nginx.httpsPort(), InetAddress.getLoopbackAddress())).build();
            return ProbeTestKit.forProbe(new HostHeaderProbe())
                    .target(Target.web("https://" + HOST + ":" + nginx.httpsPort() + "/")).network(network)
                    .timeout(LOADED_MACHINE).run()
                    .result();
        }
    }
}
