package dev.preflight.http.internal;

import dev.preflight.net.Network;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.ProbeContext;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;

/**
 * The certificate chain one node of an HTTPS site sends, exactly as sent, for the probes that judge
 * it ({@code tls.certificate}, {@code tls.renewal}). It comes from the handshake of the landing page
 * the site's probes share, so a site costs one handshake however many probes read its chain.
 *
 * @param chain the chain as sent, leaf first; empty if the server sent none
 * @param note how it was read when not from a finished handshake, or null
 */
public record ServedChain(List<X509Certificate> chain, String note) {
    /** Time kept back from the shared page for a handshake of the probe's own. */
    private static final Duration MIN_RESERVE = Duration.ofMillis(300);
    private static final Duration MAX_RESERVE = Duration.ofSeconds(3);

    /** Copies the chain. */
    public ServedChain {
        chain = List.copyOf(chain);
    }

    /**
     * The chain from the handshake the site's probes share. The shared page is waited for only until
     * a reserve of the deadline is left: a backend that never answers the GET must not keep the
     * certificate, which came with the handshake, from being judged. Without the page (no answer in
     * time, or a server that speaks TLS but not HTTP) the probe shakes hands itself.
     *
     * @param site an {@code https} site
     * @param address the node to ask
     * @return the chain as sent
     * @throws Exception if the node cannot be reached or the handshake fails or times out
     */
    public static ServedChain of(Site site, InetAddress address) throws Exception {
        ProbeContext context = site.context();
        Duration left = context.remaining();
        Duration reserve = clamp(left.dividedBy(4), MIN_RESERVE, MAX_RESERVE);
        Site early = Site.of(context.withDeadline(Instant.now().plus(left.minus(reserve)))).orElseThrow();
        try {
            TlsSession tls = early.landing(address).tls();
            if (tls != null) {
                return new ServedChain(tls.chain(), null);
            }
        } catch (ConnectException | UnknownHostException e) {
            throw e;
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted() || e instanceof InterruptedException) {
                throw e;
            }
        }
        try {
            return new ServedChain(Network.of(context).tls().handshake(site.host(), address, site.port()).chain(), null);
        } catch (SSLHandshakeException e) {
            // A server that speaks only TLS 1.0 or 1.1: the JVM will not finish the handshake, but the
            // chain came in the clear before it gave up. The version is tls.protocols' verdict.
            LegacyChain.Found legacy = LegacyChain.read(e, site.host(), address, site.port(), context).orElseThrow(() -> e);
            return new ServedChain(legacy.chain(), "read from a " + legacy.version() + " handshake, which this JVM"
                    + " refuses to finish; tls.protocols judges the version");
        }
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }
}
