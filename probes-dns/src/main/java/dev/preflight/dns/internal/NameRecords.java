package dev.preflight.dns.internal;

import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Type;

/**
 * What DNS publishes for one name, asked through the run's resolver: the CNAME chain it starts, if
 * any, and the A and AAAA addresses at the chain's end. Asked as DNS records, so neither
 * {@code --resolve} overrides nor the hosts file stand in for them.
 *
 * @param host the name, lower case, without a final dot
 * @param aliases the CNAME targets in order, each without its final dot; empty when the name is no CNAME
 * @param addresses the addresses at the end of the chain, in the form the resolver gives them
 * @param problem why the name has no usable answer (the name does not exist, a CNAME loop...), or null
 * @param serverFailure the DNS server's failure that left the answer unknown, or null
 */
public record NameRecords(String host, List<String> aliases, Set<String> addresses, String problem,
        String serverFailure) {
    /** Resolvers give up after a handful of CNAME hops; a longer chain is broken in practice. */
    private static final int MAX_HOPS = 8;

    /** Copies the collections. */
    public NameRecords {
        aliases = List.copyOf(aliases);
        addresses = Collections.unmodifiableSortedSet(new TreeSet<>(addresses));
    }

    /**
     * @param dns the run's resolver
     * @param host a name, lower case, without a final dot
     * @return what DNS publishes for it
     * @throws IOException if the DNS server did not answer in time or could not be asked
     */
    public static NameRecords lookUp(Resolver dns, String host) throws IOException {
        List<String> aliases = new ArrayList<>();
        String current = host;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            DnsAnswer cname = dns.lookup(current, Type.CNAME);
            if (cname.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                return new NameRecords(host, aliases, Set.of(), null, ServerFailures.describe(cname));
            }
            List<CNAMERecord> records = cname.records(CNAMERecord.class);
            if (records.isEmpty()) {
                break;
            }
            String target = DomainNames.relative(records.get(0).getTarget().toString());
            if (target.equals(host) || aliases.contains(target)) {
                aliases.add(target);
                return new NameRecords(host, aliases, Set.of(), "its CNAME chain loops back to " + target, null);
            }
            aliases.add(target);
            current = target;
        }
        if (aliases.size() == MAX_HOPS) {
            return new NameRecords(host, aliases, Set.of(), "its CNAME chain is longer than " + MAX_HOPS
                    + " hops", null);
        }
        DnsAnswer a = dns.lookup(host, Type.A);
        DnsAnswer aaaa = dns.lookup(host, Type.AAAA);
        for (DnsAnswer answer : List.of(a, aaaa)) {
            if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                return new NameRecords(host, aliases, Set.of(), null, ServerFailures.describe(answer));
            }
        }
        Set<String> addresses = new TreeSet<>();
        a.records(ARecord.class).forEach(r -> addresses.add(r.getAddress().getHostAddress()));
        aaaa.records(AAAARecord.class).forEach(r -> addresses.add(r.getAddress().getHostAddress()));
        String problem = null;
        if (addresses.isEmpty()) {
            String end = aliases.isEmpty() ? host : aliases.get(aliases.size() - 1);
            problem = a.outcome() == DnsAnswer.Outcome.NO_SUCH_NAME
                    ? (aliases.isEmpty() ? "no such name" : "its CNAME target " + end + " does not exist")
                    : "no A or AAAA record" + (aliases.isEmpty() ? "" : " at " + end);
        }
        return new NameRecords(host, aliases, addresses, problem, null);
    }

    /** @return whether the name is a CNAME */
    public boolean isAlias() {
        return !aliases.isEmpty();
    }

    /** @return e.g. {@code www.shop.test → shops.example.net: 192.0.2.7} or {@code www.shop.test: no such name} */
    public String describe() {
        String chain = aliases.isEmpty() ? host : host + " → " + String.join(" → ", aliases);
        if (serverFailure != null) {
            return chain + ": unknown (" + serverFailure + ")";
        }
        return chain + ": " + (problem != null ? problem : String.join(", ", addresses));
    }

    /**
     * @param literal an IP literal, IPv6 with or without brackets
     * @return it in the form the resolver gives addresses, to compare with {@link #addresses()}
     */
    public static String normalise(String literal) {
        try {
            return InetAddress.getByName(literal.replace("[", "").replace("]", "")).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return literal;
        }
    }
}
