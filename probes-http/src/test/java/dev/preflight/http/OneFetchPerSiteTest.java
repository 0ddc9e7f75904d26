package dev.preflight.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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

    @Test
    void aSitesConnectionIsClosedWhenItsProbesAreDoneNotWhenTheRunEnds() {
        // A sweep must not keep an open socket, with its TLS buffers, for every site it has checked.
        try (TlsTestServer first = TestSites.https(TestRoutes.reply(200).body("<p>first</p>"));
                TlsTestServer second = TestSites.https(TestRoutes.reply(200).body("<p>second</p>"))) {
            Target firstSite = Target.web("https://shop.test:" + first.port() + "/");
            Probe connectionsToFirst = new Probe() {
                @Override
                public String id() {
                    return "test.connections-to-first";
                }

                @Override
                public String title() {
                    return "connections the first site's server still has open";
                }

                @Override
                public TargetKind targetKind() {
                    return TargetKind.WEB;
                }

                @Override
                public Result check(ProbeContext context) throws Exception {
                    if (context.target() == firstSite) {
                        return Result.pass("not asked");
                    }
                    long until = System.nanoTime() + 3_000_000_000L;
                    int open = established(first.port());
                    while (open > 0 && System.nanoTime() < until) {
                        Thread.sleep(20);
                        open = established(first.port());
                    }
                    return Result.pass(open + " open");
                }
            };

            Report report = Preflight.builder().discoverProbes(false)
                    .addProbe(new HstsProbe()).addProbe(connectionsToFirst)
                    .target(firstSite).target(Target.web("https://shop.test:" + second.port() + "/"))
                    .network(TestSites.network(first.port(), second.port()))
                    .parallelism(1).build().run();

            assertThat(first.connections()).as("the first site was fetched").isEqualTo(1);
            assertThat(report.outcomes()).filteredOn(o -> o.probeId().equals("test.connections-to-first"))
                    .extracting(o -> o.result().summary()).containsExactly("not asked", "0 open");
        }
    }

    /** @return the server-side connections on this loopback port that the client has not closed */
    private static int established(int port) throws IOException {
        String local = String.format(Locale.ROOT, ":%04X ", port);
        int n = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                // local_address rem_address st: 01 is ESTABLISHED (a closed peer leaves CLOSE_WAIT, 08)
                if (f.length > 3 && (f[1] + " ").endsWith(local) && f[3].equals("01")) {
                    n++;
                }
            }
        }
        return n;
    }
}
