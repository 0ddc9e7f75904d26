package dev.preflight.http;

import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.ProtocolScan;
import dev.preflight.http.internal.ProtocolVerdict;
import dev.preflight.http.internal.Site;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.time.Duration;

/**
 * {@code tls.protocols}: an HTTPS server accepts TLS 1.2 and 1.3 only, and none of the NULL, EXPORT, RC4,
 * DES, 3DES or anonymous cipher suites.
 *
 * <p>TLS 1.3 and 1.2 are tried with the JDK's own client, one version at a time, recording the suite the
 * server chooses. The JDK will not offer TLS 1.1, 1.0, SSLv3 or the weak suites (and changing
 * {@code jdk.tls.disabledAlgorithms} would change it for the whole JVM), so those are tried with
 * hand-built ClientHellos whose ServerHello alone says what the server accepts; the handshake is never
 * completed. Every address of the host is scanned, with the target's host name as SNI: about six
 * handshakes each, plus one per weak category a server accepts.
 *
 * <p>FAIL when the server accepts TLS 1.1, 1.0 or SSLv3, or any weak suite (details name the suites it
 * chose). WARN when it refuses TLS 1.3. PASS otherwise, saying so when TLS 1.3 could not be tested. SKIP for {@code http://} targets. ERROR when the
 * server cannot be reached, answers no TLS handshake in time, refuses every version tried, or the deadline
 * ends the scan before it can tell. An answer that is not a well-formed ServerHello or alert counts as
 * "unclear" and is listed, never guessed at; a version this JVM cannot offer is listed as not tested.
 *
 * <p>Settings: {@code handshake-timeout} (default {@code 3s}), the most one handshake waits for the
 * server, within the probe's deadline; a server that silently drops an old-protocol hello counts as
 * refusing it after that long.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TlsProtocolsProbe implements Probe {
    private static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(3);

    @Override
    public String id() {
        return "tls.protocols";
    }

    @Override
    public String title() {
        return "TLS accepts only versions 1.2 and 1.3 and no weak cipher suites";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Site site = Site.of(context).orElse(null);
        if (site == null) {
            return Result.skip("the target has no http:// or https:// URL");
        }
        if (!site.https()) {
            return Result.skip("not an https:// URL, so there is no TLS to check");
        }
        Duration timeout = context.settings().duration("handshake-timeout", DEFAULT_HANDSHAKE_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            throw context.settings().invalid("handshake-timeout", "must be positive, got " + timeout);
        }
        return PerAddress.check(site, address -> judge(site, address, timeout));
    }

    private static Result judge(Site site, InetAddress address, Duration timeout) throws Exception {
        ProtocolScan scan = ProtocolScan.run(site.host(), site.port(), address, site.context(), timeout);
        return ProtocolVerdict.of(scan, site.endpoint(), timeout).subject(site.endpoint()).build();
    }
}
