package dev.preflight.http.internal;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What a certificate's issuer typically issues, by the issuer's organisation: how long its
 * certificates last, and whether it issues through ACME, i.e. for automated renewal. A small table of
 * the common public CAs, for the report; the renewal verdict rests on the certificate's own dates.
 */
public final class IssuerLifetimes {
    /** CA/Browser Forum ballot SC-081v3 (April 2025): 200 days from 2026-03-15, 100 from 2027-03-15, 47 from 2029-03-15. */
    private static final String COMMERCIAL = "at most 398 days if issued before 2026-03-15, 200 days since,"
            + " 100 days from 2027-03-15 (CA/Browser Forum ballot SC-081v3)";

    /**
     * One issuer's habits.
     *
     * @param name the CA, e.g. {@code Let's Encrypt}
     * @param typical its usual lifetime, in words
     * @param acme whether it issues through ACME, for automated renewal
     */
    public record Profile(String name, String typical, boolean acme) {
    }

    private record Entry(String organization, Profile profile) {
    }

    private static final List<Entry> TABLE = List.of(
            // letsencrypt.org/2015/11/09/why-90-days.html (90 days) and /2025/12/02/from-90-to-45 (profiles:
            // shortlived 6 days; tlsserver 45 days from 2026-05-13; classic 64 days from 2027-02-10, 45 from 2028-02-16).
            new Entry("let's encrypt", new Profile("Let's Encrypt", "90 days (classic profile; 64 days from 2027-02-10,"
                    + " 45 from 2028-02-16), 45 days (tlsserver profile), 6 days (shortlived profile)", true)),
            // ZeroSSL and Google Trust Services issue 90-day certificates over ACME by default (GTS: 1-90 days on request).
            new Entry("zerossl", new Profile("ZeroSSL", "90 days (ACME)", true)),
            new Entry("google trust services", new Profile("Google Trust Services", "90 days by default, 1-90 on request"
                    + " (ACME)", true)),
            // Buypass Go SSL: 180-day certificates over ACME.
            new Entry("buypass", new Profile("Buypass", "180 days (Go SSL, ACME)", true)),
            new Entry("sectigo", new Profile("Sectigo", COMMERCIAL, false)),
            new Entry("digicert", new Profile("DigiCert", COMMERCIAL, false)),
            new Entry("globalsign", new Profile("GlobalSign", COMMERCIAL, false)),
            new Entry("entrust", new Profile("Entrust", COMMERCIAL, false)),
            new Entry("godaddy", new Profile("GoDaddy", COMMERCIAL, false)),
            new Entry("amazon", new Profile("Amazon", COMMERCIAL + "; ACM renews its own certificates", false)));

    private IssuerLifetimes() {
    }

    /**
     * @param leaf a certificate
     * @return its issuer's profile, or empty for an issuer not in the table
     */
    public static Optional<Profile> of(X509Certificate leaf) {
        String organization = organization(leaf).toLowerCase(Locale.ROOT);
        if (organization.isEmpty()) {
            return Optional.empty();
        }
        return TABLE.stream().filter(e -> organization.contains(e.organization())).map(Entry::profile).findFirst();
    }

    /**
     * @param leaf a certificate
     * @return its issuer's organisation ({@code O}), else its common name ({@code CN}), else empty
     */
    public static String organization(X509Certificate leaf) {
        try {
            LdapName name = new LdapName(leaf.getIssuerX500Principal().getName());
            String common = "";
            for (Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("O")) {
                    return String.valueOf(rdn.getValue());
                }
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    common = String.valueOf(rdn.getValue());
                }
            }
            return common;
        } catch (InvalidNameException e) {
            // An issuer name the JDK printed but LDAP syntax cannot read: no profile, never an exception.
            return "";
        }
    }
}
