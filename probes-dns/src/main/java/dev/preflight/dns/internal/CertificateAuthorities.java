package dev.preflight.dns.internal;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Which CA issued a certificate, told by the organisation (O) of its issuer, and the issuer domain
 * names that CA looks for in CAA records before it issues (RFC 8659 4.2): the values its own CAA
 * documentation or CP/CPS names. A CA not listed is not guessed at: the caller cannot then tell
 * whether CAA permits it.
 */
public final class CertificateAuthorities {

    /**
     * A CA and the CAA issuer domain names it honours.
     *
     * @param name the CA's name for messages, e.g. {@code Let's Encrypt}
     * @param identifiers its CAA issuer domain names, lower case
     */
    public record Known(String name, Set<String> identifiers) {
        /** Copies the set. */
        public Known {
            identifiers = Set.copyOf(identifiers);
        }
    }

    /** Organisation prefixes (lower case, punctuation dropped) and the CA they name. */
    private static final List<Entry> TABLE = List.of(
            entry("lets encrypt", "Let's Encrypt", "letsencrypt.org"),
            entry("google trust services", "Google Trust Services", "pki.goog"),
            // DigiCert runs the GeoTrust, Thawte and RapidSSL brands and the former Symantec CAs, and
            // honours each brand's name; it also operates Cloudflare's own intermediates.
            entry("digicert", "DigiCert", "digicert.com", "symantec.com", "geotrust.com", "thawte.com",
                    "rapidssl.com", "digitalcertvalidation.com"),
            entry("cloudflare", "DigiCert (for Cloudflare)", "digicert.com", "symantec.com", "geotrust.com",
                    "thawte.com", "rapidssl.com", "digitalcertvalidation.com"),
            entry("sectigo", "Sectigo", "sectigo.com", "comodoca.com", "comodo.com", "usertrust.com",
                    "trust-provider.com"),
            entry("comodo", "Sectigo", "sectigo.com", "comodoca.com", "comodo.com", "usertrust.com",
                    "trust-provider.com"),
            // ZeroSSL certificates come from Sectigo intermediates, and Sectigo checks CAA for them.
            entry("zerossl", "ZeroSSL (Sectigo)", "sectigo.com", "comodoca.com", "comodo.com", "usertrust.com",
                    "trust-provider.com"),
            entry("amazon", "Amazon", "amazon.com", "amazontrust.com", "awstrust.com", "amazonaws.com"),
            entry("globalsign", "GlobalSign", "globalsign.com"),
            entry("godaddy", "GoDaddy", "godaddy.com", "starfieldtech.com"),
            entry("starfield", "Starfield (GoDaddy)", "starfieldtech.com", "godaddy.com"),
            entry("entrust", "Entrust", "entrust.net", "affirmtrust.com"),
            entry("buypass", "Buypass", "buypass.com", "buypass.no"),
            entry("ssl corporation", "SSL.com", "ssl.com"),
            entry("microsoft corporation", "Microsoft", "microsoft.com"));

    private CertificateAuthorities() {
    }

    /**
     * @param leaf a site's certificate
     * @return the CA that issued it, if the table knows it
     */
    public static Optional<Known> issuerOf(X509Certificate leaf) {
        String organisation = organisation(leaf.getIssuerX500Principal());
        if (organisation.isEmpty()) {
            return Optional.empty();
        }
        String key = organisation.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").strip();
        return TABLE.stream().filter(e -> key.startsWith(e.prefix())).map(Entry::ca).findFirst();
    }

    /**
     * @param leaf a certificate
     * @return its issuer as people read it, e.g. {@code R10 (Let's Encrypt)}
     */
    public static String describeIssuer(X509Certificate leaf) {
        X500Principal issuer = leaf.getIssuerX500Principal();
        String organisation = organisation(issuer);
        String common = attribute(issuer, "CN");
        if (organisation.isEmpty()) {
            return common.isEmpty() ? issuer.getName(X500Principal.RFC2253) : common;
        }
        return common.isEmpty() ? organisation : common + " (" + organisation + ")";
    }

    private static String organisation(X500Principal name) {
        return attribute(name, "O");
    }

    private static String attribute(X500Principal name, String type) {
        try {
            for (Rdn rdn : new LdapName(name.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    return String.valueOf(rdn.getValue()).strip();
                }
            }
        } catch (InvalidNameException e) {
            // A name the JDK itself wrote in RFC 2253 form: not expected, and then simply unknown.
        }
        return "";
    }

    private static Entry entry(String prefix, String name, String... identifiers) {
        return new Entry(prefix, new Known(name, Set.of(identifiers)));
    }

    private record Entry(String prefix, Known ca) {
    }
}
