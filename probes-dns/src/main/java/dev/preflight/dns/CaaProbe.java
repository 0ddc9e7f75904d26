package dev.preflight.dns;

import dev.preflight.dns.internal.CaaPolicy;
import dev.preflight.dns.internal.CaaSet;
import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.dns.internal.SiteCertificate;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.net.Resolver;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;

/**
 * {@code dns.caa}: the domain says which certificate authorities may issue for it (RFC 8659), and
 * when its site serves a certificate, that certificate's CA may issue the renewal.
 *
 * <p>The CAA record set that applies is the domain's own or, when it has none, its nearest ancestor's:
 * the climb of RFC 8659 §3, stopping below the top-level domain. Then one TLS handshake with
 * {@code https://DOMAIN} (port 443, SNI the domain, {@code --resolve} honoured, any chain accepted:
 * trust is {@code tls.certificate}'s verdict) reads the certificate's issuer, and a table of CAs maps
 * the issuer's organisation to the CAA domain names that CA honours (Let's Encrypt, Google Trust
 * Services, DigiCert and its brands, Sectigo and ZeroSSL, Amazon, GlobalSign, GoDaddy/Starfield,
 * Entrust, Buypass, SSL.com, Microsoft). A wildcard certificate is held against {@code issuewild}
 * when there is one. A certificate that names neither the domain nor {@code *.DOMAIN} (a hosting
 * provider's default, another site's) is not this domain's to renew, so its issuer is not judged. The handshake has three quarters of the time left, so a site that does not
 * answer leaves the CAA verdict standing.
 *
 * <p>PASS: {@code issue} or {@code issuewild} properties name the CAs allowed, including the site's
 * CA when its certificate is known. WARN: no CAA anywhere up the tree (any CA may issue); CAA
 * records without an {@code issue} property; {@code issue ";"} alone when the site's certificate is
 * not known (right for a domain without certificates, fatal to one that renews them); a site CA
 * the table does not know, under records that limit the CAs (never a PASS on a guess). FAIL: a
 * critical property that CAs do not know, which makes every CA refuse (§4.1 and §5.4); an
 * {@code issue} value that is not a domain name; records that do not permit the site's current CA
 * (or forbid every CA) while the site serves a certificate: its next renewal will be refused.
 * ERROR: the DNS server failed or did not answer before the deadline. SKIP: a target that names no
 * domain. Details: {@code from} (where the records were found), {@code records}, {@code allowed},
 * {@code iodef}, {@code certificate} (its issuer and where it was read, or why it is not known),
 * {@code note} (issue parameters such as {@code accounturi}, which a certificate cannot confirm).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class CaaProbe extends DomainProbe {
    private final int httpsPort;

    /** The probe as CAs and browsers see the domain: its site on port 443. */
    public CaaProbe() {
        this(443);
    }

    /** @param httpsPort where the site listens; other than 443 only for tests on loopback */
    CaaProbe(int httpsPort) {
        this.httpsPort = httpsPort;
    }

    @Override
    public String id() {
        return "dns.caa";
    }

    @Override
    public String title() {
        return "CAA records name the certificate authorities that may issue, the site's current CA among them";
    }

    @Override
    Result check(ProbeContext context, String domain) throws Exception {
        Resolver dns = Network.of(context).resolver();
        String name = domain;
        while (true) {
            DnsAnswer answer = dns.caa(name);
            if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                return ServerFailures.error(answer);
            }
            if (answer.found()) {
                CaaSet set = CaaSet.of(answer);
                return CaaPolicy.judge(domain, name, set, SiteCertificate.read(context, domain, httpsPort));
            }
            int dot = name.indexOf('.');
            // RFC 8659 3: climb to the parent, but a top-level domain's CAA is no policy of the site's.
            if (dot < 0 || name.indexOf('.', dot + 1) < 0) {
                return CaaPolicy.none(domain, SiteCertificate.read(context, domain, httpsPort));
            }
            name = name.substring(dot + 1);
        }
    }
}
