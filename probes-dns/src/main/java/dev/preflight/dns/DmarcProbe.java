package dev.preflight.dns;

import dev.preflight.dns.internal.DmarcLookup;
import dev.preflight.dns.internal.DmarcRecord;
import dev.preflight.dns.internal.OrganisationalDomains;
import dev.preflight.dns.internal.Problem;
import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.net.Resolver;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code dns.dmarc}: the domain publishes one valid DMARC policy (RFC 7489) that tells receivers to
 * quarantine or reject spoofed mail, and asks for aggregate reports.
 *
 * <p>The record is looked up at {@code _dmarc.<domain>}; when there is none, at the organisational
 * domain's, whose {@code sp=} (else {@code p=}) applies (RFC 7489 6.6.3). The organisational domain
 * is approximated without the Public Suffix List: see {@link OrganisationalDomains}.
 *
 * <p>PASS: one record, p=quarantine or p=reject for the domain, pct=100, aggregate reports asked
 * for at destinations that accept them. WARN: p=none (monitoring only), pct below 100, no rua=, a
 * p= not right after v=, a non-mailto report URI, or an external report destination that has not
 * authorised reports for the domain (RFC 7489 7.1). FAIL: no record, several records, a missing or
 * invalid p=, any invalid tag value or tag syntax. ERROR: the DNS server failed or did not answer
 * in time. SKIP: a target that names no domain.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class DmarcProbe extends DomainProbe {

    @Override
    public String id() {
        return "dns.dmarc";
    }

    @Override
    public String title() {
        return "A DMARC policy quarantines or rejects spoofed mail and asks for reports";
    }

    @Override
    Result check(ProbeContext context, String domain) throws Exception {
        Resolver dns = Network.of(context).resolver();
        DmarcLookup found = DmarcLookup.find(dns, domain);
        if (found.failure().isPresent()) {
            return ServerFailures.error(found.failure().get());
        }
        String org = found.organisationalDomain();
        String recordDomain = found.recordDomain();
        boolean inherited = found.inherited();
        List<Problem> problems = new ArrayList<>(found.problems());
        if (found.records().isEmpty()) {
            String where = "_dmarc." + domain + (inherited ? " nor at _dmarc." + org : "");
            return Result.builder(Status.FAIL).summary("no DMARC record at " + where)
                    .remediation("Publish a TXT record at _dmarc." + domain + " such as 'v=DMARC1; p=none; rua=mailto:"
                            + "dmarc-reports@" + domain + "', read the reports, then move to p=quarantine and p=reject.")
                    .detail("organisationalDomain", org).detail("problems", texts(problems)).build();
        }
        if (found.records().size() > 1) {
            return Result.builder(Status.FAIL)
                    .summary(found.records().size() + " DMARC records at _dmarc." + recordDomain
                            + ": receivers apply none of them (RFC 7489 6.6.3)")
                    .remediation("Keep exactly one TXT record starting v=DMARC1 at _dmarc." + recordDomain + ".")
                    .detail("record", found.records()).detail("organisationalDomain", org).build();
        }
        DmarcRecord record = found.record().orElseThrow();
        problems.addAll(record.problems());
        Optional<String> policy = found.policy(record);
        if (policy.isPresent() && policy.get().equals("none")) {
            String tag = inherited && record.hasSubdomainPolicy() ? "sp" : "p";
            problems.add(Problem.warn(tag + "=none: monitoring only: spoofed mail is still delivered",
                    "Once the aggregate reports show your own mail passes SPF or DKIM in alignment, set "
                            + tag + "=quarantine, then " + tag + "=reject."));
        }
        if (!inherited && record.policy().filter(p -> !p.equals("none")).isPresent()
                && record.subdomainPolicy().filter(p -> p.equals("none")).isPresent()) {
            problems.add(Problem.warn("sp=none: subdomains of " + domain + " are monitoring only",
                    "Remove sp=none (subdomains then get p=) unless a subdomain is still being brought into line."));
        }
        problems.addAll(destinations(dns, recordDomain, org, record));
        return verdict(domain, recordDomain, inherited, org, record, policy, problems);
    }

    private static Result verdict(String domain, String recordDomain, boolean inherited, String org, DmarcRecord record,
            Optional<String> policy, List<Problem> problems) {
        Status status = Problem.worst(problems);
        List<Problem> ordered = Problem.worstFirst(problems);
        String source = inherited ? "the organisational domain's record at _dmarc." + recordDomain
                : "_dmarc." + recordDomain;
        String summary;
        if (status == Status.PASS) {
            summary = "DMARC policy " + policy.orElse("?") + " for " + domain + " (" + source + "), pct=" + record.pct()
                    + ", aggregate reports to " + String.join(", ", record.rua());
        } else {
            summary = ordered.get(0).text() + " (" + source + ")" + (problems.size() > 1 ? " (and "
                    + (problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : "");
        }
        Result.Builder result = Result.builder(status).summary(summary)
                .detail("record", record.text())
                .detail("recordDomain", "_dmarc." + recordDomain)
                .detail("organisationalDomain", org)
                .detail("policy", record.policy().orElse(null))
                .detail("subdomainPolicy", record.subdomainPolicy().orElse(null))
                .detail("pct", record.pct())
                .detail("rua", record.rua())
                .detail("problems", texts(ordered));
        if (status != Status.PASS) {
            Set<String> fixes = new LinkedHashSet<>();
            ordered.stream().filter(p -> p.status() == status).forEach(p -> fixes.add(p.fix()));
            ordered.forEach(p -> fixes.add(p.fix()));
            result.remediation(String.join(" ", fixes));
        }
        return result.build();
    }

    /** External destinations must publish {@code <domain>._report._dmarc.<destination>} (RFC 7489 7.1). */
    private static List<Problem> destinations(Resolver dns, String recordDomain, String org, DmarcRecord record)
            throws IOException {
        List<Problem> problems = new ArrayList<>();
        Set<String> asked = new LinkedHashSet<>();
        List<String> uris = new ArrayList<>(record.rua());
        uris.addAll(record.ruf());
        for (String uri : uris) {
            Optional<String> destination = DmarcRecord.mailDomain(uri);
            if (destination.isEmpty() || destination.get().equals(recordDomain)
                    || OrganisationalDomains.of(destination.get()).equals(org) || !asked.add(destination.get())) {
                continue;
            }
            String name = recordDomain + "._report._dmarc." + destination.get();
            DnsAnswer answer = dns.txt(name);
            boolean authorised = answer.found() && answer.texts().stream().anyMatch(DmarcRecord::isDmarc);
            if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                problems.add(Problem.warn("could not confirm that " + destination.get() + " accepts reports for "
                        + recordDomain + ": the DNS server failed for TXT " + name,
                        "Check that TXT " + name + " answers 'v=DMARC1'."));
            } else if (!authorised) {
                problems.add(Problem.warn("report destination " + destination.get() + " has not authorised reports for "
                        + recordDomain + " (no v=DMARC1 at " + name + "): reports will not be sent",
                        "Ask the operator of " + destination.get() + " to publish TXT 'v=DMARC1' at " + name
                                + " (RFC 7489 7.1), or send reports to an address under " + org + "."));
            }
        }
        return problems;
    }

    private static List<String> texts(List<Problem> problems) {
        return problems.stream().map(Problem::text).toList();
    }
}
