package dev.preflight.net;

import dev.preflight.net.internal.DirectQueries;
import dev.preflight.net.internal.DnsLookups;
import dev.preflight.net.internal.DnsServers;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.SharedKey;
import dev.preflight.support.IpAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Type;

/**
 * DNS lookups bound to one check's deadline. Host overrides ({@code --resolve}) come first, then the
 * DNS server given with {@code --dns-server}, then the system's: {@code localhost} and the hosts file
 * without a query, then the DNS servers of {@code /etc/resolv.conf}. A and AAAA are asked in parallel
 * within one deadline.
 * Every answer is cached for the run, shared by every probe of every target, so a name several
 * domains include is asked once.
 *
 * <p>A server that does not answer in time yields {@link DeadlineExceededException}; an answer of
 * "no such name", "no records" or "server failure" is a {@link DnsAnswer}, for the probe to judge.
 * Get one from {@link Network#resolver()}. Belongs to one check; not for sharing across threads.
 *
 * <pre>{@code
 * Resolver dns = Network.of(context).resolver();
 * List<InetAddress> nodes = dns.addresses("shop.example.com", 443);
 * List<String> spf = dns.txt("example.com").texts();
 * }</pre>
 *
 * @since 0.2
 */
public final class Resolver {
    private final ProbeContext context;
    /** Read on first use: a check that only binds an HTTP client never needs them. */
    private DnsServers servers;

    Resolver(ProbeContext context) {
        this.context = context;
    }

    /**
     * Every address of a host: the {@code --resolve} overrides for it and the port if any (several
     * for a host served by several nodes), the host itself if it is an IP literal, else its A and
     * AAAA records, IPv4 first.
     *
     * @param host a host name or IP literal, IPv6 with or without brackets
     * @param port the port, to match overrides
     * @return the addresses, never empty
     * @throws UnknownHostException if the name has no address
     * @throws DeadlineExceededException if the DNS server did not answer in time
     * @throws IOException if the DNS server could not be asked
     */
    public List<InetAddress> addresses(String host, int port) throws IOException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> overrides = context.network().overridesFor(bare, port);
        if (!overrides.isEmpty()) {
            return overrides;
        }
        if (IpAddresses.isLiteral(bare)) {
            // A literal never causes a lookup.
            return List.of(InetAddress.getByName(bare));
        }
        String name = bare.toLowerCase(Locale.ROOT);
        return shared(SharedKey.listOf("net.addresses@" + servers().describe() + ":" + name, InetAddress.class,
                SharedKey.Scope.RUN), () -> lookupAddresses(name));
    }

    /**
     * @param name an absolute DNS name, e.g. {@code _dmarc.example.com}
     * @param type a dnsjava {@link Type} code, e.g. {@code Type.TXT}
     * @return the answer, cached for the run
     * @throws DeadlineExceededException if the DNS server did not answer in time
     * @throws IOException if the name is malformed or the DNS server could not be asked
     */
    public DnsAnswer lookup(String name, int type) throws IOException {
        String absolute = name.toLowerCase(Locale.ROOT);
        return shared(SharedKey.perRun("net.dns@" + servers().describe() + ":" + Type.string(type) + " " + absolute,
                DnsAnswer.class), () -> {
                    String what = Type.string(type) + " " + absolute;
                    DnsServers asked = servers();
                    return DnsLookups.await(DnsLookups.start(asked, absolute, type, false, context), what, asked, context);
                });
    }

    /**
     * Asks one DNS server directly, as {@code dig @server} does, rather than the run's resolver: to
     * compare what several public resolvers say, or what each authoritative name server of a zone
     * serves. One message, nothing cached (each call asks again), no host override, hosts file or
     * search path, and no CNAME followed on this side; the server's response code other than
     * NOERROR or NXDOMAIN ({@code REFUSED}, {@code SERVFAIL}…) is a
     * {@link DnsAnswer.Outcome#SERVER_FAILURE} with that code as its reason, and
     * {@link DnsAnswer#authoritative()} tells whether the server claimed authority.
     *
     * <pre>{@code
     * DnsAnswer soa = dns.lookupAt(new InetSocketAddress(nameServer, 53), "example.com", Type.SOA, false);
     * boolean lame = !soa.found() || !soa.authoritative();
     * }</pre>
     *
     * @param server the server's address and port
     * @param name an absolute DNS name
     * @param type a dnsjava {@link Type} code
     * @param recursionDesired the RD bit: true to ask a recursive resolver, false to ask an
     *     authoritative server about its own zone
     * @return the answer, with the records of the type from the answer section (a recursive server
     *     puts there the records a CNAME leads to as well)
     * @throws DeadlineExceededException if the server did not answer before the check's deadline
     * @throws IOException if the name is malformed or the server could not be asked
     * @since 0.2
     */
    public DnsAnswer lookupAt(InetSocketAddress server, String name, int type, boolean recursionDesired)
            throws IOException {
        return DirectQueries.ask(server, name.toLowerCase(Locale.ROOT), type, recursionDesired, context);
    }

    /** @param name a DNS name @return its TXT records @throws IOException as {@link #lookup} */
    public DnsAnswer txt(String name) throws IOException {
        return lookup(name, Type.TXT);
    }

    /** @param name a DNS name @return its MX records @throws IOException as {@link #lookup} */
    public DnsAnswer mx(String name) throws IOException {
        return lookup(name, Type.MX);
    }

    /** @param name a DNS name @return its CAA records @throws IOException as {@link #lookup} */
    public DnsAnswer caa(String name) throws IOException {
        return lookup(name, Type.CAA);
    }

    /**
     * @param name a DNS name, e.g. {@code _25._tcp.mail.example.com}
     * @return its TLSA records
     * @throws IOException as {@link #lookup}
     */
    public DnsAnswer tlsa(String name) throws IOException {
        return lookup(name, Type.TLSA);
    }

    /** @param name a DNS name @return its NS records @throws IOException as {@link #lookup} */
    public DnsAnswer ns(String name) throws IOException {
        return lookup(name, Type.NS);
    }

    /** @return where questions go, e.g. {@code the DNS server 127.0.0.1:5353} */
    public String describe() {
        return servers().describe();
    }

    private List<InetAddress> lookupAddresses(String host) throws IOException {
        Optional<List<InetAddress>> known = DnsLookups.systemAddresses(servers(), host);
        if (known.isPresent()) {
            return known.get();
        }
        CompletableFuture<DnsAnswer> v4 = DnsLookups.start(servers(), host, Type.A, true, context);
        CompletableFuture<DnsAnswer> v6 = DnsLookups.start(servers(), host, Type.AAAA, true, context);
        DnsAnswer a = DnsLookups.await(v4, "A " + host, servers(), context);
        DnsAnswer aaaa;
        try {
            aaaa = DnsLookups.await(v6, "AAAA " + host, servers(), context);
        } catch (DeadlineExceededException e) {
            if (a.found()) {
                // Both questions had the same deadline; the IPv4 answer is enough to go on.
                return addressesOf(a, null);
            }
            throw e;
        }
        List<InetAddress> found = addressesOf(a, aaaa);
        if (found.isEmpty()) {
            DnsAnswer telling = a.outcome() == DnsAnswer.Outcome.SERVER_FAILURE ? a : aaaa;
            throw new UnknownHostException(host + ": " + (a.outcome() == DnsAnswer.Outcome.NO_SUCH_NAME
                    ? "no such name" : telling.outcome() == DnsAnswer.Outcome.SERVER_FAILURE
                            ? "server failure" + telling.reason().map(r -> " (" + r + ")").orElse("")
                            : "no A or AAAA record") + " at " + servers().describe());
        }
        return found;
    }

    private static List<InetAddress> addressesOf(DnsAnswer a, DnsAnswer aaaa) {
        List<InetAddress> found = new ArrayList<>();
        a.records(ARecord.class).forEach(r -> found.add(r.getAddress()));
        if (aaaa != null) {
            aaaa.records(AAAARecord.class).forEach(r -> found.add(r.getAddress()));
        }
        return List.copyOf(found);
    }

    private DnsServers servers() {
        if (servers == null) {
            servers = DnsServers.of(context.network());
        }
        return servers;
    }

    private <T> T shared(SharedKey<T> key, java.util.concurrent.Callable<T> loader) throws IOException {
        try {
            return context.shared(key, loader);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new DeadlineExceededException("still waiting for another probe's DNS answer at the deadline ("
                    + key.name() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a DNS answer");
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
