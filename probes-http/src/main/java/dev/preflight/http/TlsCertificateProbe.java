package dev.preflight.http;

import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.ServedChain;
import dev.preflight.http.internal.Site;
import dev.preflight.net.Network;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

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
        ServedChain served = ServedChain.of(site, address);
        if (served.chain().isEmpty()) {
            return Result.fail(site.endpoint() + " sent no certificate", "Configure a certificate for " + site.host() + ".");
        }
        Result verdict = Network.of(site.context()).tls().judge(site.host(), served.chain()).toResult(site.endpoint());
        return served.note() == null ? verdict : verdict.toBuilder().detail("handshake", served.note()).build();
    }
}
