package dev.preflight.dns.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.net.Resolver;
import dev.preflight.support.IpAddresses;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Type;

/**
 * Whether a change has reached the resolvers users ask: each resolver of {@code dns.records.resolvers}
 * is asked every name directly and must say what the others say. For a CNAME that is its target,
 * the record the domain's owner publishes; the addresses behind it are compared only for a name
 * that is no CNAME, since a CDN's addresses differ by where the resolver stands.
 *
 * @param lines one per resolver: what it said about each name
 * @param problems disagreements (FAIL) and resolvers that did not answer (ERROR)
 */
public record ResolverAgreement(List<String> lines, List<Problem> problems) {

    /** Copies the lists. */
    public ResolverAgreement {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    /**
     * @param resolvers the resolvers to compare, at least two
     * @param hosts the names, lower case, without a final dot
     * @param shares the check's time, one share per resolver
     * @return each resolver's answers and what disagrees
     * @throws InterruptedIOException if the check was cancelled
     */
    public static ResolverAgreement compare(List<InetSocketAddress> resolvers, List<String> hosts, TimeShares shares)
            throws InterruptedIOException {
        Map<String, Map<String, String>> views = new LinkedHashMap<>();
        hosts.forEach(h -> views.put(h, new LinkedHashMap<>()));
        List<String> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (InetSocketAddress server : resolvers) {
            String where = describe(server);
            Resolver dns = Network.of(shares.next()).resolver();
            List<String> said = new ArrayList<>();
            for (String host : hosts) {
                View view;
                try {
                    view = view(dns, server, host);
                } catch (DeadlineExceededException e) {
                    problems.add(Problem.error("resolver " + where + " did not answer about " + host + " in time",
                            "Check that " + where + " is a resolver reachable from here, or remove it from"
                                    + " dns.records.resolvers."));
                    said.add(host + ": no answer in time");
                    break;
                } catch (InterruptedIOException e) {
                    throw e;
                } catch (IOException e) {
                    problems.add(Problem.error("resolver " + where + " could not be asked about " + host + ": "
                            + e.getMessage(), "Check dns.records.resolvers."));
                    said.add(host + ": not asked");
                    break;
                }
                if (view.failed()) {
                    problems.add(Problem.error("resolver " + where + " could not answer about " + host + " ("
                            + view.text() + ")", "Ask again later; a resolver that keeps failing cannot show"
                            + " whether the change reached it."));
                } else {
                    views.get(host).put(where, view.text());
                }
                said.add(host + ": " + view.text());
            }
            lines.add(where + ": " + String.join("; ", said));
        }
        views.forEach((host, byServer) -> {
            if (new TreeSet<>(byServer.values()).size() > 1) {
                List<String> each = new ArrayList<>();
                byServer.forEach((where, view) -> each.add(where + " says " + view));
                problems.add(Problem.fail("resolvers disagree on " + host + ": " + String.join("; ", each)
                        + ": propagation is not complete",
                        "Wait for the old records' TTL to pass, then check again; if a resolver keeps the old"
                                + " answer past the TTL, check the records at every name server of the zone."));
            }
        });
        return new ResolverAgreement(lines, problems);
    }

    /** What one resolver said about a name, or why it could not say. */
    private record View(String text, boolean failed) {
        static View said(String text) {
            return new View(text, false);
        }

        static View failure(String why) {
            return new View(why, true);
        }
    }

    private static View view(Resolver dns, InetSocketAddress server, String host) throws IOException {
        DnsAnswer cname = dns.lookupAt(server, host, Type.CNAME, true);
        if (cname.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return View.failure("CNAME: " + cname.reason().orElse("server failure"));
        }
        if (cname.found()) {
            return View.said("CNAME " + DomainNames.relative(cname.records(CNAMERecord.class).get(0).getTarget().toString()));
        }
        DnsAnswer a = dns.lookupAt(server, host, Type.A, true);
        DnsAnswer aaaa = dns.lookupAt(server, host, Type.AAAA, true);
        for (DnsAnswer answer : List.of(a, aaaa)) {
            if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                return View.failure(answer.type() + ": " + answer.reason().orElse("server failure"));
            }
        }
        Set<String> addresses = new TreeSet<>();
        a.records(ARecord.class).forEach(r -> addresses.add(r.getAddress().getHostAddress()));
        aaaa.records(AAAARecord.class).forEach(r -> addresses.add(r.getAddress().getHostAddress()));
        if (addresses.isEmpty()) {
            return View.said(a.outcome() == DnsAnswer.Outcome.NO_SUCH_NAME ? "no such name" : "no address");
        }
        return View.said(String.join(", ", addresses));
    }

    /**
     * @param text an IP address with an optional port: {@code 192.0.2.53}, {@code 192.0.2.53:5353},
     *     {@code 2001:db8::53} or {@code [2001:db8::53]:5353}
     * @return the address, port 53 unless given
     * @throws IllegalArgumentException if it is not an IP address (a resolver's name would need a
     *     resolver to find it) or the port is out of range
     */
    public static InetSocketAddress parse(String text) {
        String host = text;
        int port = 53;
        int colon = text.lastIndexOf(':');
        if (text.startsWith("[") && text.contains("]")) {
            host = text.substring(1, text.indexOf(']'));
            String rest = text.substring(text.indexOf(']') + 1);
            if (!rest.isEmpty()) {
                port = port(rest.startsWith(":") ? rest.substring(1) : rest, text);
            }
        } else if (colon > 0 && text.indexOf(':') == colon) {
            host = text.substring(0, colon);
            port = port(text.substring(colon + 1), text);
        }
        if (!IpAddresses.isLiteral(host)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address with an optional :port");
        }
        return new InetSocketAddress(literal(host), port);
    }

    private static int port(String digits, String text) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the whole value.
        }
        throw new IllegalArgumentException("'" + text + "' has no valid port");
    }

    private static java.net.InetAddress literal(String host) {
        try {
            return java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' is not an IP address", e);
        }
    }

    /**
     * @param server a resolver
     * @return e.g. {@code 192.0.2.53:53} or {@code [2001:db8::53]:53}
     */
    public static String describe(InetSocketAddress server) {
        String host = server.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort();
    }
}
