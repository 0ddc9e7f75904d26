package dev.preflight.dns;

import dev.preflight.dns.internal.DomainNames;
import dev.preflight.dns.internal.NameExpectation;
import dev.preflight.dns.internal.NameRecords;
import dev.preflight.dns.internal.Problem;
import dev.preflight.dns.internal.ResolverAgreement;
import dev.preflight.dns.internal.TimeShares;
import dev.preflight.dns.internal.ZoneSerials;
import dev.preflight.net.Network;
import dev.preflight.net.Resolver;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code dns.records}: the names a launch needs resolve, to the addresses or CNAME targets expected
 * when they are given, and the change has propagated ("DNS records configured: A for root, www,
 * api"; "DNS propagation complete").
 *
 * <p>Settings: {@code names} (the apex and {@code www} by default; {@code @} is the apex, other names
 * are relative to the domain or absolute with a trailing dot); per name, {@code expect.NAME}: either
 * the addresses it must resolve to, exactly ({@code dns.records.expect.www: 203.0.113.10}), or one
 * host name it must be a CNAME to ({@code dns.records.expect.www: shops.myshopify.com.}, directly or
 * further down its chain; the apex cannot be a CNAME); {@code resolvers}, IP addresses with an
 * optional port of at least two resolvers to ask each name directly, which must all give the same
 * answer (the CNAME target for a CNAME, else the set of addresses); {@code name-servers} (default
 * true): ask every authoritative name server of the domain's zone, found by climbing to the first
 * name with an SOA record, for the zone's SOA directly on port 53, without recursion.
 *
 * <p>Names are read as DNS records through the run's DNS server: {@code --resolve} overrides and the
 * hosts file do not stand in for them. PASS: every name resolves, as expected where given; the
 * resolvers agree; every name server serves the same serial. FAIL: a name that does not resolve
 * (no such name, no address, a dangling or looping CNAME); other addresses than expected (the
 * missing and the unexpected are named); a name expected as a CNAME that has A/AAAA records of its
 * own or points elsewhere (both named); resolvers that disagree (which says what); name servers
 * copying one primary (the SOA's MNAME) with different serials (each named with its serial; two
 * providers' servers, each naming its own primary, number the zone independently); a lame name server (no address, REFUSED, an
 * answer without the AA flag). WARN: a name server that does not answer while others do. ERROR: the
 * run's DNS server failed or did not answer before the deadline; a listed resolver that did not
 * answer; no name server answered. Each listed resolver and name server gets a fair share of the
 * time left, so a silent one does not keep the others from being asked. SKIP: a target that names
 * no domain. Details: {@code names} (one line per name with its CNAME chain and addresses),
 * {@code resolvers}, {@code zone}, {@code nameServers}, {@code problems}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class RecordsProbe extends DomainProbe {
    private static final List<String> DEFAULT_NAMES = List.of("@", "www");

    private final int nameServerPort;

    /** The probe as resolvers see the domain: name servers on port 53. */
    public RecordsProbe() {
        this(53);
    }

    /** @param nameServerPort where name servers listen; other than 53 only for tests on loopback */
    RecordsProbe(int nameServerPort) {
        this.nameServerPort = nameServerPort;
    }

    @Override
    public String id() {
        return "dns.records";
    }

    @Override
    public String title() {
        return "The domain's names (apex, www, …) resolve as expected, and the last change has propagated";
    }

    @Override
    Result check(ProbeContext context, String domain) throws Exception {
        List<String> names = context.settings().list("names");
        List<String> hosts = new ArrayList<>();
        List<NameExpectation> expectations = new ArrayList<>();
        for (String name : names.isEmpty() ? DEFAULT_NAMES : names) {
            String host = fullName(name.strip(), domain);
            hosts.add(host);
            try {
                expectations.add(NameExpectation.parse(context.settings().list("expect." + name.strip()),
                        host.equals(domain)));
            } catch (IllegalArgumentException e) {
                throw context.settings().invalid("expect." + name.strip(), e.getMessage());
            }
        }
        List<InetSocketAddress> resolvers = resolvers(context);
        boolean nameServers = context.settings().bool("name-servers", true);

        Resolver dns = Network.of(context).resolver();
        List<String> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            NameRecords found = NameRecords.lookUp(dns, hosts.get(i));
            lines.add(found.describe());
            if (found.serverFailure() != null) {
                problems.add(Problem.error(found.serverFailure(), "Ask again later."));
            } else if (found.problem() != null) {
                problems.add(Problem.fail(found.host() + " does not resolve (" + found.problem() + ")",
                        "Publish the missing A/AAAA or CNAME records at your DNS provider."));
            } else {
                problems.addAll(expectations.get(i).check(found));
            }
        }

        TimeShares shares = new TimeShares(context, resolvers.size() + (nameServers ? 1 : 0));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("names", lines);
        List<String> agreed = new ArrayList<>();
        if (!resolvers.isEmpty()) {
            ResolverAgreement agreement = ResolverAgreement.compare(resolvers, hosts, shares);
            problems.addAll(agreement.problems());
            details.put("resolvers", agreement.lines());
            agreed.add(resolvers.size() + " resolvers agree");
        }
        if (nameServers) {
            ZoneSerials serials = ZoneSerials.check(dns, domain, nameServerPort, shares);
            problems.addAll(serials.problems());
            details.put("zone", serials.zone());
            details.put("nameServers", serials.lines());
            if (serials.serial() >= 0) {
                agreed.add("the name servers of " + serials.zone() + " serve serial " + serials.serial());
            }
        }

        Status status = Problem.worst(problems);
        List<Problem> ordered = Problem.worstFirst(problems);
        details.put("problems", ordered.stream().map(Problem::text).toList());
        Result.Builder result = Result.builder(status);
        details.forEach(result::detail);
        if (status == Status.PASS) {
            return result.summary(String.join(", ", lines) + (agreed.isEmpty() ? "" : "; " + String.join("; ", agreed)))
                    .build();
        }
        Set<String> fixes = new LinkedHashSet<>();
        ordered.stream().filter(p -> p.status() == status).forEach(p -> fixes.add(p.fix()));
        return result.summary(ordered.get(0).text() + (problems.size() > 1 ? " (and "
                + (problems.size() - 1) + " more)" : "")).remediation(String.join(" ", fixes)).build();
    }

    private static List<InetSocketAddress> resolvers(ProbeContext context) {
        List<InetSocketAddress> resolvers = new ArrayList<>();
        for (String item : context.settings().list("resolvers")) {
            try {
                resolvers.add(ResolverAgreement.parse(item));
            } catch (IllegalArgumentException e) {
                throw context.settings().invalid("resolvers", e.getMessage());
            }
        }
        if (resolvers.size() == 1) {
            throw context.settings().invalid("resolvers", "list at least two resolvers, whose answers are compared");
        }
        return resolvers;
    }

    private static String fullName(String name, String domain) {
        if (name.equals("@") || name.isEmpty()) {
            return domain;
        }
        return name.endsWith(".") ? DomainNames.relative(name) : name.toLowerCase(Locale.ROOT) + "." + domain;
    }
}
