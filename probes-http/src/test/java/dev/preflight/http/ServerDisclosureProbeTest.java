package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real HTTPS answers from {@code shop.test} with the banners real servers send. */
class ServerDisclosureProbeTest {

    @Test
    void serverVersionWarnsWithTheNginxSwitch() {
        Result result = check(TestRoutes.reply(200).header("Server", "nginx/1.22.1"));

        assertThat(result).isWarn().hasSummary("Server: nginx/1.22.1 reveals the software version")
                .hasRemediationContaining("server_tokens off").hasDetail("versions", List.of("nginx/1.22.1"))
                .hasDetail("revealing", List.of("Server: nginx/1.22.1"));
    }

    @Test
    void phpAndApacheVersionsWarnWithBothSwitches() {
        Result result = check(TestRoutes.reply(200).header("Server", "Apache/2.4.57 (Debian)")
                .header("X-Powered-By", "PHP/8.1.2"));

        assertThat(result).isWarn()
                .hasSummary("Server: Apache/2.4.57 (Debian); X-Powered-By: PHP/8.1.2 reveal the software version")
                .hasRemediationContaining("ServerTokens Prod").hasRemediationContaining("expose_php = Off")
                .hasDetail("versions", List.of("Apache/2.4.57", "PHP/8.1.2"));
    }

    @Test
    void aspNetVersionHeaderWarns() {
        Result result = check(TestRoutes.reply(200).header("X-AspNet-Version", "4.0.30319"));

        assertThat(result).isWarn().hasDetail("versions", List.of("ASP.NET/4.0.30319"))
                .hasRemediationContaining("enableVersionHeader=\"false\"");
    }

    @Test
    void bareProductNamesPassAndAreListed() {
        Result result = check(TestRoutes.reply(200).header("Server", "nginx").header("X-Powered-By", "Express")
                .header("X-Runtime", "0.013"));

        assertThat(result).isPass()
                .hasSummary("no version revealed (Server: nginx; X-Powered-By: Express; X-Runtime: 0.013)")
                .hasDetail("disclosed", List.of("Server: nginx", "X-Powered-By: Express", "X-Runtime: 0.013"));
    }

    @Test
    void bareFrameworkNamesWarnWhenAskedTo() {
        try (TlsTestServer server = TestSites.https(TestRoutes.reply(200).header("Server", "nginx")
                .header("X-Powered-By", "Express"))) {
            Result result = kit(server.port()).setting("warn-on-product-names", "true").run().result();

            assertThat(result).isWarn().hasSummary("X-Powered-By: Express reveals the software in use")
                    .hasRemediationContaining("app.disable('x-powered-by')");
        }
    }

    @Test
    void noBannerPasses() {
        assertThat(check(TestRoutes.reply(200).body("ok"))).isPass().hasSummary("no Server or X-Powered-By header");
    }

    @Test
    void aVersionOnARedirectHopCountsToo() {
        HttpHandler site = TestRoutes.builder()
                .on("/", TestRoutes.reply(301).header("Location", "/app").header("Server", "openresty/1.21.4.1"))
                .on("/app", TestRoutes.reply(200).header("Server", "gunicorn"))
                .build();

        assertThat(check(site)).isWarn().hasSummary("Server: openresty/1.21.4.1 reveals the software version")
                .hasDetail("disclosed", List.of("Server: openresty/1.21.4.1", "Server: gunicorn"));
    }

    private static Result check(HttpHandler handler) {
        try (TlsTestServer server = TestSites.https(handler)) {
            return kit(server.port()).run().result();
        }
    }

    private static ProbeTestKit kit(int port) {
        return TestSites.kit(new ServerDisclosureProbe(), "https://shop.test:" + port + "/", port);
    }
}
