package dev.preflight.http;

import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Site;
import dev.preflight.net.Network;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * {@code http.http2}: an HTTPS site speaks HTTP/2. Browsers use HTTP/2 only over TLS and only when
 * the server picks {@code h2} in ALPN (RFC 7301, RFC 9113 §3.2), so the probe shakes hands offering
 * {@code h2} and {@code http/1.1}, as browsers do, and reads the server's choice. It is an
 * {@code http.} probe rather than {@code tls.alpn}: the question is the HTTP version visitors get;
 * ALPN is only how it is asked.
 *
 * <p>PASS: the server chose {@code h2}. WARN: it chose {@code http/1.1} (HTTP/2 is not enabled), or
 * ignored ALPN altogether (a server or TLS terminator without ALPN cannot offer HTTP/2 to
 * browsers); the remediation names the nginx, Apache, Caddy and load-balancer settings. FAIL: it
 * refused both protocols with the alert {@code no_application_protocol}, so no browser can connect.
 * SKIP for {@code http://} targets. ERROR when the server cannot be reached or the handshake fails or
 * times out. Every address of the host is checked and the worst named. No settings.
 *
 * <p>Details: {@code alpn} (the protocol chosen, {@code none} when the server ignored ALPN),
 * {@code offered}, {@code tlsVersion}. Stateless and thread-safe.
 *
 * @since 0.4
 */
public final class Http2Probe implements Probe {
    private static final List<String> OFFERED = List.of("h2", "http/1.1");
    private static final String ENABLE_HOW = "Enable HTTP/2 on the server that terminates TLS: nginx 1.25.1+ `http2 on;`"
            + " in the server block (older nginx: `listen 443 ssl http2;`); Apache: `Protocols h2 http/1.1` with"
            + " mod_http2; Caddy and most CDNs: on by default; AWS ALB: on by default, check the listener's ALPN"
            + " policy on an NLB TLS listener; HAProxy: `alpn h2,http/1.1` on the bind line.";

    @Override
    public String id() {
        return "http.http2";
    }

    @Override
    public String title() {
        return "HTTPS site offers HTTP/2 through ALPN";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Site site = Site.of(context).orElse(null);
        if (site == null || !site.https()) {
            return Result.skip("not an https:// URL: browsers speak HTTP/2 only over TLS");
        }
        return PerAddress.check(site, address -> judge(site, address));
    }

    /**
     * The landing page the other web probes share was fetched by a client offering h2 and http/1.1,
     * so an h2 answer there settles it without a handshake of our own; only a site that did not
     * answer in h2 is asked again, to tell "chose http/1.1" from "ignores ALPN" and from a refusal.
     */
    private static Result judge(Site site, InetAddress address) throws Exception {
        Page landing;
        try {
            landing = site.landing(address);
        } catch (IOException e) {
            return negotiate(site, address);
        }
        if (landing.tls() != null && "h2".equals(landing.protocol())) {
            return spoken(site, landing.tls().protocol()).build();
        }
        return negotiate(site, address);
    }

    private static Result.Builder spoken(Site site, String version) {
        return Result.builder(Status.PASS).summary(site.endpoint() + " speaks HTTP/2 (ALPN h2 over " + version + ")")
                .detail("alpn", "h2").detail("offered", OFFERED).detail("tlsVersion", version);
    }

    private static Result negotiate(Site site, InetAddress address) throws IOException {
        Network network = Network.of(site.context());
        try (Socket plain = network.connect(address, site.port());
                SSLSocket tls = network.tls().upgrade(plain, site.host(), OFFERED)) {
            String chosen = tls.getApplicationProtocol();
            String version = tls.getSession().getProtocol();
            String alpn = chosen == null || chosen.isEmpty() ? "none" : chosen;
            if (alpn.equals("h2")) {
                return spoken(site, version).build();
            }
            Result.Builder result;
            if (alpn.equals("none")) {
                result = Result.builder(Status.WARN)
                        .summary(site.endpoint() + " ignores ALPN, so browsers fall back to HTTP/1.1")
                        .remediation(ENABLE_HOW + " A TLS terminator without ALPN support must be upgraded or"
                                + " replaced.");
            } else {
                result = Result.builder(Status.WARN)
                        .summary(site.endpoint() + " chose " + alpn + " over h2: HTTP/2 is not enabled")
                        .remediation(ENABLE_HOW);
            }
            return result.detail("alpn", alpn).detail("offered", OFFERED).detail("tlsVersion", version).build();
        } catch (SSLHandshakeException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("no_application_protocol")) {
                return Result.builder(Status.FAIL)
                        .summary(site.endpoint() + " refused both h2 and http/1.1 (TLS alert no_application_protocol),"
                                + " so browsers cannot connect")
                        .remediation("Configure the server's ALPN list to include h2 and http/1.1. " + ENABLE_HOW)
                        .detail("offered", OFFERED).build();
            }
            throw e;
        }
    }
}
