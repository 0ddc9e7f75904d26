package dev.preflight.dns.internal;

import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Type;

/**
 * The DNS questions of one {@code check_host()} evaluation, with its limits (RFC 7208 4.6.4): at most
 * 10 terms that ask DNS, at most 2 void lookups, at most 10 MX hosts, at most 10 PTR names. A server
 * failure is a temperror; no answer before the deadline propagates as
 * {@link dev.preflight.net.DeadlineExceededException}. Belongs to one evaluation; not thread-safe.
 */
final class SpfQueries {
    /** RFC 7208 4.6.4: PTR names one ptr mechanism or %{p} may look at; the rest are ignored. */
    private static final int PTR_LIMIT = 10;
    private final Resolver dns;
    private final InetAddress ip;
    private int lookups;
    private int voids;
    private List<String> validated;

    SpfQueries(Resolver dns, InetAddress ip) {
        this.dns = dns;
        this.ip = ip;
    }

    /** Counts a term that asks DNS, before it asks: the 11th is a permerror and is not evaluated. */
    void count() throws SpfHalt {
        lookups++;
        if (lookups > SpfLookups.LOOKUP_LIMIT) {
            throw SpfHalt.permError(lookups + " DNS lookups, over the limit of " + SpfLookups.LOOKUP_LIMIT);
        }
    }

    /** @return the TXT answer of a domain, for its SPF record; a server failure is a temperror */
    DnsAnswer txt(String domain) throws IOException, SpfHalt {
        return ask(domain, Type.TXT, false);
    }

    /** @return the addresses of a host of the client's family (A for IPv4, AAAA for IPv6, RFC 7208 5.3) */
    List<InetAddress> addresses(String host, boolean countsAsVoid) throws IOException, SpfHalt {
        boolean v4 = ip instanceof Inet4Address;
        DnsAnswer answer = ask(host, v4 ? Type.A : Type.AAAA, countsAsVoid);
        List<InetAddress> found = new ArrayList<>();
        if (v4) {
            answer.records(ARecord.class).forEach(r -> found.add(r.getAddress()));
        } else {
            answer.records(AAAARecord.class).forEach(r -> found.add(r.getAddress()));
        }
        return found;
    }

    /** @return whether the name has an A record, as {@code exists} asks whatever the client's family (5.7) */
    boolean exists(String name) throws IOException, SpfHalt {
        return ask(name, Type.A, true).found();
    }

    /**
     * @return the exchanges of the domain's MX records, the null MX ({@code .}) left out
     * @throws SpfHalt a temperror, a third void lookup, or more than 10 MX records (4.6.4: a permerror)
     */
    List<String> mxHosts(String domain) throws IOException, SpfHalt {
        List<MXRecord> records = ask(domain, Type.MX, true).records(MXRecord.class);
        if (records.size() > SpfLookups.MX_LIMIT) {
            throw SpfHalt.permError(domain + " has " + records.size() + " MX records, over the limit of "
                    + SpfLookups.MX_LIMIT);
        }
        List<String> hosts = new ArrayList<>();
        for (MXRecord mx : records) {
            String host = DomainNames.relative(mx.getTarget().toString());
            if (!host.equals(".")) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    /**
     * The client's validated names (RFC 7208 5.5): each of its first 10 PTR names whose addresses
     * include the client. A DNS failure on the way drops the name (or, for the PTR question, all of
     * them) rather than failing the evaluation, as 5.5 says. Asked once per evaluation.
     *
     * @return the names, lower case, in the order of the PTR answer
     */
    List<String> validatedNames() throws IOException {
        if (validated != null) {
            return validated;
        }
        List<String> names = new ArrayList<>();
        try {
            List<PTRRecord> pointers = ask(SpfNetworks.reverseName(ip), Type.PTR, false).records(PTRRecord.class);
            for (PTRRecord ptr : pointers.subList(0, Math.min(pointers.size(), PTR_LIMIT))) {
                String name = DomainNames.relative(ptr.getTarget().toString());
                if (SpfLookups.malformed(name).isEmpty() && addressesQuietly(name).contains(ip)) {
                    names.add(name);
                }
            }
        } catch (SpfHalt serverFailure) {
            // 5.5: "If a DNS error occurs while doing the PTR RR lookup, then this mechanism fails to match."
        }
        validated = List.copyOf(names);
        return validated;
    }

    private List<InetAddress> addressesQuietly(String name) throws IOException {
        try {
            return addresses(name, false);
        } catch (SpfHalt serverFailure) {
            // 5.5: "If a DNS error occurs while doing an A RR lookup, then that domain name is skipped".
            return List.of();
        }
    }

    private DnsAnswer ask(String name, int type, boolean countsAsVoid) throws IOException, SpfHalt {
        DnsAnswer answer;
        try {
            answer = dns.lookup(name, type);
        } catch (InterruptedIOException deadline) {
            throw deadline;
        } catch (IOException e) {
            throw SpfHalt.tempError("asking " + Type.string(type) + " " + name + " failed: " + e.getMessage());
        }
        if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            throw SpfHalt.tempError(ServerFailures.describe(answer));
        }
        if (countsAsVoid && !answer.found()) {
            voids++;
            if (voids > SpfLookups.VOID_LIMIT) {
                throw SpfHalt.permError(voids + " void lookups, over the limit of " + SpfLookups.VOID_LIMIT + " (the"
                        + " last: " + Type.string(type) + " " + name + ", " + (answer.outcome()
                                == DnsAnswer.Outcome.NO_SUCH_NAME ? "no such name" : "no records") + ")");
            }
        }
        return answer;
    }
}
