package dev.preflight.bench.sweep;

import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.NginxServer;
import dev.preflight.testsupport.NginxSite;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Locale;

/**
 * The swept sites: {@code site-0001.bench.test} … on one private nginx, each with its own
 * certificate under one test root (root → intermediate → leaf, served with the intermediate), and
 * a mix of response headers so that the header probes have something to judge:
 *
 * <ul>
 *   <li>site 1, 5, 9, …: HSTS for two years with includeSubDomains and preload, CSP,
 *       X-Frame-Options, X-Content-Type-Options, Referrer-Policy;
 *   <li>site 2, 6, …: HSTS for one year only;
 *   <li>site 3, 7, …: HSTS for one day, X-Content-Type-Options;
 *   <li>site 4, 8, …: no security header at all.
 * </ul>
 *
 * <p>Session tickets are off, so that every handshake is a full one, as on a first visit, even when
 * a JVM sweeps a second time. The leaves share one RSA 2048 key pair: minting a thousand RSA keys would take minutes, and the
 * handshake costs the same whichever key it is.
 */
final class SweepSites {
    static final String DOMAIN = "bench.test";

    private SweepSites() {
    }

    static String name(int index) {
        return String.format(Locale.ROOT, "site-%04d.%s", index, DOMAIN);
    }

    /**
     * @param count how many sites
     * @param caFile where to write the root certificate (PEM)
     * @return nginx serving them, on its {@link NginxServer#httpsPort()}
     */
    static NginxServer start(int count, Path caFile) throws IOException {
        HeldCertificate root = TestCertificates.builder("Preflight Bench Root").certificateAuthority(1).build();
        HeldCertificate intermediate = TestCertificates.builder("Preflight Bench Intermediate").certificateAuthority(0)
                .signedBy(root).build();
        Files.writeString(caFile, root.certificatePem(), StandardCharsets.US_ASCII);
        KeyPair leafKey = TestCertificates.rsaKeyPair(2048);
        NginxServer.Builder nginx = NginxServer.builder()
                .workerProcesses(Runtime.getRuntime().availableProcessors())
                .startTimeout(Duration.ofSeconds(60))
                // Every sweep is a first contact: no TLS 1.3 resumption in the warm runs either
                // (the session cache is off by default; tickets are on by default).
                .http("ssl_session_tickets off;");
        for (int i = 1; i <= count; i++) {
            String name = name(i);
            HeldCertificate leaf = TestCertificates.builder(name).dnsNames(name).keyPair(leafKey)
                    .signedBy(intermediate).build();
            nginx.site(headers(NginxSite.https(name, leaf, intermediate), i));
        }
        return nginx.start();
    }

    private static NginxSite headers(NginxSite site, int index) {
        switch (index % 4) {
            case 1:
                return site.header("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload")
                        .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                        .header("X-Frame-Options", "DENY")
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "strict-origin-when-cross-origin");
            case 2:
                return site.header("Strict-Transport-Security", "max-age=31536000");
            case 3:
                return site.header("Strict-Transport-Security", "max-age=86400")
                        .header("X-Content-Type-Options", "nosniff");
            default:
                return site;
        }
    }
}
