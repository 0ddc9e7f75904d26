package dev.preflight.http;

import dev.preflight.http.internal.LegacyChain;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Site;
import dev.preflight.net.Network;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;

/**
 * {@code tls.certificate}: the certificate an HTTPS site presents is trusted, names the host, is not
 * about to expire, and uses a strong key and signature.
 *
 * <p>The probe completes one handshake (with SNI, honouring {@code --resolve} overrides), keeps the
 * chain exactly as sent, and judges it itself against the JDK's trust store plus {@code --ca-file}:
 * an untrusted, self-signed or incomplete chain is a FAIL with its reason, never a handshake ERROR.
 * FAIL for: an untrusted chain, a self-signed certificate, a missing intermediate, a host-name
 * mismatch, a certificate expired, not yet valid or expiring in fewer than {@code fail-days} (7)
 * days, an RSA key under 2048 bits or an EC key under 256, a SHA-1 or MD5 signature on the leaf or an
 * intermediate. WARN for fewer than {@code warn-days} (30) days left. SKIP for {@code http://}
 * targets. ERROR when the server cannot be reached or the handshake fails or times out. Revocation
 * is not checked.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Gauge (for {@code preflight serve}): {@code tls_certificate_expiry_timestamp_seconds}, the leaf's expiry.
 *
 * @since 0.1
 */
public final class TlsCertificateProbe implements Probe {
    /** Time kept back from the shared page for a handshake of the probe's own. */
    private static final Duration MIN_RESERVE = Duration.ofMillis(300);
    private static final Duration MAX_RESERVE = Duration.ofSeconds(3);
    @Override
    public String id() {
        return "tls.certificate";
    }

    @Override
    public String title() {
        return "TLS certificate is trusted, matches the host and is not about to expire";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        URI uri = context.target().uri().orElse(null);
        if (uri == null || uri.getHost() == null) {
            return Result.skip("the target has no URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            return Result.skip("not an https:// URL, so there is no certificate to check");
        }
        Site site = Site.of(context).orElseThrow();
        return PerAddress.check(site, address -> judge(site, address));
    }

    private static Result judge(Site site, InetAddress address) throws Exception {
        Served served = chain(site, address);
        if (served.chain().isEmpty()) {
            return Result.fail(site.endpoint() + " sent no certificate", "Configure a certificate for " + site.host() + ".");
        }
        Result verdict = Network.of(site.context()).tls().judge(site.host(), served.chain()).toResult(site.endpoint());
        return served.note() == null ? verdict : verdict.toBuilder().detail("handshake", served.note()).build();
    }

    /** The chain as sent, and how it was read when not from a finished handshake. */
    private record Served(List<X509Certificate> chain, String note) {
    }

    /**
     * The chain from the handshake the site's probes share. The shared page is waited for only until
     * a reserve of the deadline is left: a backend that never answers the GET must not keep the
     * certificate, which came with the handshake, from being judged. Without the page (no answer in
     * time, or a server that speaks TLS but not HTTP) the probe shakes hands itself.
     */
    private static Served chain(Site site, InetAddress address) throws Exception {
        ProbeContext context = site.context();
        Duration left = context.remaining();
        Duration reserve = clamp(left.dividedBy(4), MIN_RESERVE, MAX_RESERVE);
        Site early = Site.of(context.withDeadline(Instant.now().plus(left.minus(reserve)))).orElseThrow();
        try {
            TlsSession tls = early.landing(address).tls();
            if (tls != null) {
                return new Served(tls.chain(), null);
            }
        } catch (ConnectException | UnknownHostException e) {
            throw e;
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted() || e instanceof InterruptedException) {
                throw e;
            }
        }
        try {
            return new Served(Network.of(context).tls().handshake(site.host(), address, site.port()).chain(), null);
        } catch (SSLHandshakeException e) {
            // A server that speaks only TLS 1.0 or 1.1: the JVM will not finish the handshake, but the
            // chain came in the clear before it gave up. The version is tls.protocols' verdict.
            LegacyChain.Found legacy = LegacyChain.read(e, site.host(), address, site.port(), context).orElseThrow(() -> e);
            return new Served(legacy.chain(), "read from a " + legacy.version() + " handshake, which this JVM refuses"
                    + " to finish; tls.protocols judges the version");
        }
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }
}
