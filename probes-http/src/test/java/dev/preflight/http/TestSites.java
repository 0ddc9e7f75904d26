package dev.preflight.http;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.HttpTestServer;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The site the HTTP probe tests check: {@code shop.test}, served over real TLS by loopback servers
 * with a chain minted once (valid from yesterday for a year), reached through host overrides as
 * {@code --resolve} would, with the test root trusted as {@code --ca-file} would.
 */
final class TestSites {
    static final String HOST = "shop.test";

    private static final HeldCertificate ROOT;
    private static final HeldCertificate INTERMEDIATE;
    private static final HeldCertificate LEAF;

    static {
        Instant now = Instant.now();
        ROOT = TestCertificates.builder("Preflight Test Root").certificateAuthority(1)
                .validity(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(3650))).build();
        INTERMEDIATE = TestCertificates.builder("Preflight Test Intermediate").certificateAuthority(0)
                .validity(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1825))).signedBy(ROOT).build();
        LEAF = TestCertificates.builder(HOST).dnsNames(HOST)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))).signedBy(INTERMEDIATE).build();
    }

    private TestSites() {
    }

    /**
     * @param handler the site's answers
     * @return an HTTPS server for {@code shop.test} with a good chain
     */
    static TlsTestServer https(HttpHandler handler) {
        try {
            return TlsTestServer.builder(LEAF).intermediates(INTERMEDIATE).handler(handler).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param handler the node's answers
     * @param address a loopback address to listen on
     * @param port a port, or 0 for a free one: a second node of one host takes the first node's port
     * @return an HTTPS server for {@code shop.test} with a good chain, on that address
     */
    static TlsTestServer https(HttpHandler handler, InetAddress address, int port) {
        try {
            return TlsTestServer.builder(LEAF).intermediates(INTERMEDIATE).handler(handler).bind(address, port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param handler the site's answers
     * @return a plain HTTP server
     */
    static HttpTestServer http(HttpHandler handler) {
        try {
            return HttpTestServer.start(handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param ports the ports to send to 127.0.0.1
     * @return network settings resolving {@code shop.test} on those ports and trusting the test root
     */
    static NetworkSettings network(int... ports) {
        NetworkSettings.Builder b = NetworkSettings.builder().trust(List.of(ROOT.certificate()));
        for (int port : ports) {
            b.hostOverride(new HostOverride(HOST, port, InetAddress.getLoopbackAddress()));
        }
        return b.build();
    }

    /**
     * @param probe the probe under test
     * @param url the target URL on {@code shop.test}
     * @param ports the ports the site listens on
     * @return a test kit for the probe against the site
     */
    static ProbeTestKit kit(Probe probe, String url, int... ports) {
        return ProbeTestKit.forProbe(probe).target(Target.web(url)).network(network(ports));
    }
}
