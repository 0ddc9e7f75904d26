package dev.preflight.dns.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the CAA record set that applies to a domain (RFC 8659) and, when the domain's site serves
 * a certificate, whether that set permits the certificate's CA to issue its renewal.
 */
public final class CaaPolicy {
    /** subjectAltName entry type of a DNS name (RFC 5280 4.2.1.6). */
    private static final int DNS_NAME = 2;

    private CaaPolicy() {
    }

    /**
     * @param domain the domain checked
     * @param site the site's certificate, or why it is not known
     * @return the verdict when no CAA applies: any CA may issue, the site's included
     */
    public static Result none(String domain, SiteCertificate site) {
        return Result.builder(Status.WARN).summary("no CAA record for " + domain + " or its parents: any CA may issue"
                + " certificates for it")
                .remediation("Publish CAA records naming the CAs you use, e.g. '" + domain + ". CAA 0 issue"
                        + " \"" + suggestion(site, domain) + "\"', and an iodef address to hear of refused requests (RFC 8659).")
                .detail("certificate", certificate(site, domain)).build();
    }

    /**
     * @param domain the domain checked
     * @param from where the records were found: the domain or an ancestor
     * @param set the CAA records there, read
     * @param site the site's certificate, or why it is not known
     * @return the verdict
     */
    public static Result judge(String domain, String from, CaaSet set, SiteCertificate site) {
        String where = from.equals(domain) ? domain : domain + " (inherited from " + from + ")";
        Set<String> allowed = set.allowed();
        Result.Builder result;
        Optional<Issuer> issuer = Optional.ofNullable(site.leaf()).flatMap(leaf -> Issuer.of(leaf, domain));
        if (!set.problems().isEmpty()) {
            result = Result.builder(Status.FAIL).summary("CAA for " + where + ": " + set.problems().get(0))
                    .remediation("Fix the CAA records: only the properties issue, issuewild and iodef (RFC 8659), each"
                            + " issue value a CA's domain name such as \"letsencrypt.org\".")
                    .detail("problems", set.problems());
        } else if (issuer.isPresent() && issuer.get().refusedBy(set).isPresent()) {
            Issuer ca = issuer.get();
            String refused = ca.refusedBy(set).get();
            String name = ca.known().map(CertificateAuthorities.Known::name).orElse(ca.described());
            result = Result.builder(Status.FAIL).summary("CAA for " + where + " " + refused + ", but the site's"
                    + " certificate comes from " + ca.described() + ": the next renewal by " + name
                    + " will be refused")
                    .remediation("Add '" + from + ". CAA 0 " + (ca.wildcard() ? "issuewild" : "issue") + " \""
                            + ca.known().map(k -> preferred(k.identifiers())).orElse("the CA's domain name")
                            + "\"' before the certificate is renewed, or move the site to a CA the records permit.");
        } else if (issuer.isPresent() && issuer.get().known().isEmpty() && restricts(set, issuer.get().wildcard())) {
            result = Result.builder(Status.WARN).summary("cannot tell whether CAA for " + where + " (" + String.join(", ",
                    allowed.isEmpty() ? List.of("no CA") : allowed) + ") permits the site's certificate issuer "
                    + issuer.get().described())
                    .remediation("Check the CAA domain name in the CA's documentation (its CP/CPS) and make sure an"
                            + " issue property names it, or the next renewal will be refused.");
        } else if (allowed.isEmpty() && set.forbidsAll()) {
            result = Result.builder(Status.WARN).summary("CAA for " + where + " forbids every CA (issue \";\")")
                    .remediation("If the domain serves HTTPS, name its CA in an issue property, or renewals will fail.");
        } else if (allowed.isEmpty()) {
            result = Result.builder(Status.WARN).summary("CAA for " + where + " has no issue property: any CA may issue")
                    .remediation("Add an issue property naming the CAs you use, e.g. issue \"" + suggestion(site, domain) + "\".");
        } else {
            String permits = issuer.flatMap(Issuer::known).map(k -> ", and permits the site's CA " + k.name())
                    .orElse("");
            result = Result.builder(Status.PASS).summary("CAA for " + where + " allows " + String.join(", ", allowed)
                    + permits);
        }
        return result.detail("from", from).detail("records", set.shown()).detail("allowed", List.copyOf(allowed))
                .detail("iodef", set.iodef()).detail("certificate", certificate(site, domain))
                .detail("note", set.restricted().isEmpty() ? null : "parameters such as accounturi narrow "
                        + String.join(", ", set.restricted()) + "; a certificate does not show whether they hold")
                .build();
    }

    /** Whether the set limits which CAs may issue for such a name, so that the issuer matters. */
    private static boolean restricts(CaaSet set, boolean wildcard) {
        return wildcard && set.issueWild() != null || !set.issue().isEmpty() || set.forbidsAll();
    }

    private static String certificate(SiteCertificate site, String domain) {
        if (site.leaf() == null) {
            return "not known: " + site.unknown();
        }
        String issued = "issued by " + CertificateAuthorities.describeIssuer(site.leaf()) + " (" + site.endpoint() + ")";
        return Issuer.of(site.leaf(), domain).isPresent() ? issued
                : issued + ", but it names neither " + domain + " nor *." + domain + ", so its issuer is not judged";
    }

    private static String suggestion(SiteCertificate site, String domain) {
        return Optional.ofNullable(site.leaf()).flatMap(leaf -> Issuer.of(leaf, domain)).flatMap(Issuer::known)
                .map(k -> preferred(k.identifiers())).orElse("letsencrypt.org");
    }

    /** The CA's main domain name: the shortest, then alphabetical, for a stable suggestion. */
    private static String preferred(Collection<String> identifiers) {
        return identifiers.stream().sorted((a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length())
                : a.compareTo(b)).findFirst().orElse("");
    }

    /**
     * The site's certificate as CAA sees it: its CA, and whether the name checked is a wildcard.
     *
     * @param described the issuer as people read it
     * @param known the CA, if the table knows it
     * @param wildcard whether the certificate covers the domain only through a wildcard
     */
    private record Issuer(String described, Optional<CertificateAuthorities.Known> known, boolean wildcard) {

        /**
         * @return the issuer, or empty when the certificate names neither the domain nor {@code *.domain}:
         *     a hosting provider's default or another site's certificate, whose renewal this domain's CAA
         *     does not govern
         */
        static Optional<Issuer> of(X509Certificate leaf, String domain) {
            boolean exact = false;
            boolean wild = false;
            for (String name : dnsNames(leaf)) {
                String lower = name.toLowerCase(Locale.ROOT);
                exact |= lower.equals(domain);
                wild |= lower.equals("*." + domain);
            }
            if (!exact && !wild) {
                return Optional.empty();
            }
            return Optional.of(new Issuer(CertificateAuthorities.describeIssuer(leaf),
                    CertificateAuthorities.issuerOf(leaf), !exact));
        }

        /** @return how the set refuses this CA, e.g. {@code allows only digicert.com}, if it does */
        Optional<String> refusedBy(CaaSet set) {
            Set<String> permitted = set.permitted(wildcard);
            if (!restricts(set, wildcard)) {
                return Optional.empty();
            }
            String property = wildcard && set.issueWild() != null ? "issuewild" : "issue";
            if (permitted.isEmpty()) {
                // Refused whoever the CA is.
                return Optional.of("forbids every CA (" + property + " \";\")");
            }
            if (known.isEmpty() || permitted.stream().anyMatch(known.get().identifiers()::contains)) {
                return Optional.empty();
            }
            return Optional.of("allows only " + String.join(", ", permitted) + (wildcard ? " for wildcards" : ""));
        }

        private static List<String> dnsNames(X509Certificate leaf) {
            List<String> names = new ArrayList<>();
            try {
                Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
                if (alternatives != null) {
                    for (List<?> entry : alternatives) {
                        if (entry.size() >= 2 && Integer.valueOf(DNS_NAME).equals(entry.get(0))) {
                            names.add(String.valueOf(entry.get(1)));
                        }
                    }
                }
            } catch (CertificateParsingException e) {
                // An unreadable extension: the name then counts as no wildcard, the common case.
            }
            return names;
        }
    }
}
