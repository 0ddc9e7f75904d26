package dev.preflight.dns.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.net.Resolver;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Whether every authoritative name server of a domain's zone serves the same version of it: the
 * zone's apex is found by climbing to the first name with an SOA record, its NS hosts are resolved,
 * and each server is asked for the SOA directly without recursion. Servers that copy one primary
 * (the SOA's MNAME) but serve different serials have not all taken the last change (servers of two
 * providers, each with its own primary, number the zone independently and are not compared); one that refuses the zone or answers without
 * authority (no AA flag) is lame; one that does not answer leaves its copy unknown. Each NS host is
 * asked at its IPv4 addresses, or at its IPv6 ones when it has none: a checker without IPv6
 * would otherwise report working servers as silent.
 *
 * @param zone the zone's apex, or null when it could not be found
 * @param lines one per server: its name, address and serial or failure
 * @param serial the serial every answering server agrees on, or -1
 * @param problems different serials and lame servers (FAIL), servers that did not answer (WARN when
 *     others did, ERROR when none did)
 */
public record ZoneSerials(String zone, List<String> lines, long serial, List<Problem> problems) {

    /** Copies the lists. */
    public ZoneSerials {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }

    /**
     * @param dns the run's resolver, to find the zone and its name servers
     * @param domain the domain, lower case, without a final dot
     * @param port where name servers listen: 53, other only for tests on loopback
     * @param shares the check's time; its one part planned for this step is split among the servers
     * @return each server's serial and what is wrong
     * @throws IOException if the run's DNS server did not answer in time or could not be asked
     */
    public static ZoneSerials check(Resolver dns, String domain, int port, TimeShares shares) throws IOException {
        String zone = domain;
        while (true) {
            DnsAnswer soa = dns.lookup(zone, Type.SOA);
            if (soa.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                return unknown(null, ServerFailures.describe(soa));
            }
            String owner = zone;
            if (soa.records(SOARecord.class).stream().anyMatch(r -> DomainNames.relative(r.getName().toString())
                    .equals(owner))) {
                break;
            }
            int dot = zone.indexOf('.');
            if (dot < 0 || zone.indexOf('.', dot + 1) < 0) {
                return new ZoneSerials(null, List.of(), -1, List.of(Problem.warn("found no zone for " + domain
                        + " (no SOA record at it or its parents)", "Check that the domain is delegated.")));
            }
            zone = zone.substring(dot + 1);
        }
        DnsAnswer ns = dns.ns(zone);
        if (ns.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return unknown(zone, ServerFailures.describe(ns));
        }
        List<Problem> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Map<String, List<InetAddress>> servers = new LinkedHashMap<>();
        for (String host : new TreeSet<>(ns.records(NSRecord.class).stream()
                .map(r -> DomainNames.relative(r.getTarget().toString())).toList())) {
            List<InetAddress> addresses = addresses(dns, host);
            if (addresses == null) {
                problems.add(Problem.error("the DNS server could not give the address of name server " + host
                        + ", so its copy of " + zone + " is unknown", "Ask again later."));
                lines.add(host + ": address unknown");
                continue;
            }
            if (addresses.isEmpty()) {
                problems.add(Problem.fail("name server " + host + " of " + zone + " has no address: a lame delegation",
                        "Publish an A record for " + host + ", or remove it from the NS records of " + zone + "."));
                lines.add(host + ": no address");
            }
            servers.put(host, addresses);
        }
        if (servers.isEmpty() && problems.isEmpty()) {
            return new ZoneSerials(zone, List.of(), -1, List.of(Problem.fail("the zone " + zone + " has no NS records",
                    "Publish NS records for " + zone + " naming its name servers.")));
        }
        shares.split(servers.values().stream().mapToInt(List::size).sum());
        Map<String, Long> serials = new LinkedHashMap<>();
        Map<String, String> primaries = new LinkedHashMap<>();
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, List<InetAddress>> server : servers.entrySet()) {
            for (InetAddress address : server.getValue()) {
                String who = server.getKey() + " (" + address.getHostAddress() + ")";
                Resolver direct = Network.of(shares.next()).resolver();
                DnsAnswer soa;
                try {
                    soa = direct.lookupAt(new InetSocketAddress(address, port), zone, Type.SOA, false);
                } catch (DeadlineExceededException e) {
                    silent.add(who);
                    lines.add(who + ": no answer in time");
                    continue;
                } catch (InterruptedIOException e) {
                    throw e;
                } catch (IOException e) {
                    silent.add(who);
                    lines.add(who + ": " + e.getMessage());
                    continue;
                }
                String lame = lameness(soa);
                if (lame != null) {
                    problems.add(Problem.fail("name server " + who + " " + lame + " for " + zone
                            + ": a lame delegation", "Serve " + zone + " on " + server.getKey()
                            + ", or remove it from the NS records of " + zone + "."));
                    lines.add(who + ": " + lame);
                    continue;
                }
                SOARecord record = soa.records(SOARecord.class).get(0);
                serials.put(who, record.getSerial());
                primaries.put(who, DomainNames.relative(record.getHost().toString()));
                lines.add(who + ": serial " + record.getSerial() + " (primary " + primaries.get(who) + ")");
            }
        }
        // Servers copying one primary (the SOA's MNAME) share its serials; two providers each serving
        // the zone number it independently, so only servers of one primary are compared.
        for (String primary : new TreeSet<>(primaries.values())) {
            Map<String, Long> copies = new LinkedHashMap<>();
            serials.forEach((who, serial) -> {
                if (primaries.get(who).equals(primary)) {
                    copies.put(who, serial);
                }
            });
            if (new TreeSet<>(copies.values()).size() > 1) {
                List<String> each = new ArrayList<>();
                copies.forEach((who, serial) -> each.add(who + " " + serial));
                problems.add(Problem.fail("the name servers of " + zone + " serve different serials: "
                        + String.join(", ", each) + ": the last change has not reached every server",
                        "Wait for the secondaries to transfer the zone (check NOTIFY and the SOA refresh), then"
                                + " check again; a server that stays behind needs its zone transfer fixed."));
            }
        }
        if (!silent.isEmpty()) {
            String text = "name server" + (silent.size() == 1 ? " " : "s ") + String.join(", ", silent)
                    + " did not answer the SOA query for " + zone;
            String fix = "Check that the name servers answer on port 53 (UDP and TCP) from everywhere; if this"
                    + " network blocks outgoing DNS, set dns.records.name-servers: false.";
            problems.add(serials.isEmpty() ? Problem.error(text + ", so propagation cannot be judged", fix)
                    : Problem.warn(text + ": resolvers that try it first wait before trying another", fix));
        }
        if (new TreeSet<>(primaries.values()).size() > 1) {
            lines.add("serials of servers with different primaries (" + String.join(", ", new TreeSet<>(
                    primaries.values())) + ") are numbered independently and not compared");
        }
        long agreed = serials.isEmpty() || new TreeSet<>(serials.values()).size() > 1 ? -1
                : serials.values().iterator().next();
        return new ZoneSerials(zone, lines, agreed, problems);
    }

    /** @return why an answer shows the server does not serve the zone, or null when it does */
    private static String lameness(DnsAnswer soa) {
        if (soa.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return "answers " + soa.reason().orElse("with a failure");
        }
        if (!soa.authoritative()) {
            return "answers without authority (no AA flag)";
        }
        if (!soa.found()) {
            return "has no SOA record";
        }
        return null;
    }

    /** @return the host's IPv4 addresses, else its IPv6 ones; null when the DNS server failed */
    private static List<InetAddress> addresses(Resolver dns, String host) throws IOException {
        DnsAnswer a = dns.lookup(host, Type.A);
        if (a.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return null;
        }
        if (a.found()) {
            return a.records(ARecord.class).stream().map(r -> (InetAddress) r.getAddress()).toList();
        }
        DnsAnswer aaaa = dns.lookup(host, Type.AAAA);
        if (aaaa.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return null;
        }
        return aaaa.records(AAAARecord.class).stream().map(r -> (InetAddress) r.getAddress()).toList();
    }

    private static ZoneSerials unknown(String zone, String why) {
        return new ZoneSerials(zone, List.of(), -1, List.of(Problem.error(why, "Ask again later.")));
    }
}
