package dev.preflight.dns;

import dev.preflight.dns.internal.DomainNames;
import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.net.Resolver;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.IpAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.Type;

/**
 * {@code dns.records}: the names a launch needs resolve, to the addresses expected when they are
 * given ("DNS records configured: A for root, www, api").
 *
 * <p>Settings: {@code names} (the apex and {@code www} by default; {@code @} is the apex, other names
 * are relative to the domain or absolute with a trailing dot) and, per name, {@code expect.NAME}
 * (addresses the name must resolve to, exactly, e.g. {@code dns.records.expect.www: 203.0.113.10}).
 * PASS: every name resolves, to its expected addresses where given. FAIL: a name that does not
 * resolve, or resolves to other addresses than expected (the missing and the unexpected are named).
 * ERROR: the DNS server failed or did not answer before the deadline. SKIP: a target that names no
 * domain. Details: {@code names}, one line per name with its addresses.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class RecordsProbe implements Probe {
    private static final List<String> DEFAULT_NAMES = List.of("@", "www");

    @Override
    public String id() {
        return "dns.records";
    }

    @Override
    public String title() {
        return "The domain's names (apex, www, …) resolve, to the expected addresses";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.DOMAIN;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Optional<String> domain = DomainNames.of(context.target());
        if (domain.isEmpty()) {
            return Result.skip("the target names no domain");
        }
        List<String> names = context.settings().list("names");
        Resolver dns = Network.of(context).resolver();
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : names.isEmpty() ? DEFAULT_NAMES : names) {
            String host = fullName(name.strip(), domain.get());
            Set<String> expected = new TreeSet<>(context.settings().list("expect." + name.strip()));
            if (expected.stream().anyMatch(e -> !IpAddresses.isLiteral(e))) {
                throw context.settings().invalid("expect." + name.strip(), "must list IP addresses");
            }
            Set<String> found = new TreeSet<>();
            try {
                for (InetAddress address : dns.addresses(host, 0)) {
                    found.add(address.getHostAddress());
                }
            } catch (UnknownHostException e) {
                Optional<DnsAnswer> failed = serverFailure(dns, host);
                if (failed.isPresent()) {
                    // SERVFAIL says nothing about the name: could not tell, never "does not resolve".
                    return ServerFailures.error(failed.get());
                }
                problems.add(host + " does not resolve");
                lines.add(host + ": no address");
                continue;
            }
            lines.add(host + ": " + String.join(", ", found));
            if (!expected.isEmpty() && !normalised(expected).equals(found)) {
                Set<String> missing = new TreeSet<>(normalised(expected));
                missing.removeAll(found);
                Set<String> unexpected = new TreeSet<>(found);
                unexpected.removeAll(normalised(expected));
                problems.add(host + " resolves to " + String.join(", ", found)
                        + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing))
                        + (unexpected.isEmpty() ? "" : "; not expected " + String.join(", ", unexpected)));
            }
        }
        if (problems.isEmpty()) {
            return Result.builder(Status.PASS).summary(String.join(", ", lines)).detail("names", lines).build();
        }
        return Result.builder(Status.FAIL).summary(problems.get(0) + (problems.size() > 1 ? " (and "
                + (problems.size() - 1) + " more)" : ""))
                .remediation("Publish the missing A/AAAA records at your DNS provider, or correct them to the"
                        + " addresses your servers or load balancer have; check dns.records.expect.* if the change is"
                        + " intended.")
                .detail("names", lines).detail("problems", problems).build();
    }

    /** @return the A or AAAA answer for the host that was a server failure, if one was */
    private static Optional<DnsAnswer> serverFailure(Resolver dns, String host) throws IOException {
        for (int type : new int[] {Type.A, Type.AAAA}) {
            DnsAnswer answer = dns.lookup(host, type);
            if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                return Optional.of(answer);
            }
        }
        return Optional.empty();
    }

    private static String fullName(String name, String domain) {
        if (name.equals("@") || name.isEmpty()) {
            return domain;
        }
        return name.endsWith(".") ? DomainNames.relative(name) : name.toLowerCase(Locale.ROOT) + "." + domain;
    }

    /** Expected addresses written as IP literals, in the form the resolver gives them. */
    private static Set<String> normalised(Set<String> expected) {
        Set<String> out = new TreeSet<>();
        for (String e : expected) {
            if (IpAddresses.isLiteral(e)) {
                try {
                    out.add(InetAddress.getByName(e.replace("[", "").replace("]", "")).getHostAddress());
                } catch (UnknownHostException ex) {
                    out.add(e);
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
