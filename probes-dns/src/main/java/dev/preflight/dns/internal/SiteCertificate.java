package dev.preflight.dns.internal;

import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The certificate a domain's HTTPS site serves now, read from one TLS handshake (SNI the domain,
 * {@code --resolve} honoured, any chain accepted: this reads the issuer, it does not judge trust,
 * which is {@code tls.certificate}'s verdict). The handshake has three quarters of the time left, so
 * that a site that does not answer leaves time for the CAA verdict.
 *
 * @param leaf the certificate, or null when it is not known
 * @param endpoint where it was asked, e.g. {@code shop.example.com:443 (192.0.2.7)}
 * @param unknown why it is not known (no address, refused, no handshake in time...), or null
 */
public record SiteCertificate(X509Certificate leaf, String endpoint, String unknown) {

    /**
     * @param context the check's context
     * @param domain the site's host name
     * @param port the HTTPS port: 443, other only for tests on loopback
     * @return the certificate, or why it is not known
     * @throws InterruptedIOException if the check was cancelled
     */
    public static SiteCertificate read(ProbeContext context, String domain, int port) throws InterruptedIOException {
        // A quarter of the time left stays for the CAA verdict, which does not depend on the site.
        ProbeContext share = context.withDeadline(Instant.now().plus(context.remaining().multipliedBy(3).dividedBy(4)));
        Network network = Network.of(share);
        String endpoint = domain + ":" + port;
        try {
            InetAddress address = network.resolver().addresses(domain, port).get(0);
            endpoint = endpoint + " (" + address.getHostAddress() + ")";
            TlsSession session = network.tls().handshake(domain, address, port);
            List<X509Certificate> chain = session.chain();
            return chain.isEmpty() ? new SiteCertificate(null, endpoint, endpoint + " sent no certificate")
                    : new SiteCertificate(chain.get(0), endpoint, null);
        } catch (InterruptedIOException e) {
            if (NetworkFailures.isTimeout(e)) {
                return new SiteCertificate(null, endpoint, NetworkFailures.describe(e, endpoint));
            }
            throw e;
        } catch (IOException e) {
            return new SiteCertificate(null, endpoint, NetworkFailures.describe(e, endpoint));
        }
    }
}
