package dev.preflight.dns.internal;

import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a domain's DMARC policy is found (RFC 7489 6.6.3): the TXT records at {@code _dmarc.<domain>},
 * else, when there are none, at the organisational domain's, whose {@code sp=} (else {@code p=})
 * applies. TXT records that only nearly start with {@code v=DMARC1} are ignored, as receivers ignore
 * them, and noted as problems. Immutable.
 *
 * @param domain the domain asked about, lower case
 * @param organisationalDomain its approximate organisational domain ({@link OrganisationalDomains})
 * @param recordDomain where the records were found: the domain, or the organisational domain when
 *     {@code inherited}
 * @param inherited whether the domain has none of its own and the organisational domain's apply
 * @param records the texts of the DMARC records found there: one is a policy, none or several are none
 * @param problems TXT records near {@code _dmarc} that receivers ignore, as FAIL problems
 * @param failure the answer of a DNS server that failed (SERVFAIL) on the way, if one did
 */
public record DmarcLookup(String domain, String organisationalDomain, String recordDomain, boolean inherited,
        List<String> records, List<Problem> problems, Optional<DnsAnswer> failure) {

    /** Copies the lists. */
    public DmarcLookup {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /**
     * @param dns the check's resolver
     * @param domain a domain, lower case, without a trailing dot
     * @return what was found; never a DNS failure thrown, only one that did not answer in time
     * @throws IOException if a DNS server did not answer before the deadline
     */
    public static DmarcLookup find(Resolver dns, String domain) throws IOException {
        String org = OrganisationalDomains.of(domain);
        List<Problem> problems = new ArrayList<>();
        DnsAnswer own = dns.txt("_dmarc." + domain);
        if (own.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return new DmarcLookup(domain, org, domain, false, List.of(), problems, Optional.of(own));
        }
        List<String> records = records(own, domain, problems);
        if (!records.isEmpty() || org.equals(domain)) {
            return new DmarcLookup(domain, org, domain, false, records, problems, Optional.empty());
        }
        DnsAnswer inherited = dns.txt("_dmarc." + org);
        if (inherited.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return new DmarcLookup(domain, org, org, true, List.of(), problems, Optional.of(inherited));
        }
        return new DmarcLookup(domain, org, org, true, records(inherited, org, problems), problems, Optional.empty());
    }

    private static List<String> records(DnsAnswer answer, String domain, List<Problem> problems) {
        List<String> records = new ArrayList<>();
        for (String text : answer.texts()) {
            if (DmarcRecord.isDmarc(text)) {
                records.add(text);
            } else if (text.strip().regionMatches(true, 0, "v=dmarc", 0, 7)
                    || text.strip().regionMatches(true, 0, "v =", 0, 3)) {
                problems.add(Problem.fail("TXT at _dmarc." + domain + " ignored, not starting with exactly v=DMARC1: '"
                        + TagList.shorten(text) + "'", "Start the record with exactly 'v=DMARC1;' (RFC 7489 6.4)."));
            }
        }
        return records;
    }

    /** @return the one record that applies, parsed, when there is exactly one */
    public Optional<DmarcRecord> record() {
        return records.size() == 1 ? Optional.of(DmarcRecord.parse(records.get(0))) : Optional.empty();
    }

    /**
     * @param record the record that applies
     * @return the policy for the domain: {@code sp=} (else {@code p=}) when inherited, else {@code p=}
     */
    public Optional<String> policy(DmarcRecord record) {
        return inherited ? record.subdomainPolicy() : record.policy();
    }
}
