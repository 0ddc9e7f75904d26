package dev.preflight.dns.internal;

import dev.preflight.net.DnsAnswer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.xbill.DNS.CAARecord;

/**
 * The CAA record set that applies to a domain (RFC 8659), read property by property: which CAs
 * {@code issue} and {@code issuewild} permit, whether {@code issue ";"} forbids every CA, and what
 * is broken.
 *
 * @param shown each record as {@code flags tag "value"}
 * @param issue the issuer domain names {@code issue} permits, lower case
 * @param issueWild those {@code issuewild} permits; null when there is no {@code issuewild}
 *     property, so that {@code issue} governs wildcards too (RFC 8659 4.3)
 * @param forbidsAll whether an {@code issue ";"} forbids every CA and no {@code issue} permits one
 * @param restricted issue values carrying parameters (an ACME account, validation methods), which
 *     narrow the permission beyond what a certificate shows
 * @param iodef where CAs report refused requests
 * @param problems what makes CAs refuse or misread the set
 */
public record CaaSet(List<String> shown, Set<String> issue, Set<String> issueWild, boolean forbidsAll,
        List<String> restricted, List<String> iodef, List<String> problems) {
    private static final Set<String> KNOWN_TAGS = Set.of("issue", "issuewild", "iodef", "contactemail",
            "contactphone", "issuemail", "issuevmc");
    /** RFC 8659 4.2: the issuer domain name, before any parameters. */
    private static final Pattern ISSUER = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final int CRITICAL = 128;

    /** Copies the collections. */
    public CaaSet {
        shown = List.copyOf(shown);
        issue = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(issue));
        issueWild = issueWild == null ? null : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(issueWild));
        restricted = List.copyOf(restricted);
        iodef = List.copyOf(iodef);
        problems = List.copyOf(problems);
    }

    /**
     * @param answer the CAA records found
     * @return the set, read
     */
    public static CaaSet of(DnsAnswer answer) {
        List<String> shown = new ArrayList<>();
        Set<String> issue = new LinkedHashSet<>();
        Set<String> issueWild = null;
        List<String> restricted = new ArrayList<>();
        List<String> iodef = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean emptyIssue = false;
        for (CAARecord r : answer.records(CAARecord.class)) {
            String tag = r.getTag().toLowerCase(Locale.ROOT);
            String value = r.getValue().strip();
            shown.add(r.getFlags() + " " + tag + " \"" + value + "\"");
            if (!KNOWN_TAGS.contains(tag)) {
                if ((r.getFlags() & CRITICAL) != 0) {
                    problems.add("the critical property '" + tag + "' is unknown to CAs, so every CA must refuse to issue");
                }
                continue;
            }
            if (tag.equals("iodef")) {
                iodef.add(value);
            } else if (tag.equals("issue") || tag.equals("issuewild")) {
                String[] parts = value.split(";", 2);
                String issuer = parts[0].strip().toLowerCase(Locale.ROOT);
                if (tag.equals("issuewild") && issueWild == null) {
                    issueWild = new LinkedHashSet<>();
                }
                if (issuer.isEmpty()) {
                    emptyIssue |= tag.equals("issue");
                } else if (!ISSUER.matcher(issuer).matches()) {
                    problems.add(tag + " value '" + value + "' does not start with a CA's domain name");
                } else {
                    (tag.equals("issue") ? issue : issueWild).add(issuer);
                    if (parts.length > 1 && !parts[1].isBlank()) {
                        restricted.add(tag + " \"" + value + "\"");
                    }
                }
            }
        }
        return new CaaSet(shown, issue, issueWild, emptyIssue && issue.isEmpty(), restricted, iodef, problems);
    }

    /**
     * @param wildcard whether the certificate name is a wildcard
     * @return the issuer domain names permitted for such a name
     */
    public Set<String> permitted(boolean wildcard) {
        return wildcard && issueWild != null ? issueWild : issue;
    }

    /** @return every issuer domain name either property permits, in order */
    public Set<String> allowed() {
        Set<String> all = new LinkedHashSet<>(issue);
        if (issueWild != null) {
            all.addAll(issueWild);
        }
        return all;
    }
}
