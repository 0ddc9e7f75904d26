package dev.preflight.dns.internal;

import dev.preflight.support.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a launch expects of one name ({@code dns.records.expect.NAME}): exactly these addresses, or a
 * CNAME to this host (a provider's name such as {@code shops.myshopify.com.}), or nothing.
 *
 * @param addresses the addresses expected, normalised; empty unless addresses are expected
 * @param alias the CNAME target expected, lower case without a final dot, or null
 */
public record NameExpectation(Set<String> addresses, String alias) {

    /** Copies the set. */
    public NameExpectation {
        addresses = Set.copyOf(addresses);
    }

    /**
     * @param values the setting's items: IP literals, or one host name
     * @param apex whether the name is the zone's apex, which cannot be a CNAME (RFC 1034 3.6.2)
     * @return the expectation
     * @throws IllegalArgumentException naming what is wrong with the values
     */
    public static NameExpectation parse(List<String> values, boolean apex) {
        List<String> hosts = values.stream().filter(v -> !IpAddresses.isLiteral(v)).toList();
        if (hosts.isEmpty()) {
            Set<String> addresses = new TreeSet<>();
            values.forEach(v -> addresses.add(NameRecords.normalise(v)));
            return new NameExpectation(addresses, null);
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("must list IP addresses, or one host name the name is a CNAME to");
        }
        if (apex) {
            throw new IllegalArgumentException("the apex cannot be a CNAME (RFC 1034 3.6.2); list the addresses your"
                    + " provider's ALIAS or flattened record gives");
        }
        String alias = DomainNames.relative(hosts.get(0).toLowerCase(Locale.ROOT));
        if (!alias.matches("[a-z0-9_]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9])?)+")) {
            throw new IllegalArgumentException("'" + hosts.get(0) + "' is neither an IP address nor a host name");
        }
        return new NameExpectation(Set.of(), alias);
    }

    /**
     * @param found what DNS publishes for the name
     * @return what differs from the expectation, each naming both sides; empty when it holds
     */
    public List<Problem> check(NameRecords found) {
        List<Problem> problems = new ArrayList<>();
        if (alias != null) {
            if (!found.isAlias()) {
                problems.add(Problem.fail(found.host() + " is not a CNAME to " + alias + ": it has "
                        + (found.addresses().isEmpty() ? "no A or AAAA record" : "A/AAAA records "
                                + String.join(", ", found.addresses())) + " of its own",
                        "Replace the A/AAAA records of " + found.host() + " with a CNAME to " + alias + "."));
            } else if (!found.aliases().contains(alias)) {
                problems.add(Problem.fail(found.host() + " is a CNAME to " + found.aliases().get(0) + ", not to " + alias,
                        "Point the CNAME of " + found.host() + " at " + alias + ", or correct dns.records.expect if"
                                + " the change is intended."));
            }
        } else if (!addresses.isEmpty() && !addresses.equals(found.addresses())) {
            Set<String> missing = new TreeSet<>(addresses);
            missing.removeAll(found.addresses());
            Set<String> unexpected = new TreeSet<>(found.addresses());
            unexpected.removeAll(addresses);
            problems.add(Problem.fail(found.host() + " resolves to " + String.join(", ", found.addresses())
                    + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing))
                    + (unexpected.isEmpty() ? "" : "; not expected " + String.join(", ", unexpected)),
                    "Correct the A/AAAA records to the addresses your servers or load balancer have, or"
                            + " dns.records.expect if the change is intended."));
        }
        return problems;
    }
}
