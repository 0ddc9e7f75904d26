package dev.preflight.dns;

import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.dns.internal.SpfLookups;
import dev.preflight.dns.internal.SpfRecord;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.net.Resolver;
import dev.preflight.probe.Gauge;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code dns.spf}: the domain publishes one SPF record (RFC 7208) that parses, evaluates within the
 * limits, and ends by refusing or marking the senders it does not list.
 *
 * <p>PASS: exactly one {@code v=spf1} TXT record, valid by the RFC 7208 grammar, that ends in
 * {@code -all} or {@code ~all} (itself or through {@code redirect}), with at most 10 terms that ask DNS
 * and at most 2 void lookups counted through every include and redirect, and no {@code ptr}. FAIL: no
 * record or several, a syntax error (named with its term and position), {@code +all}, more than 10
 * lookups, more than 2 void lookups, an include loop, an include or redirect to a domain without a
 * record, an mx with more than 10 hosts. WARN: {@code ?all}, neither {@code all} nor {@code redirect},
 * {@code ptr}, or an include whose target has macros and so could not be followed. ERROR: a DNS server
 * failed, or did not answer in time, on the way (temperror). SKIP: a target that names no domain.
 *
 * <p>Lookups are counted for the worst case, as if no earlier term matched: a sender that matches none
 * of the early terms meets them all. Stateless and thread-safe.
 *
 * <p>Gauge (for {@code preflight serve}): {@code dns_spf_lookups}, the lookups the record costs.
 *
 * @since 0.2
 */
public final class SpfProbe extends DomainProbe {

    @Override
    public String id() {
        return "dns.spf";
    }

    @Override
    public String title() {
        return "One valid SPF record, within the lookup limits, ending in -all or ~all";
    }

    @Override
    Result check(ProbeContext context, String domain) throws Exception {
        Resolver dns = Network.of(context).resolver();
        SpfLookups.Fetched fetched = SpfLookups.fetch(dns, domain);
        DnsAnswer answer = fetched.answer();
        if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return Result.error(ServerFailures.describe(answer) + " (temperror)", null);
        }
        if (answer.outcome() == DnsAnswer.Outcome.NO_SUCH_NAME) {
            return Result.builder(Status.FAIL).summary(domain + " does not exist in DNS (NXDOMAIN)")
                    .remediation("Register the domain or fix its delegation, then publish an SPF record.")
                    .detail("server", answer.server()).build();
        }
        if (fetched.records().isEmpty()) {
            return Result.builder(Status.FAIL).summary(domain + " has no SPF record")
                    .remediation("Publish one TXT record at " + domain + " listing the servers that send its mail,"
                            + " e.g. 'v=spf1 include:<your mail provider's SPF domain> -all'; a domain that sends"
                            + " no mail: 'v=spf1 -all'.")
                    .build();
        }
        if (fetched.records().size() > 1) {
            return Result.builder(Status.FAIL).summary("permerror: " + fetched.records().size() + " SPF records at "
                    + domain)
                    .remediation("Merge them into one TXT record starting with 'v=spf1': with several, every"
                            + " receiver treats SPF as broken (RFC 7208 4.5).")
                    .detail("records", fetched.records()).build();
        }
        SpfRecord record = SpfRecord.parse(fetched.records().get(0));
        SpfLookups walk = SpfLookups.walk(dns, domain, record);
        return judge(domain, record, walk);
    }

    private static Result judge(String domain, SpfRecord record, SpfLookups walk) {
        List<String> fails = new ArrayList<>(record.problems());
        Set<String> advice = new LinkedHashSet<>();
        if (!record.problems().isEmpty()) {
            advice.add("Fix the record's syntax as RFC 7208 4.6 and 7.1 give it; the problems name each term.");
        }
        fails.addAll(walk.permErrors());
        if (!walk.permErrors().isEmpty()) {
            advice.add("Point every include and redirect at a domain with exactly one valid SPF record, and break"
                    + " any loop.");
        }
        if (walk.lookups() > SpfLookups.LOOKUP_LIMIT) {
            fails.add(walk.lookups() + " DNS lookups, more than the " + SpfLookups.LOOKUP_LIMIT
                    + " SPF allows (RFC 7208 4.6.4)" + (walk.stopped() ? ", and more not followed" : ""));
            advice.add("Bring the lookups to 10 or fewer: flatten includes into ip4:/ip6: ranges, drop includes"
                    + " of services that no longer send for you, and avoid a, mx and ptr.");
        }
        if (walk.voids() > SpfLookups.VOID_LIMIT) {
            fails.add(walk.voids() + " void lookups (names with no records), more than the " + SpfLookups.VOID_LIMIT
                    + " RFC 7208 4.6.4 allows");
            advice.add("Remove the terms that name domains with no records.");
        }
        String all = walk.effectiveAll();
        List<String> warnings = new ArrayList<>(walk.warnings());
        if (all.equals("+")) {
            fails.add("the record ends in +all: any server may send mail as " + domain);
            advice.add("End the record with -all (or ~all while you check your senders), never +all.");
        } else if (all.equals("?")) {
            warnings.add("the record ends in ?all: senders it does not list get neutral, which protects nothing");
            advice.add("End the record with -all (or ~all while you check your senders).");
        } else if (all.equals("none")) {
            warnings.add("the record has neither all nor redirect: senders it does not list get neutral");
            advice.add("End the record with -all (or ~all while you check your senders).");
        } else if (all.equals("unknown")) {
            warnings.add("where the redirect leads could not be followed, so how the record ends is unknown");
        }
        if (warnings.stream().anyMatch(w -> w.contains("uses ptr"))) {
            advice.add("Remove ptr (RFC 7208 5.5): list the senders' addresses with ip4:/ip6: or a instead.");
        }
        List<String> problems = new ArrayList<>(fails);
        problems.addAll(walk.tempErrors());
        problems.addAll(warnings);
        Status status = !fails.isEmpty() ? Status.FAIL : !walk.tempErrors().isEmpty() ? Status.ERROR
                : !warnings.isEmpty() ? Status.WARN : Status.PASS;
        String summary = switch (status) {
            case PASS -> "SPF for " + domain + " ends in " + all + "all, with " + walk.lookups() + " of "
                    + SpfLookups.LOOKUP_LIMIT + " DNS lookups";
            case ERROR -> "could not follow SPF for " + domain + ": " + walk.tempErrors().get(0);
            default -> problems.get(0) + more(problems.size() - 1);
        };
        if (status == Status.ERROR) {
            advice.add("Check that the DNS servers of the included domains answer, then run again.");
        }
        Result.Builder result = Result.builder(status).summary(summary)
                .detail("record", record.text()).detail("lookups", walk.lookups()).detail("tree", walk.tree())
                .gauge(Gauge.of("dns_spf_lookups", walk.lookups(),
                        "DNS lookups the domain's SPF record costs a receiver; RFC 7208 allows 10"));
        if (walk.voids() > 0) {
            result.detail("voidLookups", walk.voidLookups());
        }
        if (!problems.isEmpty()) {
            result.detail("problems", problems);
        }
        if (!advice.isEmpty()) {
            result.remediation(String.join(" ", advice));
        }
        return result.build();
    }

    private static String more(int count) {
        return count <= 0 ? "" : " (and " + count + " more problem" + (count == 1 ? "" : "s") + ")";
    }
}
