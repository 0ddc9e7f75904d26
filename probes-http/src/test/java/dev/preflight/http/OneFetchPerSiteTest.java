package dev.preflight.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A site's probes share one connection and one fetch of the landing page: run together by the real
 * runner, in parallel, against one HTTPS server that counts what it sees.
 */
class OneFetchPerSiteTest {

    @Test
    void fiveProbesCostOneHandshakeAndOneFetchOfTheLandingPage() {
        AtomicInteger landingFetches = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        Set<String> connections = ConcurrentHashMap.newKeySet();
        HttpHandler page = TestRoutes.reply(200).header("Content-Type", "text/html")
                .header("Content-Encoding", "gzip")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Server", "nginx")
                .body(CompressionProbeTest.gzip("<p>shop</p>".repeat(500)));
        HttpHandler counting = exchange -> {
            requests.incrementAndGet();
            connections.add(exchange.getRemoteAddress().toString());
            if (exchange.getRequestURI().getPath().equals("/")) {
                landingFetches.incrementAndGet();
            }
            page.handle(exchange);
        };
        try (TlsTestServer server = TestSites.https(counting)) {
            Report report = Preflight.builder().discoverProbes(false)
                    .addProbe(new TlsCertificateProbe())
                    .addProbe(new HstsProbe())
                    .addProbe(new SecurityHeadersProbe())
                    .addProbe(new ServerDisclosureProbe())
                    .addProbe(new CompressionProbe())
                    .target(Target.web("https://shop.test:" + server.port() + "/"))
                    .network(TestSites.network(server.port()))
                    .build().run();

            Map<String, Status> statuses = report.outcomes().stream()
                    .collect(Collectors.toMap(ProbeOutcome::probeId, ProbeOutcome::status));
            assertThat(statuses).containsOnlyKeys("tls.certificate", "http.hsts", "http.security-headers",
                    "http.server-disclosure", "http.compression").allSatisfy((id, status) ->
                    assertThat(status).as(id).isEqualTo(Status.PASS));
            assertThat(landingFetches).as("GET / requests").hasValue(1);
            assertThat(requests).as("requests in all").hasValue(1);
            assertThat(connections).as("TLS connections").hasSize(1);
        }
    }
}
