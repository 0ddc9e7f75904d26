package dev.preflight.dns.internal;

import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.support.IpAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Type;

/** Judges a domain's MX records: a null MX, or hosts that are names which resolve without an alias. */
public final class MxHosts {

    private MxHosts() {
    }

    /**
     * @param domain the domain
     * @param records its MX records, by preference
     * @param dns the check's resolver
     * @return the verdict
     * @throws IOException if a lookup had no answer in time
     */
    public static Result judge(String domain, List<MXRecord> records, Resolver dns) throws IOException {
        List<String> shown = new ArrayList<>();
        records.forEach(r -> shown.add(r.getPriority() + " " + DomainNames.relative(r.getTarget().toString())));
        boolean nullMx = records.stream().anyMatch(r -> r.getTarget().toString().equals("."));
        if (nullMx && records.size() == 1 && records.get(0).getPriority() == 0) {
            return Result.builder(Status.PASS).summary(domain + " has a null MX: it accepts no mail (RFC 7505)")
                    .detail("mx", shown).build();
        }
        if (nullMx) {
            return Result.builder(Status.FAIL).summary(domain + " mixes a null MX with other MX records")
                    .remediation("A null MX must be the only MX record, with preference 0 (RFC 7505 3): remove it, or"
                            + " remove the others if the domain takes no mail.")
                    .detail("mx", shown).build();
        }
        List<String> problems = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (MXRecord record : records) {
            String host = DomainNames.relative(record.getTarget().toString());
            hosts.add(host);
            problems.addAll(problemsOf(host, dns));
        }
        if (problems.isEmpty()) {
            return Result.builder(Status.PASS).summary(records.size() + " MX host" + (records.size() == 1 ? "" : "s")
                    + " for " + domain + ", each a name that resolves: " + String.join(", ", hosts))
                    .detail("mx", shown).build();
        }
        return Result.builder(Status.FAIL).summary(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : ""))
                .remediation("Point every MX record at a host name with its own A or AAAA records (not a CNAME, not an"
                        + " IP address), as your mail provider documents.")
                .detail("mx", shown).detail("problems", problems).build();
    }

    private static List<String> problemsOf(String host, Resolver dns) throws IOException {
        if (IpAddresses.isLiteral(host)) {
            return List.of("MX host " + host + " is an IP address, not a host name (RFC 7505 4)");
        }
        DnsAnswer alias = dns.lookup(host, Type.CNAME);
        if (alias.found()) {
            String to = alias.records(CNAMERecord.class).stream().findFirst()
                    .map(c -> DomainNames.relative(c.getTarget().toString())).orElse("another name");
            return List.of("MX host " + host + " is an alias (CNAME to " + to + "), which RFC 2181 10.3 forbids");
        }
        try {
            List<InetAddress> addresses = dns.addresses(host, 25);
            return addresses.isEmpty() ? List.of("MX host " + host + " has no address") : List.of();
        } catch (UnknownHostException e) {
            return List.of("MX host " + host + " does not resolve");
        }
    }
}
